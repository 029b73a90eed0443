import { markedHtml } from '../lib/dom/sanitize';
import type { SearchResult } from '../lib/search';

export interface SearchResultsProps {
  query: string;
  results: readonly SearchResult[];
  onSelect: (result: SearchResult) => void;
}

const KIND_LABELS: Record<SearchResult['kind'], string> = { entity: 'Entity', claim: 'Claim', passage: 'Archive' };

/** Search hits with the matching part marked (escaped, then sanitised by DOMPurify). */
export function SearchResults({ query, results, onSelect }: SearchResultsProps) {
  if (!results.length) {
    return <p class="empty-state">Nothing in the archive matches “{query}”.</p>;
  }
  return (
    <ul class="search-results" aria-label={`Search results for ${query}`}>
      {results.map((result) => (
        <li key={`${result.kind}:${result.id}`}>
          <button type="button" data-result={`${result.kind}:${result.id}`} onClick={() => onSelect(result)}>
            <span class="result-kind">{KIND_LABELS[result.kind]}</span>
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
