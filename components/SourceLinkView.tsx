import type { SourceLink } from '../lib/links';

/** A source link that says plainly whether it opens the article or searches for it. */
export function SourceLinkView({ link }: { link: SourceLink }) {
  return (
    <a class={`source-link source-link-${link.kind}`} href={link.href} target="_blank" rel="noopener noreferrer">
      {link.label}
    </a>
  );
}
