import { SEARCH_LIMIT } from '../../lib/archive/search-route';
import type { SearchResult } from '../../lib/knowledge/search';
import { useI18n } from '../i18n';
import { SearchResults } from '../SearchResults';
import { Loading } from './Loading';
import { ViewSection } from './ViewSection';

export interface SearchViewProps {
  /** The query as the address holds it. */
  q: string;
  /** Undefined when the query is too short to run. */
  results: SearchResult[] | 'failed' | 'pending' | undefined;
  onSelect: (result: SearchResult) => void;
}

/** The search view: the results of a full-text search of the archive, or a hint. */
export function SearchView({ q, results, onSelect }: SearchViewProps) {
  const i18n = useI18n();
  const query = q.trim();
  return (
    <ViewSection title={i18n.t('tabSearch')} class="search-view" data-search-query={q}>
      {results === 'pending' || results === 'failed' ? (
        <Loading state={results === 'pending' ? 'loading' : 'failed'} what="searching" />
      ) : results ? (
        <>
          {results.length > 0 && (
            <p class="view-intro" role="status">
              {results.length >= SEARCH_LIMIT
                ? i18n.t('searchBest', i18n.number(SEARCH_LIMIT), query)
                : i18n.plural('searchResults', results.length, query)}
            </p>
          )}
          <SearchResults query={query} results={results} onSelect={onSelect} />
        </>
      ) : (
        <p class="empty-state">{i18n.t('searchHint')}</p>
      )}
    </ViewSection>
  );
}
