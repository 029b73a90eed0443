import { useState } from 'preact/hooks';
import type { SourceLink } from '../lib/links';

export interface SourceLinkViewProps {
  link: SourceLink;
  /** A plain reference to paste elsewhere. */
  citation?: string;
  /** Offered where the clipboard can be used; receives the text to copy. */
  onCopy?: (text: string) => Promise<void>;
}

/** A source link that says plainly whether it opens the article or searches for it, with copy actions. */
export function SourceLinkView({ link, citation, onCopy }: SourceLinkViewProps) {
  const [copied, setCopied] = useState('');
  const copy = (text: string, what: string) =>
    onCopy?.(text).then(
      () => setCopied(`${what} copied`),
      () => setCopied('Could not copy'),
    );
  return (
    <span class="source-actions">
      <a class={`source-link source-link-${link.kind}`} href={link.href} target="_blank" rel="noopener noreferrer">
        {link.label}
      </a>
      {onCopy && citation && (
        <button type="button" class="copy-button" onClick={() => void copy(citation, 'Citation')}>
          Copy citation
        </button>
      )}
      {onCopy && link.kind === 'article' && (
        <button type="button" class="copy-button" onClick={() => void copy(link.href, 'Link')}>
          Copy link to passage
        </button>
      )}
      <span class="copy-status" role="status">
        {copied}
      </span>
    </span>
  );
}
