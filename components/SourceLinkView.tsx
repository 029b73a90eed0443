import { useState } from 'preact/hooks';
import type { SourceLink } from '../lib/view/links';
import { useI18n } from './i18n';

export interface SourceLinkViewProps {
  link: SourceLink;
  /** A plain reference to paste elsewhere. */
  citation?: string;
  /** Offered where the clipboard can be used; receives the text to copy. */
  onCopy?: (text: string) => Promise<void>;
}

/** A source link that says plainly whether it opens the article or searches for it, with copy actions. */
export function SourceLinkView({ link, citation, onCopy }: SourceLinkViewProps) {
  const i18n = useI18n();
  const [copied, setCopied] = useState('');
  const copy = (text: string, done: string) =>
    onCopy?.(text).then(
      () => setCopied(done),
      () => setCopied(i18n.t('copyFailed')),
    );
  return (
    <span class="source-actions">
      <a class={`source-link source-link-${link.kind}`} href={link.href} target="_blank" rel="noopener noreferrer">
        {link.kind === 'article' ? i18n.t('openAt', link.publisher) : i18n.t('searchForArticle')}
      </a>
      {onCopy && citation && (
        <button type="button" class="copy-button" onClick={() => void copy(citation, i18n.t('citationCopied'))}>
          {i18n.t('copyCitation')}
        </button>
      )}
      {onCopy && link.kind === 'article' && (
        <button type="button" class="copy-button" onClick={() => void copy(link.href, i18n.t('linkCopied'))}>
          {i18n.t('copyLink')}
        </button>
      )}
      <span class="copy-status" role="status">
        {copied}
      </span>
    </span>
  );
}
