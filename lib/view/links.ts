/** Links to sources: the article itself with a text fragment, or a labelled web search when the URL is unknown. */
import type { Source } from '../knowledge/types';

export interface SourceLink {
  href: string;
  /** 'article' opens the source; 'search' is a web search for its headline (the URL is unknown). */
  kind: 'article' | 'search';
  /** Who published it, for the link's label (worded in the UI's language). */
  publisher: string;
}

/** Characters with a meaning inside a text directive must be percent-encoded (-, & and , too). */
function encodeFragmentPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * A URL text fragment (`#:~:text=`) that lands on `quote`: the whole quote when short, otherwise its
 * first and last words as textStart,textEnd.
 */
export function textFragment(quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length <= 10) return `#:~:text=${encodeFragmentPart(words.join(' '))}`;
  const start = words.slice(0, 5).join(' ');
  const end = words.slice(-5).join(' ');
  return `#:~:text=${encodeFragmentPart(start)},${encodeFragmentPart(end)}`;
}

export function sourceLink(source: Source, passage?: string): SourceLink {
  // A reworded copy's words are not on the publisher's page: no fragment or search could find them.
  const quote = source.reworded ? undefined : passage;
  if (source.url) {
    return {
      kind: 'article',
      href: source.url + (quote ? textFragment(quote) : ''),
      publisher: source.publisher,
    };
  }
  // Never invent an address: search for the headline (or the quoted words) and the publisher instead.
  const what = source.headline ? `"${source.headline}"` : quote ? `"${quote.split(/\s+/).slice(0, 12).join(' ')}"` : '';
  return {
    kind: 'search',
    href: `https://duckduckgo.com/?q=${encodeURIComponent(`${what} ${source.publisher}`.trim())}`,
    publisher: source.publisher,
  };
}

/**
 * What goes with a passage of a reworded source wherever it is quoted (exports; the UI says the same
 * in its language): the words are the copy's, not the publisher's.
 */
export function rewordedLabel(source: Source): string | undefined {
  return source.reworded
    ? `Reworded copy of ${source.publisher}'s report: wording may differ from ${source.publisher}'s`
    : undefined;
}

/**
 * A plain reference for pasting: publisher, headline, date, URL or "URL unknown", and for a reworded
 * source a warning that the archive's words are not the publisher's.
 */
export function citation(source: Source): string {
  const authors = source.authors.length ? `${source.authors.join(', ')}. ` : '';
  const headline = source.headline ? `“${source.headline}”. ` : '';
  const date = source.dateIsEstimate ? `${source.date} (date estimated)` : source.date;
  const reworded = source.reworded
    ? ` Archived as a reworded copy: wording may differ from ${source.publisher}'s.`
    : '';
  return `${authors}${headline}${source.publisher}, ${date}. ${source.url ?? 'URL unknown'}.${reworded}`;
}
