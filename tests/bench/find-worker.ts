/**
 * The bench page's stand-in for the extension's background worker: a dedicated Worker that loads the
 * matcher as the background does (the data script's globals, made as lib/tools/build/matcher-module.ts
 * makes them) and answers the page's FindRequests with findInPage (lib/matcher/text-finder.ts).
 * Bundled by tests/bench/run.ts into an IIFE; page-engine.ts starts it (startFinder).
 */
import { loadMatcher } from '../../lib/matcher/compile';
import { type EncodedMatcherData, decodeMatcherData } from '../../lib/matcher/lazy-data';
import { type FindRequest, findInPage } from '../../lib/matcher/text-finder';
import { bytesFromBase64, deserializeScanTables } from '../../lib/scan/scan-tables';

/** Searches the warm-up text this many times before the worker says it is ready. */
const WARM_UP_SEARCHES = 5;

/**
 * The extension's background worker has answered pages before this one: its search code has run. A text
 * made of the pack's own names and claims, searched a few times, runs every step of the search here
 * (names, cues, resolution, claims) without handing it the page it is about to be asked about.
 */
function warmUp(): void {
  const { entities, claims } = matcher.data;
  const text = [
    ...entities.map((entity) => `Reports about ${entity.name} were read on Tuesday.`),
    ...claims.claims.map((claim) => claim.statement),
  ].join('\n');
  const limits = { maxTotal: 1500, maxPerEntity: 60, maxClaims: 200 };
  for (let i = 0; i < WARM_UP_SEARCHES; i++) findInPage(matcher, { part: 'page', text, limits });
}

/** A request from the page, and the message the worker sends when its matcher is loaded. */
export interface FinderQuestion {
  id: number;
  request: FindRequest;
}
export interface FinderReady {
  ready: true;
  loadMs: number;
  wasm: boolean;
}

interface WorkerScope {
  __backstoryDataJson?: string;
  __backstoryScanTables?: string;
  __backstoryScannerWasm?: string;
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<FinderQuestion>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const t0 = performance.now();
if (!scope.__backstoryDataJson || !scope.__backstoryScanTables) throw new Error('no matcher data in the worker');
const matcher = loadMatcher(decodeMatcherData(JSON.parse(scope.__backstoryDataJson) as EncodedMatcherData), {
  ...deserializeScanTables(bytesFromBase64(scope.__backstoryScanTables)),
  ...(scope.__backstoryScannerWasm ? { wasm: bytesFromBase64(scope.__backstoryScannerWasm) } : {}),
});
const loadMs = performance.now() - t0;
warmUp();
const ready: FinderReady = { ready: true, loadMs, wasm: matcher.scanner === 'wasm' };
scope.onmessage = ({ data: { id, request } }) => scope.postMessage({ id, reply: findInPage(matcher, request) });
scope.postMessage(ready);
