import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Route } from '../../lib/archive/route';
import {
  SEARCH_LIMIT,
  type SettledSearch,
  draftOf,
  resultsFor,
  searchNavigation,
  searchQueryOf,
} from '../../lib/archive/search-route';
import type { SearchResult } from '../../lib/knowledge/search';
import type { SearchClient } from './search-client';
import type { ArchiveRoute } from './use-archive-route';

/** Typing pauses this long before the search runs (and the address changes). */
const SEARCH_DEBOUNCE_MS = 150;
/** The search worker starts once the reader has stayed on a view this long (or when they search). */
const SEARCH_WARM_DELAY_MS = 1000;

export interface ArchiveSearch {
  input: RefObject<HTMLInputElement>;
  /** What the search box holds, typed or taken from the route. */
  draft: string;
  /** The route's results: undefined when it asks for none. */
  results: SearchResult[] | 'failed' | 'pending' | undefined;
  /** Starts the worker now (the reader is about to search). */
  warm: () => void;
  type: (q: string) => void;
  submit: () => void;
  /** The reader is typing in the box: a route change must not take it from them. */
  isTyping: () => boolean;
  /** The box shows what a route the reader went to asks for. */
  show: (route: Route) => void;
}

/**
 * Search runs in a worker that fetches the whole pack and builds its index. It starts when the reader
 * pauses on a view, so it does not compete with the parts a view needs, or at once for a search;
 * typing rarely waits for it and the page never does.
 */
export function useArchiveSearch(
  { route, current, navigate }: ArchiveRoute,
  startSearch: () => SearchClient,
): ArchiveSearch {
  const [draft, setDraft] = useState(() => draftOf(route));
  const input = useRef<HTMLInputElement>(null);
  const debounce = useRef<ReturnType<typeof setTimeout>>();
  const worker = useRef<SearchClient>();
  const getSearch = useCallback(() => (worker.current ??= startSearch()), [startSearch]);
  const [settled, setSettled] = useState<SettledSearch>();

  useEffect(() => {
    const timer = setTimeout(getSearch, SEARCH_WARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [route, getSearch]);

  const commit = (q: string) => {
    clearTimeout(debounce.current);
    const next = searchNavigation(current(), q);
    if (next) navigate(next.route, next.replace);
  };

  const query = searchQueryOf(route);
  useEffect(() => {
    if (query === undefined) return;
    let live = true;
    const start = performance.now();
    getSearch()
      .search(query, SEARCH_LIMIT)
      .then(
        (results) => {
          // The measure spans the round trip to the worker, as a reader waits for it.
          performance.measure('backstory:archive:search', { start, detail: { query, results: results.length } });
          if (live) setSettled({ q: query, results });
        },
        (error: unknown) => {
          console.error(error);
          if (live) setSettled({ q: query, results: 'failed' });
        },
      );
    return () => {
      live = false;
    };
  }, [query, getSearch]);

  const search: ArchiveSearch = {
    input,
    draft,
    results: resultsFor(query, settled),
    warm: () => void getSearch(),
    type: (q) => {
      setDraft(q);
      clearTimeout(debounce.current);
      debounce.current = setTimeout(() => commit(q), SEARCH_DEBOUNCE_MS);
    },
    submit: () => commit(draft),
    isTyping: () => document.activeElement === input.current,
    show: (next) => setDraft(draftOf(next)),
  };
  return search;
}
