/**
 * The page's side of the search worker (search-worker.ts): one worker for the page's life, started
 * after the first render; queries sent before its index is built wait for it.
 */
import type { ArchiveCore } from '../../lib/archive/split';
import type { SearchResult } from '../../lib/search';

export type SearchRequest =
  { type: 'start'; core: ArchiveCore; partsUrl: string } | { type: 'search'; id: number; query: string; limit: number };

export type SearchResponse =
  { type: 'ready'; busyMs: number; wallMs: number } | { type: 'results'; id: number; results: SearchResult[] };

export interface SearchClient {
  search(query: string, limit: number): Promise<SearchResult[]>;
}

export function startSearchWorker(
  core: ArchiveCore,
  partsUrl: string,
  onReady: (timing: { busyMs: number; wallMs: number }) => void,
): SearchClient {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, (results: SearchResult[]) => void>();
  let nextId = 0;
  worker.addEventListener('message', (event: MessageEvent<SearchResponse>) => {
    const response = event.data;
    if (response.type === 'ready') onReady(response);
    else {
      waiting.get(response.id)?.(response.results);
      waiting.delete(response.id);
    }
  });
  worker.postMessage({ type: 'start', core, partsUrl } satisfies SearchRequest);
  return {
    search(query, limit) {
      const id = nextId++;
      worker.postMessage({ type: 'search', id, query, limit } satisfies SearchRequest);
      return new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}
