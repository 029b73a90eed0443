/**
 * The archive's full-text search, off the page's main thread: fetches every part of the pack, joins
 * them, builds the search's word index, then answers queries. Messages: see search-client.ts.
 */
import { createArchiveSearch } from '../../lib/archive/search';
import { type ArchiveCore, joinArchive, partNames } from '../../lib/archive/split';
import type { SearchRequest, SearchResponse } from './search-client';

let resolveStart: (start: { core: ArchiveCore; partsUrl: string }) => void;
const started = new Promise<{ core: ArchiveCore; partsUrl: string }>((resolve) => (resolveStart = resolve));

const post = (message: SearchResponse) => postMessage(message);

const ready = started.then(async ({ core, partsUrl }) => {
  const start = performance.now();
  let busy = 0;
  const parts = new Map<string, unknown>();
  // One part at a time, so the page's own requests for the parts a view needs are not queued behind ours.
  for (const name of partNames(core)) {
    const text = await (await fetch(`${partsUrl}${name}.json`)).text();
    const parseStart = performance.now();
    parts.set(name, JSON.parse(text));
    busy += performance.now() - parseStart;
  }
  const indexStart = performance.now();
  const search = createArchiveSearch(joinArchive(core, (name) => parts.get(name)));
  search.prepare();
  const end = performance.now();
  post({ type: 'ready', busyMs: busy + end - indexStart, wallMs: end - start });
  return search;
});

ready.catch((error: unknown) => {
  console.error(error);
  post({ type: 'failed' });
});

addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    resolveStart(request);
    return;
  }
  void ready.then((search) => {
    post({ type: 'results', id: request.id, results: search.search(request.query, request.limit) });
  });
});
