/**
 * Runs inside the benchmarked page: bundled by tests/bench/run.ts with esbuild into an IIFE and
 * injected with page.addScriptTag. Exposes `window.__backstoryBench`. Matcher data arrives as the
 * content script gets it (lib/tools/build/matcher-module.ts matcherParts): the lazily parsed chunks of
 * lib/matcher/lazy-data.ts as one JSON string in `window.__backstoryDataJson`, the scan-table blob and
 * the WebAssembly scan loop as base64 strings; mark.js as `window.Mark`. The pass asks a dedicated Worker
 * for its findings (find-worker.ts, standing in for the extension's background worker): startFinder.
 */
import { claimsFromHits } from '../../lib/claims/match';
import { type Hit, createPageScanner } from '../../lib/dom/page-scanner';
import { createPainter } from '../../lib/dom/paint';
import { buildTextIndex, rangeFor } from '../../lib/dom/text-index';
import { type Automaton, buildAutomaton, scanText } from '../../lib/scan/automaton';
import { type Matcher, type MatcherData, loadMatcher } from '../../lib/matcher/compile';
import { type EncodedMatcherData, decodeMatcherData } from '../../lib/matcher/lazy-data';
import { collectCandidates, findEntities, newCandidates, resolveCandidates } from '../../lib/matcher/find';
import {
  type FindReply,
  type FindRequest,
  type TextFinder,
  localFinder,
  remoteFinder,
} from '../../lib/matcher/text-finder';
import { type ScanTables, bytesFromBase64, deserializeScanTables } from '../../lib/scan/scan-tables';
import { foldCode } from '../../lib/text/fold';
import { DEFAULT_SETTINGS, hiddenCategories } from '../../lib/preferences/settings';
import { categoryOf, isShown } from '../../lib/preferences/shown';
import { summariseClaims, summariseEntities } from '../../lib/findings/page-report';
import type { FinderQuestion, FinderReady } from './find-worker';

export interface FloorResult {
  ms: number;
  walkMs: number;
  joinMs: number;
  nodes: number;
  chars: number;
  /** First foldCode() call on a fresh page (builds lib/text/fold.ts's table); timed after the floor. */
  foldInitMs: number;
  /** First Intl.Segmenter sentence segmentation on a fresh page (loads ICU break rules); after the above. */
  segmenterInitMs: number;
}

export interface LoadResult {
  parseMs: number;
  /** Scan tables and WebAssembly decoded from base64, matcher made (no automaton built). */
  loadMs: number;
  keys: number;
  /** Whether the scan runs through WebAssembly (false: the JS loop). */
  wasm: boolean;
}

export interface ScanResult {
  /** textIndex + entities + claims + ranges + paint, as lib/dom/page-scanner.ts does them in one pass. */
  ms: number;
  textIndexMs: number;
  entitiesMs: number;
  claimsMs: number;
  rangesMs: number;
  paintMs: number;
  chars: number;
  textNodes: number;
  entities: number;
  claims: number;
  painter: string;
}

export interface BreakdownResult {
  textIndexMs: number;
  /** foldCode over every code unit, nothing else. */
  foldOnlyMs: number;
  /** scanText (JS) over the entity automaton with a counting callback: fold + automaton steps. */
  entityScanMs: number;
  /** The same through the WebAssembly loop (matcher.scan), text encoding included. */
  entityScanWasmMs: number;
  entityHits: number;
  /** findEntities: the scan plus boundary/case checks, leftmost-longest and disambiguation. */
  findEntitiesMs: number;
  /** An Intl.Segmenter sentence pass over the whole text (the scanner splits only blocks with claim terms). */
  segmentMs: number;
  /** collectCandidates + claimsFromHits: one scan for names and claim terms, then the claims. */
  findClaimsMs: number;
  entities: number;
  claims: number;
}

export interface ScannerResult {
  /** Wall time from createPageScanner() to scan() settled (includes yields if the scan is sliced). */
  ms: number;
  /** Duration of the `backstory:scan` measure the scanner records. */
  measureMs: number;
  entities: number;
  claims: number;
}

export interface FinderStart {
  /** Wall time from creating the worker to its being ready (matcher loaded, search warmed up). */
  ms: number;
  /** The matcher's load inside the worker (data parse, tables, WebAssembly). */
  loadMs: number;
  wasm: boolean;
}

export interface PassResult {
  /** The matcher's load in the worker, before the pass's clock (startFinder). */
  loadMs: number;
  /** Wall time of the real scanner's scan(), from its creation to the promise settling (yields included). */
  ms: number;
  /** Requests the page sent to the worker (each a round trip carrying text one way, findings back). */
  requests: number;
  /** How many times the scanner reported its findings (the content script sends each to the popup). */
  reports: number;
  entities: number;
  claims: number;
  /** Highlights painted (first mentions at the default settings). */
  painted: number;
}

export interface MarkResult {
  ms: number;
  /** RegExp construction only (markRegExp). */
  compileMs?: number;
  marks: number;
  error?: string;
}

export interface AutomatonLoadResult {
  ms: number;
  /** Decode/fetch part, before the views are made. */
  readMs: number;
  states: number;
  /** findEntities on the page with this automaton: must equal the built one's. */
  entities: number;
}

interface MarkInstance {
  markRegExp(regexp: RegExp, options: Record<string, unknown>): void;
  mark(keywords: string[], options: Record<string, unknown>): void;
}

interface BenchWindow {
  __backstoryDataJson?: string;
  __backstoryScanTables?: string;
  __backstoryScannerWasm?: string;
  Mark?: new (context: Element) => MarkInstance;
  __backstoryBench?: typeof api;
}

const w = window as unknown as BenchWindow;
const now = () => performance.now();

/** What stays alive after a run, as it would in the content script (matcher, findings, ranges). */
const state: {
  matcher?: Matcher;
  data?: MatcherData;
  retained?: unknown;
  longTasks: PerformanceEntry[];
  finder?: { finder: TextFinder; loadMs: number; requests: () => number };
} = {
  longTasks: [],
};

function matcherData(): MatcherData {
  if (!w.__backstoryDataJson) throw new Error('no matcher data in the page');
  return decodeMatcherData(JSON.parse(w.__backstoryDataJson) as EncodedMatcherData);
}

const root = () => document.body ?? document.documentElement;

/** Floor: a plain TreeWalker over every text node under <body> (no skip rules), then one join. */
function floor(): FloorResult {
  const t0 = now();
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    parts.push((node as Text).data);
  }
  const t1 = now();
  const text = parts.join('');
  const t2 = now();
  state.retained = { nodes, text, folded: foldCode(0x41) };
  const t3 = now();
  let sentences = 0;
  for (const part of new Intl.Segmenter('en', { granularity: 'sentence' }).segment('One. Two three? Four.')) {
    sentences += part.segment.length > 0 ? 1 : 0;
  }
  const t4 = now();
  state.retained = { ...(state.retained as object), sentences };
  return {
    ms: t2 - t0,
    walkMs: t1 - t0,
    joinMs: t2 - t1,
    nodes: nodes.length,
    chars: text.length,
    foldInitMs: t3 - t2,
    segmenterInitMs: t4 - t3,
  };
}

/**
 * Reference: the floor's walk visiting elements too (SHOW_ELEMENT | SHOW_TEXT), doing nothing else. Any
 * scanner that skips scripts, code, navigation and fields, and knows where blocks end, visits them.
 * Its own loop: a shared one would add a nodeType read per node to the floor.
 */
function elementWalk(): { ms: number; elements: number } {
  const t0 = now();
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const parts: string[] = [];
  let elements = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) {
      elements++;
      continue;
    }
    nodes.push(node as Text);
    parts.push((node as Text).data);
  }
  const text = parts.join('');
  const ms = now() - t0;
  state.retained = { nodes, text };
  return { ms, elements };
}

/**
 * Reference: one pass of the WebAssembly scan over the text index's text, nothing done per match, on a
 * cold load of its own (load() first; the text index is not timed). The floor plus this is what a
 * scanner walking as cheaply as the floor, with this scan, would still take.
 */
function scanOnly(): number {
  const matcher = state.matcher;
  if (!matcher) throw new Error('load() first');
  const text = buildTextIndex(root()).text;
  const t0 = now();
  matcher.scan(text, () => {});
  return now() - t0;
}

function scanTables(): ScanTables {
  if (!w.__backstoryScanTables) throw new Error('no scan tables in the page');
  return deserializeScanTables(bytesFromBase64(w.__backstoryScanTables));
}

/** As the content script starts: JSON.parse of the data string, prebuilt tables, WebAssembly (unless `js`). */
function load(js = false): LoadResult {
  const t0 = now();
  const data = matcherData();
  const t1 = now();
  const wasm = js || !w.__backstoryScannerWasm ? undefined : bytesFromBase64(w.__backstoryScannerWasm);
  state.matcher = loadMatcher(data, { ...scanTables(), ...(wasm ? { wasm } : {}) });
  const t2 = now();
  return { parseMs: t1 - t0, loadMs: t2 - t1, keys: data.keys.length, wasm: state.matcher.scanner === 'wasm' };
}

/** The content script's scan pass (lib/dom/page-scanner.ts), phase by phase, in one synchronous go. */
function scan(): ScanResult {
  const matcher = state.matcher;
  if (!matcher) throw new Error('load() first');
  const t0 = now();
  const index = buildTextIndex(root());
  const text = index.text;
  const t1 = now();
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  const entityFindings = resolveCandidates(matcher, text, candidates).findings;
  const t2 = now();
  const claimFindings = claimsFromHits(matcher.claims, text, candidates.terms);
  const t3 = now();
  const withRange = <T extends { start: number; end: number }>(finding: T) => ({
    ...finding,
    range: rangeFor(index, finding.start, finding.end, document),
  });
  const current = { entities: entityFindings.map(withRange), claims: claimFindings.map(withRange) };
  const t4 = now();
  const painter = createPainter(window);
  painter.paint([
    { name: 'claim', ranges: current.claims.map((finding) => finding.range) },
    { name: 'entity', ranges: current.entities.map((finding) => finding.range) },
  ]);
  const t5 = now();
  state.retained = { index, current, painter };
  return {
    ms: t5 - t0,
    textIndexMs: t1 - t0,
    entitiesMs: t2 - t1,
    claimsMs: t3 - t2,
    rangesMs: t4 - t3,
    paintMs: t5 - t4,
    chars: text.length,
    textNodes: index.nodes.length,
    entities: current.entities.length,
    claims: current.claims.length,
    painter: painter.kind,
  };
}

/** Sub-phases, each timed on its own after one another (so later ones run on warmer code). */
function breakdown(): BreakdownResult {
  const matcher = state.matcher;
  if (!matcher) throw new Error('load() first');
  const t0 = now();
  const index = buildTextIndex(root());
  const text = index.text;
  const t1 = now();
  let folded = 0;
  for (let i = 0; i < text.length; i++) folded ^= foldCode(text.charCodeAt(i));
  const t2 = now();
  let entityHits = 0;
  scanText(matcher.automaton, text, () => void entityHits++);
  const t3 = now();
  const entities = findEntities(matcher, text);
  const t4 = now();
  let claimHits = 0;
  matcher.scan(text, () => void claimHits++);
  const t5 = now();
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let sentences = 0;
  for (const { segment } of segmenter.segment(text.replace(/[\n\r\t\f\v]/g, ' ')))
    sentences += segment.length > 0 ? 1 : 0;
  const t6 = now();
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  const claims = claimsFromHits(matcher.claims, text, candidates.terms);
  const t7 = now();
  state.retained = { folded, claimHits, sentences };
  return {
    textIndexMs: t1 - t0,
    foldOnlyMs: t2 - t1,
    entityScanMs: t3 - t2,
    entityHits,
    findEntitiesMs: t4 - t3,
    entityScanWasmMs: t5 - t4,
    segmentMs: t6 - t5,
    findClaimsMs: t7 - t6,
    entities: entities.length,
    claims: claims.length,
  };
}

/** The real lib/dom/page-scanner.ts scanner, as the content script creates and starts it. */
async function scannerScan(): Promise<ScannerResult> {
  const matcher = state.matcher;
  if (!matcher) throw new Error('load() first');
  const t0 = now();
  const scanner = createPageScanner(document, localFinder(matcher));
  // scan() may return the findings or a promise of them, depending on the scanner's version.
  const found = await scanner.scan();
  const t1 = now();
  const measures = performance.getEntriesByName('backstory:scan');
  state.retained = { scanner, found };
  return {
    ms: t1 - t0,
    measureMs: measures.at(-1)?.duration ?? NaN,
    entities: found.entities.length,
    claims: found.claims.length,
  };
}

/**
 * Starts the stand-in for the extension's background worker (find-worker.ts) and waits until its matcher is
 * loaded and its search warmed up (find-worker.ts warmUp): all before the pass's clock starts, as the
 * extension's background worker is running and warm when a page loads. The worker is made from a blob: the bench's
 * scripts and the page may come from different origins, and the data script writes `window.…`.
 */
async function startFinder(workerUrl: string, dataUrl: string): Promise<FinderStart> {
  const t0 = now();
  const source = `self.window = self; importScripts(${JSON.stringify(dataUrl)}, ${JSON.stringify(workerUrl)});`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const ready = await new Promise<FinderReady>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FinderReady>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`find worker: ${event.message}`));
  });
  const pending = new Map<number, (reply: FindReply) => void>();
  worker.onmessage = ({ data }: MessageEvent<{ id: number; reply: FindReply }>) => {
    pending.get(data.id)?.(data.reply);
    pending.delete(data.id);
  };
  let next = 0;
  let requests = 0;
  const ask = (request: FindRequest) =>
    new Promise<FindReply>((resolve) => {
      const question: FinderQuestion = { id: next++, request };
      pending.set(question.id, resolve);
      worker.postMessage(question);
    });
  const counted = (request: FindRequest) => {
    requests++;
    return ask(request);
  };
  state.finder = { finder: remoteFinder(counted), loadMs: ready.loadMs, requests: () => requests };
  return { ms: now() - t0, loadMs: ready.loadMs, wasm: ready.wasm };
}

/**
 * Backstory's pass as the content script runs it on a cold page, the matcher in the worker (startFinder
 * first): the real lib/dom/page-scanner.ts scan asking the worker through remoteFinder, with the content
 * script's display rules at the default settings (no category hidden, no corrections, first mentions
 * painted: lib/preferences/shown.ts, read per finding) and its report (the popup's summaries, built at each
 * onScan; the message itself is not sent).
 */
async function pass(): Promise<PassResult> {
  if (!state.finder) throw new Error('startFinder() first');
  const { finder, loadMs, requests } = state.finder;
  const requestsBefore = requests();
  const t1 = now();
  let reports = 0;
  const settings = DEFAULT_SETTINGS;
  const item = (hit: Hit) => (hit.kind === 'claim' ? hit.finding.claim : hit.finding.entity);
  const page = () => ({ url: location.href, hostname: location.hostname });
  const scanner = createPageScanner(document, finder, {
    isShown: (hit) =>
      isShown(
        finder.items,
        { kind: hit.kind, item: item(hit), text: () => hit.finding.range.toString() },
        { hiddenCategories: hiddenCategories(settings), corrections: [], page },
      ),
    everyMention: (hit) => settings.mentions[categoryOf(finder.items, hit.kind, item(hit))] === 'all',
    onScan: (shown) => {
      reports++;
      state.retained = [summariseEntities(finder.items, shown.entities), summariseClaims(finder.items, shown.claims)];
    },
  });
  const found = await scanner.scan();
  const t2 = now();
  state.retained = { scanner, found, retained: state.retained };
  const painted = scanner.painted();
  return {
    loadMs,
    ms: t2 - t1,
    requests: requests() - requestsBefore,
    reports,
    entities: found.entities.length,
    claims: found.claims.length,
    painted: painted.entities.length + painted.claims.length,
  };
}

/**
 * Runs `work` between two user-timing marks, `bench:<id>:start` and `bench:<id>:end`, the end after the
 * page has rendered twice (so the style, layout and paint the work caused fall inside): the bench sums
 * the main thread's CPU time between them from a trace.
 */
async function traced<T>(id: string, work: () => T | Promise<T>): Promise<T> {
  performance.mark(`bench:${id}:start`);
  const result = await work();
  await settle();
  performance.mark(`bench:${id}:end`);
  return result;
}

function countMarks(): number {
  return document.querySelectorAll('mark[data-markjs]').length;
}

function markjs(): new (context: Element) => MarkInstance {
  if (!w.Mark) throw new Error('mark.js is not loaded');
  return w.Mark;
}

/** mark.js markRegExp with one alternation; resolves at mark.js's `done`. */
function markRegExp(source: string, flags: string): Promise<MarkResult> {
  const Mark = markjs();
  return new Promise((resolve) => {
    const t0 = now();
    try {
      const regexp = new RegExp(source, flags);
      regexp.test('warm up: compile the expression now');
      regexp.lastIndex = 0;
      const t1 = now();
      new Mark(root()).markRegExp(regexp, {
        done: () => resolve({ ms: now() - t0, compileMs: t1 - t0, marks: countMarks() }),
      });
    } catch (error) {
      resolve({ ms: now() - t0, marks: countMarks(), error: String(error) });
    }
  });
}

/** mark.js mark(array): one DOM pass per keyword. */
function markArray(keywords: string[]): Promise<MarkResult> {
  const Mark = markjs();
  return new Promise((resolve) => {
    const t0 = now();
    try {
      new Mark(root()).mark(keywords, {
        separateWordSearch: false,
        done: () => resolve({ ms: now() - t0, marks: countMarks() }),
      });
    } catch (error) {
      resolve({ ms: now() - t0, marks: countMarks(), error: String(error) });
    }
  });
}

/** Entity findings with a given automaton in place of the built one (checks a loaded automaton). */
function entitiesWith(data: MatcherData, automaton: Automaton): number {
  const matcher: Matcher = loadMatcher(data, { ...scanTables(), automaton });
  return findEntities(matcher, buildTextIndex(root()).text).length;
}

const automaton = {
  /** buildAutomaton(keys) in the page, as loadMatcher does. */
  build(): AutomatonLoadResult {
    const data = matcherData();
    const t0 = now();
    const built = buildAutomaton(data.keys);
    const t1 = now();
    return { ms: t1 - t0, readMs: 0, states: built.fail.length, entities: entitiesWith(data, built) };
  },
  /** fetch() of the serialized automaton + views over its buffer. */
  async fetch(url: string): Promise<AutomatonLoadResult> {
    const t0 = now();
    const buffer = await (await fetch(url)).arrayBuffer();
    const t1 = now();
    const { automaton: loaded } = deserializeScanTables(new Uint8Array(buffer));
    const t2 = now();
    return { ms: t2 - t0, readMs: t1 - t0, states: loaded.fail.length, entities: entitiesWith(matcherData(), loaded) };
  },
  /** The base64 blob already in the page (as the content script has it) → bytes → views. */
  base64(): AutomatonLoadResult {
    const encoded = w.__backstoryScanTables;
    if (!encoded) throw new Error('no scan tables in the page');
    const t0 = now();
    const bytes = bytesFromBase64(encoded);
    const t1 = now();
    const { automaton: loaded } = deserializeScanTables(bytes);
    const t2 = now();
    return { ms: t2 - t0, readMs: t1 - t0, states: loaded.fail.length, entities: entitiesWith(matcherData(), loaded) };
  },
};

/** Records long tasks (>50 ms) from now on. */
function observeLongTasks(): void {
  state.longTasks = [];
  new PerformanceObserver((list) => state.longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
}

function longTasks(): { start: number; duration: number }[] {
  return state.longTasks.map((entry) => ({ start: entry.startTime, duration: entry.duration }));
}

/** Runs `work` as a task of its own (setTimeout), like the content script's start-up or a rescan. */
function inTask<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}

/** Two rAFs and a timeout: the page has rendered and gone idle. */
function settle(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))));
}

const api = {
  floor,
  elementWalk,
  scanOnly,
  load,
  scan,
  /** load() + scan() in one go, as the content script does at start-up; then one warm re-scan for comparison. */
  backstory: () => {
    const first = { load: load(), scan: scan() };
    return { ...first, warmScan: scan() };
  },
  /** The same start-up and scan with the JS scan loop in place of WebAssembly, for comparison. */
  backstoryJs: () => ({ load: load(true), scan: scan() }),
  breakdown,
  scannerScan,
  startFinder,
  pass,
  traced,
  markRegExp,
  markArray,
  automaton,
  observeLongTasks,
  longTasks,
  loadInTask: () => inTask(load),
  scanInTask: () => inTask(scan),
  settle,
  /** Drops the references to the last run's results (for heap measurements). */
  dropRetained: () => {
    state.retained = undefined;
  },
};

export type BackstoryBench = typeof api;

w.__backstoryBench = api;
