/**
 * The page's side of the search worker (search-worker.ts): one worker for the page's life, started
 * when first needed; queries sent before its index is built wait for it, and fail if the pack could
 * not be loaded.
 */
import type { ArchiveCore } from '../../lib/archive/split';
import type { SearchResult } from '../../lib/knowledge/search';

export type SearchRequest =
  { type: 'start'; core: ArchiveCore; partsUrl: string } | { type: 'search'; id: number; query: string; limit: number };

export type SearchResponse =
  | { type: 'ready'; busyMs: number; wallMs: number }
  | { type: 'failed' }
  | { type: 'results'; id: number; results: SearchResult[] };

export interface SearchClient {
  search(query: string, limit: number): Promise<SearchResult[]>;
}

export function startSearchWorker(
  core: ArchiveCore,
  partsUrl: string,
  onReady: (timing: { busyMs: number; wallMs: number }) => void,
): SearchClient {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (results: SearchResult[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failed = false;
  const failure = () => new Error('the archive could not be loaded for search');
  worker.addEventListener('message', (event: MessageEvent<SearchResponse>) => {
    const response = event.data;
    if (response.type === 'ready') onReady(response);
    else if (response.type === 'failed') {
      failed = true;
      for (const { reject } of waiting.values()) reject(failure());
      waiting.clear();
    } else {
      waiting.get(response.id)?.resolve(response.results);
      waiting.delete(response.id);
    }
  });
  worker.postMessage({ type: 'start', core, partsUrl } satisfies SearchRequest);
  return {
    search(query, limit) {
      if (failed) return Promise.reject(failure());
      const id = nextId++;
      worker.postMessage({ type: 'search', id, query, limit } satisfies SearchRequest);
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
  };
}
