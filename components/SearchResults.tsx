import { markedHtml } from '../lib/dom/sanitize';
import type { MessageKey } from '../lib/view/i18n';
import type { SearchResult } from '../lib/knowledge/search';
import { useI18n } from './i18n';

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

/** Search hits with the matching part marked (escaped, then sanitised by DOMPurify). */
export function SearchResults({ query, results, onSelect }: SearchResultsProps) {
  const i18n = useI18n();
  if (!results.length) {
    return <p class="empty-state">{i18n.t('noSearchResults', query)}</p>;
  }
  return (
    <ul class="search-results" aria-label={i18n.t('searchResultsFor', query)}>
      {results.map((result) => (
        <li key={`${result.kind}:${result.id}`}>
          <button type="button" data-result={`${result.kind}:${result.id}`} onClick={() => onSelect(result)}>
            <span class="result-kind">{i18n.t(KIND_LABELS[result.kind])}</span>
            <span class="result-title">{result.title}</span>
            <span
              class="result-snippet"
              dangerouslySetInnerHTML={{ __html: markedHtml(window, result.snippet, result.marks) }}
            />
          </button>
        </li>
      ))}
    </ul>
  );
}
