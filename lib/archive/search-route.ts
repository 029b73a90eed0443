/** The archive's search as routes: the query a route asks for, where typing leads, where a result opens. */
import type { SearchResult } from '../knowledge/search';
import type { Route } from './route';

/** At most this many results are shown (the view says when it shows only the best). */
export const SEARCH_LIMIT = 50;
/** Shorter queries match nearly everything fuzzily: the view shows a hint instead. */
const MIN_QUERY_LENGTH = 2;

/** What the search box shows on arriving at a route: its query on the search view, else nothing. */
export function draftOf(route: Route): string {
  return route.view === 'search' ? route.q : '';
}

/** The query to run for a route, if it asks for one. */
export function searchQueryOf(route: Route): string | undefined {
  return route.view === 'search' && route.q.trim().length >= MIN_QUERY_LENGTH ? route.q : undefined;
}

/**
 * Where committing `q` in the search box leads from `current`: on the search view the query is
 * rewritten in place (typing makes no history entries); elsewhere a query that is not blank opens it.
 */
export function searchNavigation(current: Route, q: string): { route: Route; replace: boolean } | undefined {
  if (current.view === 'search') return { route: { view: 'search', q }, replace: true };
  return q.trim() ? { route: { view: 'search', q }, replace: false } : undefined;
}

/** Where a result opens: an entity or a claim its background, a passage its article at that passage. */
export function resultRoute(
  result: SearchResult,
  sourceOfPassage: (index: number) => string | undefined,
): Route | undefined {
  if (result.kind !== 'passage') return { view: result.kind, id: result.id };
  const passage = Number(result.id);
  const article = sourceOfPassage(passage);
  return article ? { view: 'articles', article, passage } : undefined;
}

/** A search that came back: its query and results, or 'failed'. */
export interface SettledSearch {
  q: string;
  results: SearchResult[] | 'failed';
}

/** What the search view shows for `query`: nothing to search, results, 'failed', or 'pending' until they come. */
export function resultsFor(
  query: string | undefined,
  settled: SettledSearch | undefined,
): SearchResult[] | 'failed' | 'pending' | undefined {
  if (query === undefined) return undefined;
  return settled?.q === query ? settled.results : 'pending';
}
