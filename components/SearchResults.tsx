import { markedHtml } from '../lib/dom/sanitize';
import type { SearchResult } from '../lib/knowledge/search';
import type { MessageKey } from '../lib/view/i18n';
import { useI18n } from './i18n';
import { sourceDateLabel } from './source-date';

export interface SearchResultsProps {
  query: string;
  results: readonly SearchResult[];
  onSelect: (result: SearchResult) => void;
}

const KIND_LABELS: Record<SearchResult['kind'], MessageKey> = {
  entity: 'resultEntity',
  claim: 'cardKindClaim',
  passage: 'resultPassage',
};

/** Text with the words the query stands for in <mark> (lib/dom/sanitize.ts escapes and sanitises it). */
function Marked({ class: className, text, marks }: { class: string; text: string; marks: [number, number][] }) {
  return <span class={className} dangerouslySetInnerHTML={{ __html: markedHtml(window, text, marks) }} />;
}

/**
 * Search hits: what kind of thing, a title, for a passage its publisher and date, and a snippet that
 * says what the title does not, with the words the query stands for marked.
 */
export function SearchResults({ query, results, onSelect }: SearchResultsProps) {
  const i18n = useI18n();
  if (!results.length) {
    return <p class="empty-state">{i18n.t('noSearchResults', query)}</p>;
  }
  return (
    <ul class="search-results" aria-label={i18n.t('searchResultsFor', query)}>
      {results.map((result) => {
        const meta = [
          i18n.t(KIND_LABELS[result.kind]),
          result.publisher !== result.title ? result.publisher : undefined,
          result.date !== undefined
            ? sourceDateLabel(i18n, { date: result.date, dateIsEstimate: !!result.dateIsEstimate })
            : undefined,
          result.reworded ? i18n.t('rewordedShort') : undefined,
        ].filter(Boolean);
        return (
          <li key={`${result.kind}:${result.id}`}>
            <button type="button" data-result={`${result.kind}:${result.id}`} onClick={() => onSelect(result)}>
              <span class="result-kind">{meta.join(' · ')}</span>
              <Marked class="result-title" text={result.title} marks={result.titleMarks} />
              {result.snippet && <Marked class="result-snippet" text={result.snippet} marks={result.marks} />}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
