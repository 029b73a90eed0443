/**
 * npm run bench [-- options]: Backstory against a text-walk floor and mark.js 8.11 in real Chromium,
 * on the saved news pages of ../shared/pages (off-topic: almost nothing matches), their on-topic twins
 * in ../shared/pages-ontopic (where the per-match work happens), a roundup of 82 stories and two 1 MB
 * pages, with the real knowledge pack and generated packs of 1,000 / 10,000 / 100,000 aliases.
 * Prints figures; never asserts timings.
 *
 * Options:
 *   --quick          3 runs, the real pack and 1,000 aliases, one page of each kind, no extras' repeats
 *   --ontopic        the on-topic pages alone with the real pack, 3 runs, no extras (a few minutes)
 *   --pages=a,b      only pages whose name contains one of these (`ontopic`, `offtopic` pick a set)
 *   --packs=real,1000 only these packs; --reps=N runs per figure; --only=pages skips the extras;
 *                    --only=startup measures the content script's start-up alone (the pages' start-up set)
 *   --base=DIR       also runs the pass with DIR's tests/bench/page-engine.ts and DIR's lib/ (the code
 *                    before a change), interleaved load by load with this tree's: side-by-side figures;
 *                    with --only=startup, DIR's extension (the real pack: DIR's own) beside this tree's
 *
 * Each page's runs are traced (CDP, toplevel + user timing): beside each wall time the bench gives the
 * renderer main thread's CPU time between the run's start and two frames after its end (the style,
 * layout and paint its highlights or marks cause included). Backstory's pass asks a dedicated Worker of
 * the page for its findings (find-worker.ts, the extension's background worker's stand-in, loaded and warm
 * before the clock): that worker thread's CPU over the pass is given beside the main thread's.
 *
 * Every measured run starts from a cold page load (the page is navigated again before each run);
 * figures are medians of the runs. Everything in one process, on the same pages, in one browser.
 * Output: Markdown on stdout, also written to tests/bench/.cache/results.md (+ results.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { type Browser, type BrowserContext, type CDPSession, type Page, chromium } from 'playwright-core';
import { buildAutomaton } from '../../lib/scan/automaton';
import { matcherParts } from '../../lib/tools/build/matcher-module';
import { compileScannerWasm } from '../../lib/tools/build/scanner-wasm';
import { type MatcherData, matcherDataFromPack } from '../../lib/matcher/compile';
import { serializeScanTables } from '../../lib/scan/scan-tables';
import { computeFoldTables } from '../../lib/text/fold';
import type { KnowledgePack } from '../../lib/knowledge/types';
import {
  CHROMIUM_FLAGS,
  ROOT,
  SHARED_PAGES,
  findChromium,
  launchWithExtension,
  servePages,
  stripScripts,
} from '../e2e/support/browser';
import { aliasCount, generatePack, readRealPack } from './generate-pack';
import { generatePage } from './generate-page';
import { type RunCpu, type TraceEvent, cpuOfRuns, cpuOfThreadsNamed, endTrace, outermost } from './trace';
import type {
  AutomatonLoadResult,
  BackstoryBench,
  BreakdownResult,
  FloorResult,
  LoadResult,
  MarkResult,
  PassResult,
  ScanResult,
  ScannerResult,
} from './page-engine';

// ---------------------------------------------------------------------------------------------
// Settings

const option = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
const ONTOPIC_ONLY = process.argv.includes('--ontopic');
const QUICK = process.argv.includes('--quick') || ONTOPIC_ONLY;
const REPS = Number(option('reps') ?? (QUICK ? 3 : 5));
const STARTUP_ONLY = option('only') === 'startup';
/** Start-up runs per page (each a traced page load with the extension); --reps sets it with --only=startup. */
const STARTUP_REPS = STARTUP_ONLY && option('reps') ? REPS : 3;
const PACK_SIZES = ONTOPIC_ONLY ? [] : QUICK ? [1_000] : [1_000, 10_000, 100_000];
const PACK_FILTER = option('packs')?.split(',');
const PAGE_FILTER = option('pages')?.split(',') ?? (ONTOPIC_ONLY ? ['ontopic'] : undefined);
const PAGES_ONLY = option('only') === 'pages' || ONTOPIC_ONLY;
const BASE_DIR = option('base');
const ONTOPIC_PAGES = join(ROOT, '..', 'shared', 'pages-ontopic');
/** mark.js markRegExp takes seconds with big packs: fewer runs there. */
const markRegExpReps = (aliases: number) => (aliases >= 100_000 ? 1 : aliases >= 10_000 ? 3 : REPS);
/** Wall-clock cap for one mark.js call; the tab is closed when it runs over. */
const MARK_CAP_MS = 30_000;
const MARK_ARRAY_CAP_MS = 20_000;
const CACHE = join(ROOT, 'tests', 'bench', '.cache');
const QUICK_PAGE = 'bbc-1.html';
const GENERATED = 'generated-1mb';
const ROUNDUP = 'roundup-ontopic';
const STRESS_ONTOPIC = 'stress-1mb-ontopic';

const log = (...parts: unknown[]) => console.error(...parts);
let loadAtStart = '';
let codeVersion = '';

/** The commit and how many files under lib/ and entrypoints/ differ from it (others work in this tree). */
function describeCode(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
  const changed = git('status', '--porcelain', '--', 'lib', 'entrypoints').split('\n').filter(Boolean).length;
  return `git ${head}${changed ? ` + ${changed} uncommitted change(s) under lib/ and entrypoints/` : ''}, as of ${new Date().toISOString().slice(11, 16)} UTC`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function ratio(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "SyntaxError: Invalid regular expression: /…huge source…/gmi: Stack overflow" → head … tail. */
function shortError(message: string): string {
  const flat = message.replace(/\s+/g, ' ');
  return flat.length <= 120 ? flat : `${flat.slice(0, 50)} … ${flat.slice(-60)}`;
}

function withCap<T>(promise: Promise<T>, capMs: number): Promise<T | 'capped'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<'capped'>((resolve) => (timer = setTimeout(() => resolve('capped'), capMs)));
  return Promise.race([promise, cap]).finally(() => clearTimeout(timer));
}

type BenchWindow = { __backstoryBench: BackstoryBench };

/** Field-by-field median of a few result objects with the same numeric fields. */
function medianOf<T extends object>(items: T[]): T {
  const first = items[0]!;
  const out = { ...first } as Record<string, unknown>;
  for (const key of Object.keys(first)) {
    const values = items.map((item) => (item as Record<string, unknown>)[key]);
    if (values.every((v) => typeof v === 'number')) out[key] = median(values as number[]);
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Assets: packs, matcher data, pages, the page engine

interface PackInfo {
  key: string;
  label: string;
  aliases: number;
  pack: KnowledgePack;
  data: MatcherData;
  packPath: string;
  dataBytes: number;
  /** Distinct alias strings, longest first (mark.js input). */
  aliasList: string[];
  regexSource: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function packInfo(key: string, label: string, pack: KnowledgePack): PackInfo {
  const data = matcherDataFromPack(pack);
  const aliasSet = new Set<string>();
  for (const entity of pack.entities) for (const alias of [entity.name, ...entity.aliases]) aliasSet.add(alias);
  const aliasList = [...aliasSet].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const packPath = join(CACHE, 'packs', `knowledge-${key}.json`);
  mkdirSync(join(CACHE, 'packs'), { recursive: true });
  writeFileSync(packPath, JSON.stringify(pack));
  return {
    key,
    label,
    aliases: aliasCount(pack),
    pack,
    data,
    packPath,
    dataBytes: JSON.stringify(data).length,
    aliasList,
    regexSource: `\\b(?:${aliasList.map(escapeRegExp).join('|')})\\b`,
  };
}

/** A bench script of `root`'s tests/bench (page-engine.ts, find-worker.ts) as one IIFE, kept in the cache as `saveAs`. */
async function bundleScript(root: string, script: string, saveAs: string): Promise<string> {
  const result = await esbuild({
    entryPoints: [join(root, 'tests', 'bench', script)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  writeFileSync(join(CACHE, saveAs), code);
  return code;
}

interface BenchServer {
  url(path: string): string;
  add(path: string, body: string | Uint8Array, type: string): void;
  close(): Promise<void>;
}

/** Generated pages and bench scripts on 127.0.0.1 (saved pages come from servePages). */
async function serveBench(): Promise<BenchServer> {
  const files = new Map<string, { body: string | Uint8Array; type: string }>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path);
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response
      .writeHead(200, {
        'content-type': file.type,
        'access-control-allow-origin': '*',
        // Bench scripts and data may come from the HTTP cache; pages are always fetched again.
        'cache-control': path.startsWith('/bench/') ? 'max-age=3600' : 'no-store',
      })
      .end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    add: (path, body, type) => files.set(path, { body, type }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface PageInfo {
  name: string;
  url: string;
  bytes: number;
  /** The 1 MB stress pages are reported apart from the news pages. */
  big: boolean;
  /** Off-topic pages predate the archive's events; on-topic ones carry real coverage of its subject. */
  set: 'offtopic' | 'ontopic';
}

/** Off-topic article pages: the "news pages" of the bench's older tables. */
const isOfftopicNews = (p: { big: boolean; set: string }) => !p.big && p.set === 'offtopic';
const isOntopicArticle = (p: { big: boolean; set: string; page?: string; name?: string }) =>
  !p.big && p.set === 'ontopic' && (p.page ?? p.name) !== ROUNDUP;

// ---------------------------------------------------------------------------------------------
// Results

/** A run's wall time and the main thread's CPU time over it (trace), in ms. */
interface Timed {
  ms: number;
  cpu: number;
}

interface PageResult {
  floor: FloorResult[];
  /** The floor's runs: wall and CPU (the same runs as `floor`). */
  floorCpu: Timed[];
  /** Backstory's pass as the content script runs it (page-engine.ts pass), this tree's code. */
  pass: PassRun[];
  /** The same with the code of --base, on loads interleaved with the above. */
  basePass: PassRun[];
  /** markRegExp's runs: wall and CPU. */
  markCpu: Timed[];
  /** The floor's walk visiting elements too, each on a cold load of its own (page-engine.ts elementWalk). */
  elementWalk: number[];
  backstory: { load: LoadResult; scan: ScanResult; warmScan: ScanResult }[];
  /** The scan over the page's text alone, each on a cold load of its own (page-engine.ts scanOnly). */
  scanOnly: number[];
  /** Cold runs with the JS scan loop (packs up to 1,000 aliases). */
  backstoryJs: { load: LoadResult; scan: ScanResult }[];
  scanner: ScannerResult[];
  markRegExp: MarkResult[];
  markRegExpNote?: string;
  breakdown?: BreakdownResult;
}

/** A pass with its page main thread's CPU and its worker thread's (NaN: no worker, the matcher in the page). */
type PassRun = PassResult & { cpu: number; workerCpu: number };

type Results = Map<string, Map<string, PageResult>>; // pack key → page name → runs

interface MarkArrayResult {
  pack: string;
  page: string;
  result?: MarkResult;
  note: string;
}

// ---------------------------------------------------------------------------------------------
// In-page runs

async function openPage(page: Page, url: string, scripts: string[], server: BenchServer): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  for (const script of scripts) await page.addScriptTag({ url: server.url(script) });
  await page.evaluate(() => (window as unknown as BenchWindow).__backstoryBench.settle());
}

const ENGINE = '/bench/engine.js';
const MARK = '/bench/mark.min.js';
const dataScript = (pack: PackInfo) => `/bench/data-${pack.key}.js`;

/** The worker the pass asks (find-worker.ts), standing in for the extension's background worker. */
const FIND_WORKER = '/bench/find-worker.js';

/** The engine bundled from --base's tree (its tests/bench/page-engine.ts and lib/). */
const BASE_ENGINE = '/bench/engine-base.js';

/**
 * One page, every pack: floor and each pack's Backstory run interleaved rep by rep (so all figures of
 * a page come from the same few minutes), each run on a cold load of its own. The tab is traced
 * throughout: the floor's, the pass's and markRegExp's runs get their main-thread CPU time from it.
 */
async function measurePage(
  context: BrowserContext,
  server: BenchServer,
  packs: PackInfo[],
  target: PageInfo,
): Promise<Map<string, PageResult>> {
  const floor: FloorResult[] = [];
  const floorCpu: Timed[] = [];
  const elementWalk: number[] = [];
  const results = new Map<string, PageResult>(
    packs.map((pack) => [
      pack.key,
      {
        floor,
        floorCpu,
        elementWalk,
        pass: [],
        basePass: [],
        markCpu: [],
        backstory: [],
        scanOnly: [],
        backstoryJs: [],
        scanner: [],
        markRegExp: [],
      },
    ]),
  );
  let page = await context.newPage();
  // Traced from the browser's session (a tab closed after a capped mark.js run does not end it), one
  // short trace per run: a trace over all of a page's runs grew to hundreds of MB on a busy machine.
  const cdp = await context.browser()!.newBrowserCDPSession();
  let tracing = false;
  const startTrace = async () => {
    await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
    tracing = true;
  };
  /** Ids of traced runs → where their CPU time goes once the trace is read. */
  const pendingCpu = new Map<string, (cpu: RunCpu) => void>();
  const collectCpu = async () => {
    if (!tracing) return;
    tracing = false;
    const cpu = cpuOfRuns(await endTrace(cdp));
    for (const [id, set] of pendingCpu) set(cpu.get(id) ?? { main: NaN, workers: NaN });
    pendingCpu.clear();
  };
  let runId = 0;
  const markStopped = new Set<string>();
  for (let rep = 0; rep < REPS; rep++) {
    await openPage(page, target.url, [ENGINE], server);
    const floorId = `floor-${runId++}`;
    await startTrace();
    const walked = await page.evaluate(
      ([id]) => {
        const bench = (window as unknown as BenchWindow).__backstoryBench;
        return bench.traced(id, () => bench.floor());
      },
      [floorId] as const,
    );
    floor.push(walked);
    const floorTimed: Timed = { ms: walked.ms, cpu: NaN };
    floorCpu.push(floorTimed);
    pendingCpu.set(floorId, (cpu) => (floorTimed.cpu = cpu.main));
    await collectCpu();
    await openPage(page, target.url, [ENGINE], server);
    const elements = await page.evaluate(() => (window as unknown as BenchWindow).__backstoryBench.elementWalk());
    elementWalk.push(elements.ms);
    for (const pack of packs) {
      const result = results.get(pack.key)!;
      if (pack.aliases <= 1000 && !QUICK) {
        await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
        result.backstoryJs.push(
          await page.evaluate(() => (window as unknown as BenchWindow).__backstoryBench.backstoryJs()),
        );
      }
      await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
      result.scanOnly.push(
        await page.evaluate(() => {
          const bench = (window as unknown as BenchWindow).__backstoryBench;
          bench.load();
          return bench.scanOnly();
        }),
      );
      // The pass, this tree's code and --base's alternately first, each on a cold load of its own.
      const engines = BASE_DIR ? [ENGINE, BASE_ENGINE] : [ENGINE];
      if (rep % 2) engines.reverse();
      // This tree's pass asks a worker (started and loaded before the clock); an older engine without
      // startFinder loads the matcher in the page, from the data script, inside its pass.
      for (const engine of engines) {
        await openPage(page, target.url, engine === ENGINE ? [engine] : [engine, dataScript(pack)], server);
        await page.evaluate(
          async ([workerUrl, dataUrl]) => {
            const bench = (window as unknown as BenchWindow).__backstoryBench;
            if ('startFinder' in bench) await bench.startFinder(workerUrl, dataUrl);
            await bench.settle();
          },
          [server.url(FIND_WORKER), server.url(dataScript(pack))] as const,
        );
        const id = `pass-${runId++}`;
        await startTrace();
        const run = await page.evaluate(
          ([passId]) => {
            const bench = (window as unknown as BenchWindow).__backstoryBench;
            return bench.traced(passId, () => bench.pass());
          },
          [id] as const,
        );
        const timed = { ...run, cpu: NaN, workerCpu: NaN };
        (engine === ENGINE ? result.pass : result.basePass).push(timed);
        pendingCpu.set(id, (cpu) => {
          timed.cpu = cpu.main;
          timed.workerCpu = cpu.workers;
        });
        await collectCpu();
      }
      await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
      result.backstory.push(await page.evaluate(() => (window as unknown as BenchWindow).__backstoryBench.backstory()));
      if (rep === REPS - 1) {
        // Same load, after the measured runs (warm code): the real page scanner, then the sub-phases.
        const { scanner, breakdown } = await page.evaluate(async () => {
          const bench = (window as unknown as BenchWindow).__backstoryBench;
          const scanner = await bench.scannerScan();
          bench.breakdown(); // warm-up pass: every step has run once before the timed passes
          return { scanner, breakdown: [bench.breakdown(), bench.breakdown(), bench.breakdown()] };
        });
        result.scanner.push(scanner);
        result.breakdown = medianOf(breakdown);
      }

      if (rep >= markRegExpReps(pack.aliases) || markStopped.has(pack.key)) continue;
      await openPage(page, target.url, [ENGINE, MARK], server);
      const markId = `mark-${runId++}`;
      await startTrace();
      const run = page.evaluate(
        ([source, id]) => {
          const bench = (window as unknown as BenchWindow).__backstoryBench;
          return bench.traced(id, () => bench.markRegExp(source, 'gi'));
        },
        [pack.regexSource, markId] as const,
      );
      const outcome = await withCap(run, MARK_CAP_MS);
      if (outcome === 'capped') {
        result.markRegExpNote = `capped at ${MARK_CAP_MS / 1000} s`;
        markStopped.add(pack.key);
        run.catch(() => {});
        await page.close().catch(() => {});
        page = await context.newPage();
      } else if (outcome.error) {
        result.markRegExpNote = `threw: ${shortError(outcome.error)}`;
        markStopped.add(pack.key);
      } else {
        result.markRegExp.push(outcome);
        const timed: Timed = { ms: outcome.ms, cpu: NaN };
        result.markCpu.push(timed);
        pendingCpu.set(markId, (cpu) => (timed.cpu = cpu.main));
      }
      await collectCpu();
    }
  }
  await collectCpu();
  await cdp.detach().catch(() => {});
  await page.close();
  return results;
}

async function measureMarkArray(
  context: BrowserContext,
  server: BenchServer,
  pack: PackInfo,
  target: PageInfo,
): Promise<MarkArrayResult> {
  const page = await context.newPage();
  await openPage(page, target.url, [ENGINE, MARK], server);
  const run = page.evaluate(([keywords]) => (window as unknown as BenchWindow).__backstoryBench.markArray(keywords), [
    pack.aliasList,
  ] as const);
  const outcome = await withCap(run, MARK_ARRAY_CAP_MS);
  run.catch(() => {});
  await page.close().catch(() => {});
  if (outcome === 'capped')
    return { pack: pack.key, page: target.name, note: `capped: still running after ${MARK_ARRAY_CAP_MS / 1000} s` };
  if (outcome.error)
    return {
      pack: pack.key,
      page: target.name,
      result: outcome,
      note: `threw after ${ms(outcome.ms)} ms: ${shortError(outcome.error)}`,
    };
  return { pack: pack.key, page: target.name, result: outcome, note: `${ms(outcome.ms)} ms, ${outcome.marks} marks` };
}

interface HeapResult {
  pack: string;
  baseline: number;
  afterLoad: number;
  afterScan: number;
  afterScannerScan: number;
}

async function measureHeap(
  context: BrowserContext,
  server: BenchServer,
  pack: PackInfo,
  target: PageInfo,
): Promise<HeapResult> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  };
  await openPage(page, target.url, [ENGINE], server);
  const baseline = await used();
  await page.addScriptTag({ url: server.url(dataScript(pack)) });
  await page.evaluate(() => void (window as unknown as BenchWindow).__backstoryBench.load());
  const afterLoad = await used();
  await page.evaluate(() => void (window as unknown as BenchWindow).__backstoryBench.scan());
  const afterScan = await used();
  await page.evaluate(async () => void (await (window as unknown as BenchWindow).__backstoryBench.scannerScan()));
  const afterScannerScan = await used();
  await cdp.detach();
  await page.close();
  return { pack: pack.key, baseline, afterLoad, afterScan, afterScannerScan };
}

interface LongTaskResult {
  pack: string;
  page: string;
  loadSyncMs: number;
  scanSyncMs: number;
  loadTasks: number[];
  scanTasks: number[];
  scannerMs: number;
  scannerTasks: number[];
}

async function measureLongTasks(
  context: BrowserContext,
  server: BenchServer,
  pack: PackInfo,
  target: PageInfo,
): Promise<LongTaskResult> {
  const page = await context.newPage();
  await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
  const replica = await page.evaluate(async () => {
    const bench = (window as unknown as BenchWindow).__backstoryBench;
    bench.observeLongTasks();
    const load = await bench.loadInTask();
    await bench.settle();
    const loadTasks = bench.longTasks().map((t) => t.duration);
    bench.observeLongTasks();
    const scan = await bench.scanInTask();
    await bench.settle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { load, scan, loadTasks, scanTasks: bench.longTasks().map((t) => t.duration) };
  });
  await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
  const real = await page.evaluate(async () => {
    const bench = (window as unknown as BenchWindow).__backstoryBench;
    await new Promise((resolve) => setTimeout(() => resolve(bench.load())));
    await bench.settle();
    bench.observeLongTasks();
    const result = await bench.scannerScan();
    await bench.settle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { result, tasks: bench.longTasks().map((t) => t.duration) };
  });
  await page.close();
  return {
    pack: pack.key,
    page: target.name,
    loadSyncMs: replica.load.loadMs + replica.load.parseMs,
    scanSyncMs: replica.scan.ms,
    loadTasks: replica.loadTasks,
    scanTasks: replica.scanTasks,
    scannerMs: real.result.ms,
    scannerTasks: real.tasks,
  };
}

interface AutomatonResult {
  pack: string;
  keys: number;
  states: number;
  nodeBuildMs: number;
  rawBytes: number;
  gzipBytes: number;
  base64Bytes: number;
  jsonBytes: number;
  build: AutomatonLoadResult[];
  fetch: AutomatonLoadResult[];
  base64: AutomatonLoadResult[];
}

async function measureAutomaton(
  context: BrowserContext,
  server: BenchServer,
  pack: PackInfo,
  target: PageInfo,
): Promise<AutomatonResult> {
  const nodeTimes: number[] = [];
  let built = buildAutomaton(pack.data.keys);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    built = buildAutomaton(pack.data.keys);
    nodeTimes.push(performance.now() - t0);
  }
  const bytes = serializeScanTables({ automaton: built, fold: computeFoldTables() });
  const base64 = Buffer.from(bytes).toString('base64');
  server.add(`/bench/automaton-${pack.key}.bin`, bytes, 'application/octet-stream');
  const result: AutomatonResult = {
    pack: pack.key,
    keys: pack.data.keys.length,
    states: built.fail.length,
    nodeBuildMs: median(nodeTimes),
    rawBytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes).byteLength,
    base64Bytes: base64.length,
    jsonBytes: pack.dataBytes,
    build: [],
    fetch: [],
    base64: [],
  };
  const page = await context.newPage();
  const binUrl = server.url(`/bench/automaton-${pack.key}.bin`);
  for (let rep = 0; rep < REPS; rep++) {
    await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
    result.build.push(await page.evaluate(() => (window as unknown as BenchWindow).__backstoryBench.automaton.build()));
    await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
    result.fetch.push(
      await page.evaluate(([url]) => (window as unknown as BenchWindow).__backstoryBench.automaton.fetch(url), [
        binUrl,
      ] as const),
    );
    await openPage(page, target.url, [ENGINE, dataScript(pack)], server);
    result.base64.push(
      await page.evaluate(() => (window as unknown as BenchWindow).__backstoryBench.automaton.base64()),
    );
  }
  await page.close();
  return result;
}

interface StartupRun {
  domContentLoaded: number;
  /** content.js evaluation (compile + top level, which JSON.parses the matcher data), from the trace. */
  evaluateStart: number;
  evaluateMs: number;
  /** Longest top-level main-thread slice that ran content-script code (see ownSlices). */
  ownLongest: number;
  /** Thread (CPU) time of that slice: on a busy 2-core machine a slice can wait for a core. */
  ownLongestCpu: number;
  /** The first load after the browser started (no code cache for content.js yet). */
  first: boolean;
  /** Thread time of the own slices from content.js evaluation up to the first highlight (trace). */
  cpuToFirstHighlight: number;
  /**
   * Thread time of the extension's background service worker over the same span (trace; the bench's pages
   * have no scripts, so the only service worker is the extension's). NaN: the trace has no such thread.
   */
  serviceWorkerCpu: number;
  scanStart: number;
  scanDuration: number;
  firstHighlight: number;
  longest: number;
}

interface StartupResult {
  pack: string;
  page: string;
  contentScriptBytes: number;
  runs: StartupRun[];
  error?: string;
}

const SCAN_MEASURE = 'backstory:scan';

/**
 * Top-level main-thread slices (scheduler tasks, and microtask checkpoints run outside one) from the
 * one that evaluates content.js on, in which content-script code ran: content.js evaluation, calls into
 * content.js, the scan-start mark, or a long microtask run (the page's scripts are stripped, so after
 * the injection those are ours: code after an `await` of an extension API, such as loadMatcher, runs
 * there). Before the injection a long microtask run is the page's (its parsing task holds one): counted,
 * it added 30–80 ms of the page's own parsing to "our" start-up CPU.
 */
function ownSlices(trace: TraceEvent[], evaluate: TraceEvent | undefined): TraceEvent[] {
  if (!evaluate) return [];
  const onMain = trace.filter((e) => e.tid === evaluate.tid);
  const roots = outermost(
    onMain.filter((e) => e.ph === 'X' && e.cat.includes('toplevel') && e.ts + (e.dur ?? 0) >= evaluate.ts),
  );
  const markers = onMain.filter(
    (e) =>
      ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
        String(e.args?.data?.url ?? '').endsWith('/content-scripts/content.js')) ||
      e.name.startsWith('backstory:scan-start') ||
      (e.name === 'RunMicrotasks' && (e.dur ?? 0) >= 1000),
  );
  return roots.filter((r) => markers.some((m) => m.ts >= r.ts && m.ts <= r.ts + (r.dur ?? 0)));
}

/**
 * The extension built from `root` (this tree, or a base's) with the pack; a base builds the real pack
 * from its own assets/knowledge.json (an older matcher compiler may not read today's pack).
 */
function buildExtension(pack: PackInfo, root = ROOT): string {
  const base = root !== ROOT;
  const outDir = join(CACHE, base ? `ext-${pack.key}-base` : `ext-${pack.key}`);
  const packPath = base && pack.key === 'real' ? join(root, 'assets', 'knowledge.json') : pack.packPath;
  const built = spawnSync('npx', ['tsx', join('tests', 'bench', 'build-extension.ts'), outDir], {
    cwd: root,
    env: { ...process.env, BACKSTORY_PACK: packPath },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`extension build failed:\n${built.stdout}\n${built.stderr}`);
  return join(outDir, 'chrome-mv3');
}

/** Key of the reference extension in start-up results (MINIMAL_CONTENT_SCRIPT). */
const MINIMAL = 'minimal';

/**
 * Reference for the start-up target: a content script that paints one highlight on the page's first
 * word and does nothing else (no matcher, no storage, no UI), with the same measures as Backstory's.
 */
const MINIMAL_CONTENT_SCRIPT = `(() => {
  const start = 'backstory:scan-start';
  performance.mark(start);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const word = /\\p{L}{4,}/u.exec(node.data);
    if (!word) continue;
    const range = document.createRange();
    range.setStart(node, word.index);
    range.setEnd(node, word.index + word[0].length);
    CSS.highlights.set('backstory-entity', new Highlight(range));
    break;
  }
  performance.measure('backstory:first-paint', start);
  performance.measure('backstory:scan', start);
})();
`;

function minimalExtension(): string {
  const dir = join(CACHE, `ext-${MINIMAL}`);
  mkdirSync(join(dir, 'content-scripts'), { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Backstory bench: minimal content script',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content-scripts/content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content-scripts', 'content.js'), MINIMAL_CONTENT_SCRIPT);
  return dir;
}

/** An extension measured at start-up: its key in the results and its built folder. */
interface StartupVariant {
  key: string;
  extensionDir: string;
}

/**
 * Start-up of each variant on each page, STARTUP_REPS traced loads a page. With several variants (a base
 * build beside this tree's), each runs in a browser of its own and their loads alternate, load by load,
 * so that both see the same moments of a busy machine.
 */
async function measureStartup(variants: StartupVariant[], targets: PageInfo[]): Promise<StartupResult[]> {
  const browsers: {
    variant: StartupVariant;
    browser: Awaited<ReturnType<typeof launchWithExtension>>;
    cdp: CDPSession;
  }[] = [];
  const results: StartupResult[] = [];
  try {
    for (const variant of variants) {
      // The card stays closed to pages, as readers get it; the minimal reference has no storage to open it with.
      // Traced from a browser session: a page's session records no other process (the background's worker).
      const port = await freePort();
      const browser = await launchWithExtension({
        extensionDir: variant.extensionDir,
        openCard: false,
        args: [`--remote-debugging-port=${port}`],
      });
      const cdp = await (await chromium.connectOverCDP(`http://127.0.0.1:${port}`)).newBrowserCDPSession();
      browsers.push({ variant, browser, cdp });
      await browser.context.addInitScript(() => {
        const w = window as unknown as { __benchLongTasks: { start: number; duration: number }[] };
        w.__benchLongTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            w.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask' });
      });
    }
    const loadsInBrowser = new Map<StartupVariant, number>();
    for (const target of targets) {
      const tabs = [];
      for (const { variant, browser, cdp } of browsers) {
        const contentScriptBytes = statSync(join(variant.extensionDir, 'content-scripts', 'content.js')).size;
        const result: StartupResult = { pack: variant.key, page: target.name, contentScriptBytes, runs: [] };
        const page = await browser.context.newPage();
        tabs.push({ variant, result, page, cdp });
      }
      for (let rep = 0; rep < STARTUP_REPS; rep++) {
        for (const tab of tabs) {
          if (tab.result.error) continue;
          try {
            const loads = loadsInBrowser.get(tab.variant) ?? 0;
            loadsInBrowser.set(tab.variant, loads + 1);
            tab.result.runs.push({ ...(await traceStartup(tab.page, tab.cdp, target)), first: loads === 0 });
          } catch (error) {
            tab.result.error = String(error).split('\n')[0];
          }
        }
      }
      for (const tab of tabs) {
        await tab.page.close();
        results.push(tab.result);
      }
    }
  } finally {
    for (const { browser, cdp } of browsers) {
      await cdp.detach().catch(() => {});
      await browser.close();
    }
  }
  return results;
}

/** A TCP port nothing listens on now (for Chromium's remote debugging). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Chromium's name for the thread of a service worker, such as the extension's background (trace metadata). */
const SERVICE_WORKER_THREAD = 'ServiceWorker thread';

/** One traced load of a page with the extension (a browser-wide trace), up to its first scan's end. */
async function traceStartup(page: Page, cdp: CDPSession, target: PageInfo): Promise<Omit<StartupRun, 'first'>> {
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,blink.user_timing,v8.execute',
    transferMode: 'ReturnAsStream',
  });
  await page.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(100);
  const trace = await endTrace(cdp);
  const run = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scan = performance.getEntriesByName('backstory:scan')[0]!;
    // Long pages paint their top before the scan ends (lib/dom/page-scanner.ts FIRST_PAINT_MEASURE).
    const firstPaint = performance.getEntriesByName('backstory:first-paint')[0] ?? scan;
    const tasks = (window as unknown as { __benchLongTasks: { start: number; duration: number }[] }).__benchLongTasks;
    const end = scan.startTime + scan.duration;
    const during = tasks.filter((t) => t.start + t.duration > nav.domContentLoadedEventEnd && t.start < end);
    return {
      domContentLoaded: nav.domContentLoadedEventEnd,
      scanStart: scan.startTime,
      scanDuration: scan.duration,
      firstHighlight: firstPaint.startTime + firstPaint.duration,
      longest: during.length ? Math.max(...during.map((t) => t.duration)) : 0,
    };
  });
  // Trace clock → page clock through the scan's user-timing event, present in both.
  const scanBegin = trace.find((e) => e.name === SCAN_MEASURE && e.ph === 'b');
  const evaluate = trace.find(
    (e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith('/content-scripts/content.js'),
  );
  const toPage = (ts: number) => (scanBegin ? run.scanStart + (ts - scanBegin.ts) / 1000 : NaN);
  const own = ownSlices(trace, evaluate);
  const longestOwn = own.reduce<TraceEvent | undefined>((a, b) => ((b.dur ?? 0) > (a?.dur ?? -1) ? b : a), undefined);
  // The first highlight: the end of the first first-paint measure (or the scan's, on short pages).
  const firstPaintEnd =
    trace.find((e) => e.name === 'backstory:first-paint' && e.ph === 'e') ??
    trace.find((e) => e.name === SCAN_MEASURE && e.ph === 'e');
  const cpuToFirstHighlight = firstPaintEnd
    ? own
        .filter((slice) => slice.ts <= firstPaintEnd.ts)
        .reduce((sum, slice) => sum + (slice.tdur ?? slice.dur ?? 0), 0) / 1000
    : NaN;
  return {
    ...run,
    serviceWorkerCpu:
      evaluate && firstPaintEnd ? cpuOfThreadsNamed(trace, SERVICE_WORKER_THREAD, evaluate.ts, firstPaintEnd.ts) : NaN,
    evaluateStart: evaluate ? toPage(evaluate.ts) : NaN,
    evaluateMs: evaluate?.dur !== undefined ? evaluate.dur / 1000 : NaN,
    ownLongest: (longestOwn?.dur ?? NaN) / 1000,
    ownLongestCpu: (longestOwn?.tdur ?? NaN) / 1000,
    cpuToFirstHighlight,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

interface PageSummary {
  page: string;
  big: boolean;
  set: PageInfo['set'];
  floor: number;
  floorCpu: number;
  /** The real scanner's pass (page-engine.ts pass): scan wall time, and CPU including load and repaint. */
  pass: number;
  passCpu: number;
  /** Thread time of the worker the pass asked, over the same span (NaN: the matcher ran in the page). */
  passWorkerCpu: number;
  /** The matcher's load in the worker, before the pass's clock. */
  passLoad: number;
  /** Requests the page sent to the worker during the pass. */
  passRequests: number;
  passReports: number;
  passEntities: number;
  passClaims: number;
  /** Highlights the pass painted (NaN from a --base engine that does not say). */
  passPainted: number;
  /** The same with --base's code (NaN without it). */
  basePass: number;
  basePassCpu: number;
  basePassWorkerCpu: number;
  basePassEntities: number;
  basePassClaims: number;
  markCpu: number;
  elementWalk: number;
  scanOnly: number;
  backstory: number;
  /** The scan without findClaims (what mark.js does: names only). */
  noClaims: number;
  warm: number;
  /** The same cold scan with the JS scan loop (NaN above 1,000 aliases). */
  js: number;
  load: number;
  parse: number;
  scanner: number;
  markRegExp: number;
  markNote?: string;
  phases: { textIndex: number; entities: number; claims: number; ranges: number; paint: number };
  entities: number;
  claims: number;
  scannerEntities: number;
  scannerClaims: number;
  chars: number;
  foldInit: number;
  segmenterInit: number;
  breakdown?: BreakdownResult;
}

function summarise(target: PageInfo, r: PageResult): PageSummary {
  const scans = r.backstory.map((b) => b.scan);
  return {
    page: target.name,
    big: target.big,
    set: target.set,
    floor: median(r.floor.map((f) => f.ms)),
    floorCpu: median(r.floorCpu.map((f) => f.cpu)),
    pass: median(r.pass.map((p) => p.ms)),
    passCpu: median(r.pass.map((p) => p.cpu)),
    passWorkerCpu: median(r.pass.map((p) => p.workerCpu)),
    passRequests: median(r.pass.map((p) => p.requests)),
    passLoad: median(r.pass.map((p) => p.loadMs)),
    passReports: median(r.pass.map((p) => p.reports)),
    passEntities: r.pass[0]?.entities ?? 0,
    passClaims: r.pass[0]?.claims ?? 0,
    passPainted: r.pass[0]?.painted ?? NaN,
    basePass: median(r.basePass.map((p) => p.ms)),
    basePassCpu: median(r.basePass.map((p) => p.cpu)),
    basePassWorkerCpu: median(r.basePass.map((p) => p.workerCpu)),
    basePassEntities: r.basePass[0]?.entities ?? NaN,
    basePassClaims: r.basePass[0]?.claims ?? NaN,
    markCpu: median(r.markCpu.map((m) => m.cpu)),
    elementWalk: median(r.elementWalk),
    scanOnly: median(r.scanOnly),
    backstory: median(scans.map((s) => s.ms)),
    warm: median(r.backstory.map((b) => b.warmScan.ms)),
    js: median(r.backstoryJs.map((b) => b.scan.ms)),
    noClaims: median(scans.map((s) => s.ms - s.claimsMs)),
    load: median(r.backstory.map((b) => b.load.loadMs)),
    parse: median(r.backstory.map((b) => b.load.parseMs)),
    scanner: median(r.scanner.map((s) => s.ms)),
    markRegExp: median(r.markRegExp.map((m) => m.ms)),
    markNote: r.markRegExpNote,
    phases: {
      textIndex: median(scans.map((s) => s.textIndexMs)),
      entities: median(scans.map((s) => s.entitiesMs)),
      claims: median(scans.map((s) => s.claimsMs)),
      ranges: median(scans.map((s) => s.rangesMs)),
      paint: median(scans.map((s) => s.paintMs)),
    },
    entities: scans[0]?.entities ?? 0,
    claims: scans[0]?.claims ?? 0,
    scannerEntities: r.scanner[0]?.entities ?? 0,
    scannerClaims: r.scanner[0]?.claims ?? 0,
    chars: scans[0]?.chars ?? 0,
    foldInit: median(r.floor.map((f) => f.foldInitMs)),
    segmenterInit: median(r.floor.map((f) => f.segmenterInitMs)),
    breakdown: r.breakdown,
  };
}

/** A pass's main-thread CPU plus its worker's (none when the matcher ran in the page). */
function allCpu(p: PageSummary, which: 'pass' | 'base'): number {
  const [main, worker] = which === 'pass' ? [p.passCpu, p.passWorkerCpu] : [p.basePassCpu, p.basePassWorkerCpu];
  return main + (Number.isFinite(worker) ? worker : 0);
}

/**
 * The pass table: per page (real pack), the walk, Backstory's pass and markRegExp, each with wall time
 * and main-thread CPU, then the ratios the targets are stated in, by kind of page.
 */
function passReport(line: (text?: string) => void, all: PageSummary[]): void {
  if (!all.length) return;
  const base = all.some((p) => Number.isFinite(p.basePass));
  const workerLoad = median(all.map((p) => p.passLoad));
  const kind = (p: PageSummary) =>
    p.set === 'ontopic'
      ? p.big
        ? '1 MB, on-topic'
        : p.page === ROUNDUP
          ? 'roundup'
          : 'on-topic article'
      : p.big
        ? '1 MB, off-topic'
        : 'off-topic article';
  line("### Backstory's pass, real pack: wall time and main-thread CPU, side by side in this run");
  line();
  line(
    '"walk" = the floor (TreeWalker over every text node + one join). "pass" = the content script\'s work on a cold load, ' +
      'the matcher in the background: the real lib/dom/page-scanner.ts createPageScanner(document, remoteFinder(ask)).scan() with the content ' +
      "script's display rules at the default settings (first mentions painted) and popup summaries; `ask` posts each FindRequest to a dedicated " +
      "Worker of the bench page (tests/bench/find-worker.ts: another thread, standing in for the extension's background service worker), which " +
      'answers with findInPage (lib/matcher/text-finder.ts). The worker is started, its matcher loaded' +
      (Number.isFinite(workerLoad) ? ` (${ms(workerLoad)} ms, median page)` : '') +
      " and its search warmed up (five searches of a text made of the pack's own names and claim statements, not the page's) BEFORE " +
      "the pass's clock starts, as the extension's background worker is already running and warm when a page loads (a service " +
      'worker Chrome stopped after 30 s idle would start cold: not measured here); the page loads no matcher. ' +
      "Wall: from the scanner's creation to its promise, the round trips to the " +
      "worker and yields included. CPU = the renderer main thread's thread time (trace) from the run's start to two frames after its end: " +
      'for the pass reading the text, posting the requests and reading the replies, ranges, painting, display rules, reports and the ' +
      'highlight repaint it causes; "worker CPU" = the worker thread\'s thread time over the same span (the search and its replies; in ' +
      'brackets the requests the page sent: a long page asks for its top first, then for the whole page), so that no ' +
      'work is hidden: main + worker is all the pass costs. For markRegExp its call and the style, layout and paint its marks force; ' +
      'for the walk the same frames with nothing to repaint. Medians of the cold runs.' +
      (base
        ? ' "before": the same pass with the --base code, each load interleaved with this code\'s (its own page engine: where its matcher ' +
          'lives there, in the page, its load falls inside the pass and its CPU; worker CPU "–" when it used no worker).'
        : ''),
  );
  line();
  const head = [
    'page',
    'kind',
    'walk ms (CPU)',
    'pass ms (CPU)',
    'worker CPU (requests)',
    'pass / walk (CPU / CPU)',
    'markRegExp ms (CPU)',
    'markRegExp / pass: wall, CPU',
    ...(base
      ? ['before: pass ms (CPU)', 'before: worker CPU', 'before / after: wall, main CPU, main + worker CPU']
      : []),
    'entities / claims (painted)',
  ];
  line(`| ${head.join(' | ')} |`);
  line(`|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
  const order = ['on-topic article', 'roundup', '1 MB, on-topic', 'off-topic article', '1 MB, off-topic'];
  const sorted = [...all].sort((a, b) => order.indexOf(kind(a)) - order.indexOf(kind(b)) || (a.page < b.page ? -1 : 1));
  for (const p of sorted) {
    const cells = [
      p.page,
      kind(p),
      `${ms(p.floor)} (${ms(p.floorCpu)})`,
      `${ms(p.pass)} (${ms(p.passCpu)})`,
      `${ms(p.passWorkerCpu)} (${p.passRequests})`,
      `${ratio(p.pass / p.floor)} (${ratio(p.passCpu / p.floorCpu)})`,
      p.markNote ?? `${ms(p.markRegExp)} (${ms(p.markCpu)})`,
      `${ratio(p.markRegExp / p.pass)}, ${ratio(p.markCpu / p.passCpu)}`,
      ...(base
        ? [
            `${ms(p.basePass)} (${ms(p.basePassCpu)})`,
            ms(p.basePassWorkerCpu),
            `${ratio(p.basePass / p.pass)}, ${ratio(p.basePassCpu / p.passCpu)}, ${ratio(allCpu(p, 'base') / allCpu(p, 'pass'))}`,
          ]
        : []),
      `${p.passEntities} / ${p.passClaims} (${p.passPainted})${base && (p.basePassEntities !== p.passEntities || p.basePassClaims !== p.passClaims) ? ` (before ${p.basePassEntities} / ${p.basePassClaims})` : ''}`,
    ];
    line(`| ${cells.join(' | ')} |`);
  }
  line();
  line('Against the targets (medians across the pages of a kind; worst page in brackets):');
  line();
  for (const k of order) {
    const chosen = all.filter((p) => kind(p) === k);
    if (!chosen.length) continue;
    const stat = (f: (p: PageSummary) => number, worst: 'max' | 'min') => {
      const values = chosen.map((p) => ({ page: p.page, v: f(p) })).filter((x) => Number.isFinite(x.v));
      if (!values.length) return '–';
      const w = values.reduce((a, b) => ((worst === 'max' ? b.v > a.v : b.v < a.v) ? b : a));
      return `${ratio(median(values.map((x) => x.v)))}${values.length > 1 ? ` (${ratio(w.v)} ${w.page})` : ''}`;
    };
    line(
      `- ${k} (${chosen.length}): pass / walk ${stat((p) => p.pass / p.floor, 'max')}, CPU ${stat((p) => p.passCpu / p.floorCpu, 'max')}; ` +
        `markRegExp / pass ${stat((p) => p.markRegExp / p.pass, 'min')}, CPU ${stat((p) => p.markCpu / p.passCpu, 'min')}` +
        (base
          ? `; before / after ${stat((p) => p.basePass / p.pass, 'min')}, main CPU ${stat((p) => p.basePassCpu / p.passCpu, 'min')}, ` +
            `main + worker CPU ${stat((p) => allCpu(p, 'base') / allCpu(p, 'pass'), 'min')}`
          : ''),
    );
  }
  line();
}

interface Row {
  floor: number;
  backstory: number;
  ratioMedian: number;
  ratioWorst: number;
  worstPage: string;
  markRegExp: number;
  markRatio: number;
  speedUp: number;
  noClaims: number;
  speedUpNoClaims: number;
  load: number;
  scanner: number;
  notes: string[];
}

function row(pages: PageSummary[]): Row {
  const ratios = pages.map((p) => ({ page: p.page, value: p.backstory / p.floor }));
  const worst = ratios.reduce((a, b) => (b.value > a.value ? b : a), { page: '', value: -Infinity });
  return {
    floor: median(pages.map((p) => p.floor)),
    backstory: median(pages.map((p) => p.backstory)),
    ratioMedian: median(ratios.map((r) => r.value)),
    ratioWorst: worst.value,
    worstPage: worst.page,
    markRegExp: median(pages.map((p) => p.markRegExp)),
    markRatio: median(pages.map((p) => p.markRegExp / p.floor)),
    speedUp: median(pages.map((p) => p.markRegExp / p.backstory)),
    noClaims: median(pages.map((p) => p.noClaims)),
    speedUpNoClaims: median(pages.map((p) => p.markRegExp / p.noClaims)),
    load: median(pages.map((p) => p.load)),
    scanner: median(pages.map((p) => p.scanner)),
    notes: pages.filter((p) => p.markNote).map((p) => `${p.page}: ${p.markNote}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const started = Date.now();
  codeVersion = describeCode();
  loadAtStart = loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');
  let chromiumPath: string;
  try {
    chromiumPath = findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  mkdirSync(CACHE, { recursive: true });

  // Packs.
  const real = readRealPack();
  let packs: PackInfo[] = [packInfo('real', 'real pack', real)];
  for (const size of PACK_SIZES)
    packs.push(packInfo(String(size), `${size.toLocaleString('en-US')} aliases`, generatePack(real, size)));
  if (PACK_FILTER) packs = packs.filter((pack) => PACK_FILTER.includes(pack.key));
  const largest = packs[packs.length - 1]!;

  // Pages.
  const [shared, server] = await Promise.all([servePages(), serveBench()]);
  server.add(ENGINE, await bundleScript(ROOT, 'page-engine.ts', 'page-engine.js'), 'text/javascript');
  server.add(FIND_WORKER, await bundleScript(ROOT, 'find-worker.ts', 'find-worker.js'), 'text/javascript');
  if (BASE_DIR)
    server.add(BASE_ENGINE, await bundleScript(BASE_DIR, 'page-engine.ts', 'page-engine-base.js'), 'text/javascript');
  server.add(
    MARK,
    readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
    'text/javascript',
  );
  // What lib/tools/build/matcher-module.ts puts in the content script, made the same way here.
  const wasmBase64 = Buffer.from(await compileScannerWasm()).toString('base64');
  for (const pack of packs) {
    const { data, tables } = matcherParts(pack.data);
    server.add(
      dataScript(pack),
      `window.__backstoryDataJson=${JSON.stringify(JSON.stringify(data))};` +
        `window.__backstoryScanTables=${JSON.stringify(Buffer.from(tables).toString('base64'))};` +
        `window.__backstoryScannerWasm=${JSON.stringify(wasmBase64)};`,
      'text/javascript',
    );
  }
  const generated = generatePage();
  server.add(`/gen/${GENERATED}.html`, generated, 'text/html; charset=utf-8');
  let pages: PageInfo[] = [];
  const notes: string[] = [];
  if (existsSync(SHARED_PAGES)) {
    const files = readdirSync(SHARED_PAGES)
      .filter((file) => file.endsWith('.html'))
      .sort();
    const news = files.filter((file) => !file.startsWith('synthetic'));
    const chosen = QUICK && !PAGE_FILTER ? [news.includes(QUICK_PAGE) ? QUICK_PAGE : news[0]!].filter(Boolean) : news;
    for (const file of chosen) {
      pages.push({
        name: file.replace(/\.html$/, ''),
        url: shared.url(`/shared/${file}`),
        bytes: statSync(join(SHARED_PAGES, file)).size,
        big: false,
        set: 'offtopic',
      });
    }
    if (!QUICK && files.includes('synthetic-30.html')) {
      pages.push({
        name: 'synthetic-30',
        url: shared.url('/shared/synthetic-30.html'),
        bytes: statSync(join(SHARED_PAGES, 'synthetic-30.html')).size,
        big: true,
        set: 'offtopic',
      });
    }
  } else {
    notes.push(`No saved pages in ${SHARED_PAGES}: skipped the off-topic news pages.`);
  }
  if (existsSync(ONTOPIC_PAGES)) {
    // Served like ../shared/pages: scripts and links removed (servePages' stripScripts).
    const files = readdirSync(ONTOPIC_PAGES)
      .filter((file) => file.endsWith('.html'))
      .sort();
    const quickPicks = [QUICK_PAGE.replace('.html', '-ontopic.html'), `${ROUNDUP}.html`];
    for (const file of QUICK && !PAGE_FILTER ? files.filter((f) => quickPicks.includes(f)) : files) {
      const body = readFileSync(join(ONTOPIC_PAGES, file), 'utf8');
      const name = file.replace(/\.html$/, '');
      server.add(`/ontopic/${file}`, stripScripts(body), 'text/html; charset=utf-8');
      pages.push({
        name,
        url: server.url(`/ontopic/${file}`),
        bytes: Buffer.byteLength(body),
        big: name === STRESS_ONTOPIC,
        set: 'ontopic',
      });
    }
  } else {
    notes.push(`No on-topic pages in ${ONTOPIC_PAGES}: skipped them.`);
  }
  const sharedNote = notes.join(' ');
  if (sharedNote) log(sharedNote);
  const generatedPage: PageInfo = {
    name: GENERATED,
    url: server.url(`/gen/${GENERATED}.html`),
    bytes: Buffer.byteLength(generated),
    big: true,
    set: 'offtopic',
  };
  pages.push(generatedPage);
  if (PAGE_FILTER) {
    pages = pages.filter((p) =>
      PAGE_FILTER.some((f) => (f === 'ontopic' || f === 'offtopic' ? p.set === f : p.name.includes(f))),
    );
  }
  const newsPages = pages.filter(isOfftopicNews);
  /**
   * On-topic pages run with the real pack (the targets are about its aliases); the on-topic 1 MB page
   * with every pack (no task over 50 ms, also at 100,000 aliases).
   */
  const packsFor = (target: PageInfo) =>
    target.set === 'ontopic' && target.name !== STRESS_ONTOPIC ? packs.filter((p) => p.key === 'real') : packs;

  log(
    `Backstory bench${QUICK ? ' (quick)' : ''}: ${pages.length} pages × ${packs.length} packs, ${REPS} runs each; Chromium ${chromiumPath}`,
  );
  for (const pack of packs) {
    log(
      `  pack ${pack.label}: ${pack.pack.entities.length} entities, ${pack.aliases} aliases, ${pack.data.keys.length} keys, data ${mb(pack.dataBytes)}`,
    );
  }

  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

  const results: Results = new Map();
  const markArray: MarkArrayResult[] = [];
  const heaps: HeapResult[] = [];
  const longTasks: LongTaskResult[] = [];
  let automaton: AutomatonResult | undefined;
  let startup: StartupResult[] = [];

  try {
    for (const pack of packs) results.set(pack.key, new Map());
    for (const target of STARTUP_ONLY ? [] : pages) {
      const t0 = Date.now();
      const byPack = await measurePage(context, server, packsFor(target), target);
      for (const pack of packsFor(target)) {
        const r = byPack.get(pack.key)!;
        results.get(pack.key)!.set(target.name, r);
        const s = summarise(target, r);
        log(
          `  ${target.name.padEnd(16)} [${pack.key}] floor ${ms(s.floor)} (CPU ${ms(s.floorCpu)}) · pass ${ms(s.pass)} (CPU ${ms(s.passCpu)}, worker ${ms(s.passWorkerCpu)}${BASE_DIR ? `; base ${ms(s.basePass)}, CPU ${ms(s.basePassCpu)}` : ''}) · ` +
            `replica ${ms(s.backstory)} (load ${ms(s.load)}) · markRegExp ${s.markNote ?? ms(s.markRegExp)} (CPU ${ms(s.markCpu)}) · ${s.entities} entities, ${s.claims} claims`,
        );
      }
      log(`  ${target.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    // mark(array): one run each, capped; a handful of pages only (it takes seconds per page).
    const bySize = [...newsPages].sort((a, b) => a.bytes - b.bytes);
    const ontopicBySize = pages.filter(isOntopicArticle).sort((a, b) => a.bytes - b.bytes);
    for (const pack of STARTUP_ONLY ? [] : packs) {
      const markArrayPages =
        pack.key !== 'real' || QUICK
          ? [bySize[0] ?? ontopicBySize[0] ?? generatedPage]
          : [bySize[0], bySize[bySize.length >> 1]].filter((p): p is PageInfo => !!p);
      if (pack.key === 'real' && ontopicBySize[0]) markArrayPages.push(ontopicBySize[0]);
      for (const target of new Set(markArrayPages)) {
        const r = await measureMarkArray(context, server, pack, target);
        markArray.push(r);
        log(`  [${pack.key}] mark(array) on ${target.name}: ${r.note}`);
      }
    }
    if (!PAGES_ONLY && !STARTUP_ONLY) {
      for (const pack of packs) heaps.push(await measureHeap(context, server, pack, generatedPage));
      longTasks.push(await measureLongTasks(context, server, largest, generatedPage));
      const stress = pages.find((p) => p.name === STRESS_ONTOPIC);
      if (stress)
        for (const pack of new Set([packs[0]!, largest]))
          longTasks.push(await measureLongTasks(context, server, pack, stress));
      automaton = await measureAutomaton(context, server, largest, generatedPage);
      log(
        `  automaton (${largest.key}): built in page ${ms(median(automaton.build.map((b) => b.ms)))} ms, fetched ${ms(median(automaton.fetch.map((b) => b.ms)))} ms, base64 ${ms(median(automaton.base64.map((b) => b.ms)))} ms`,
      );
    }
  } finally {
    await context.close();
    await browser.close();
  }

  // Start-up with the real extension, one build per pack.
  const startupPages = [
    newsPages.find((p) => p.name === QUICK_PAGE.replace('.html', '')) ?? newsPages[0],
    pages.find((p) => p.name === QUICK_PAGE.replace('.html', '-ontopic')),
    generatedPage,
    pages.find((p) => p.name === STRESS_ONTOPIC),
  ].filter((p): p is PageInfo => !!p);
  for (const pack of PAGES_ONLY ? [] : [...packs, undefined]) {
    const key = pack?.key ?? MINIMAL;
    try {
      const variants = [{ key, extensionDir: pack ? buildExtension(pack) : minimalExtension() }];
      // --base with --only=startup: DIR's extension beside this tree's, loads alternating.
      if (pack && STARTUP_ONLY && BASE_DIR) {
        variants.unshift({ key: `${key} (base)`, extensionDir: buildExtension(pack, BASE_DIR) });
      }
      const r = await measureStartup(variants, startupPages);
      startup = startup.concat(r);
      for (const s of r) {
        log(
          `  start-up [${s.pack}] ${s.page}: first highlight ${ms(median(s.runs.map((x) => x.firstHighlight - x.domContentLoaded)))} ms after DOMContentLoaded, ${ms(median(s.runs.map((x) => x.firstHighlight - x.evaluateStart)))} ms after injection${s.error ? ` (${s.error})` : ''}`,
        );
      }
    } catch (error) {
      log(`  start-up [${key}]: ${String(error).split('\n')[0]}`);
      startup.push({ pack: key, page: '-', contentScriptBytes: 0, runs: [], error: String(error).split('\n')[0] });
    }
  }
  await shared.close();
  await server.close();

  // ---- Report
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const summaries = new Map<string, PageSummary[]>();
  for (const pack of packs) {
    summaries.set(
      pack.key,
      pages.flatMap((p) => {
        const r = results.get(pack.key)!.get(p.name);
        return r ? [summarise(p, r)] : [];
      }),
    );
  }
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const loadNow = loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');
  line(
    `## Backstory benchmark${QUICK ? ' (quick)' : ''}: ${when} UTC, headless Chromium, ${REPS} cold runs per figure`,
  );
  line();
  if (sharedNote) line(`> ${sharedNote}`);
  line(
    `Code: ${codeVersion}. Machine: ${cpus().length} cores; load average (1/5/15 min) ${loadAtStart} at start, ${loadNow} at the end: other work shares the CPU, so compare ratios measured in this run rather than absolute times across runs.`,
  );
  line();
  line(
    `Pages: ${newsPages.length} saved news page(s) (${newsPages.map((p) => p.name).join(', ') || 'none'}), ` +
      `and the 1 MB page(s): ${pages
        .filter((p) => p.big)
        .map((p) => `${p.name} (${mb(p.bytes)})`)
        .join(', ')}. ` +
      `Floor = plain TreeWalker(SHOW_TEXT) over <body> collecting every text node (no skip rules) + one join. ` +
      `Backstory = buildTextIndex + collectCandidates (one WebAssembly scan for names, cues, topic words and claim terms) + resolveCandidates + claimsFromHits + rangeFor + createPainter(window).paint (Highlight API), ` +
      `one synchronous pass, as lib/dom/page-scanner.ts does it; "load" (JSON.parse of the data string — lazily parsed chunks, lib/matcher/lazy-data.ts —, the prebuilt scan tables and WebAssembly from base64, loadMatcher: no automaton is built) is timed apart. ` +
      `"JS scan loop": the same cold run with lib/scan/automaton.ts scanText in place of the WebAssembly loop (packs up to 1,000 aliases). ` +
      `mark.js 8.11.1 markRegExp(/\\b(?:alias|…)\\b/gi, longest alias first), time to its done callback, RegExp compile included; ` +
      `runs: ${REPS} (real, 1k), 3 (10k), 1 (100k), capped at ${MARK_CAP_MS / 1000} s.`,
  );
  line();
  passReport(line, summaries.get('real') ?? []);
  const table = (title: string, pick: (all: PageSummary[]) => PageSummary[]) => {
    line(`### ${title}`);
    line();
    line(
      '| pack | aliases (keys) | floor ms | Backstory ms | Backstory / floor: median (worst page) | Backstory excl. claims ms | mark.js markRegExp ms | markRegExp / floor | Backstory speed-up over markRegExp (excl. claims) | load ms (parse + tables and WebAssembly) | warm re-scan ms | scanner.scan() ms | Backstory with the JS scan loop ms |',
    );
    line('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const pack of packs) {
      const chosen = pick(summaries.get(pack.key)!);
      if (!chosen.length) continue;
      const r = row(chosen);
      const worst = chosen.length > 1 ? ` (${ratio(r.ratioWorst)} ${r.worstPage})` : '';
      const parse = median(chosen.map((p) => p.parse));
      line(
        `| ${pack.label} | ${pack.aliases.toLocaleString('en-US')} (${pack.data.keys.length.toLocaleString('en-US')}) | ${ms(r.floor)} | ${ms(r.backstory)} | ${ratio(r.ratioMedian)}${worst} | ${ms(r.noClaims)} | ` +
          `${ms(r.markRegExp)}${r.notes.length ? ` (${r.notes.join('; ')})` : ''} | ${ratio(r.markRatio)} | ${ratio(r.speedUp)} (${ratio(r.speedUpNoClaims)}) | ${ms(parse + r.load)} (${ms(parse)} + ${ms(r.load)}) | ` +
          `${ms(median(chosen.map((p) => p.warm)))} | ${ms(r.scanner)} | ${ms(median(chosen.map((p) => p.js)))} |`,
      );
    }
    line();
  };
  if (newsPages.length)
    table(`News pages: medians across ${newsPages.length} page(s) of per-page medians`, (all) =>
      all.filter(isOfftopicNews),
    );
  for (const big of pages.filter((p) => p.big))
    table(`1 MB page: ${big.name}`, (all) => all.filter((p) => p.page === big.name));

  const news = summaries.get(packs[0]!.key)!.filter(isOfftopicNews);
  if (news.length) {
    const walkRatios = news.map((p) => p.elementWalk / p.floor);
    const indexRatios = packs.flatMap((pack) =>
      summaries
        .get(pack.key)!
        .filter(isOfftopicNews)
        .map((p) => p.phases.textIndex / p.floor),
    );
    line(
      `Reference for the ≤1.5× target: the floor's walk visiting elements too (TreeWalker SHOW_ELEMENT | SHOW_TEXT, nothing else done, ` +
        `on a cold load of its own) takes ${ratio(median(walkRatios))} the floor (median across news pages; ` +
        `${ratio(Math.min(...walkRatios))} to ${ratio(Math.max(...walkRatios))}). Any scanner that skips scripts, code, navigation and fields ` +
        `and knows where blocks end visits the elements. Backstory's text index (its own walk, which leaves skipped subtrees out, with the skip and block rules) took ` +
        `${ratio(median(indexRatios))} the floor in the cold scans above (median over pages and packs).`,
    );
    line();
    const withScan = packs.map((pack) => {
      const ratios = summaries
        .get(pack.key)!
        .filter(isOfftopicNews)
        .map((p) => (p.floor + p.scanOnly) / p.floor);
      return `${pack.label} ${ratio(median(ratios))} (${ratio(Math.min(...ratios))} to ${ratio(Math.max(...ratios))})`;
    });
    line(
      `Second reference: the floor plus one pass of Backstory's WebAssembly scan over the page's text (the text index's text, nothing done ` +
        `per match, on a cold load of its own), median across news pages: ${withScan.join('; ')}. ` +
        `A scanner that walked as cheaply as the floor, with this scan, and skipped, disambiguated and painted for free, would still take that.`,
    );
    line();
  }
  line(
    '"warm re-scan": the same scan again right after the measured one, same page (JIT-compiled code, fold table filled): the gap to "Backstory ms" is start-up cost paid on every page load. ' +
      '"scanner.scan()": the real lib/dom/page-scanner.ts createPageScanner(document, matcher).scan(), awaited, wall time, one run per page and pack ' +
      "on the last measured load right after the replica's scans, so with warm code: compare it with the warm re-scan " +
      "(the version in the tree when this ran; if it slices its work, the time includes yields to the event loop; its limits on findings may differ from findEntities' defaults).",
  );
  line();

  // Phases.
  line("### Where Backstory's scan time goes (median ms per phase; share of the scan)");
  line();
  line(
    '| pack | pages | text index | findEntities | findClaims | ranges | paint | total | entities / claims found (median page) |',
  );
  line('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const pack of packs) {
    const all = summaries.get(pack.key)!;
    for (const [label, chosen] of [
      ['news', all.filter(isOfftopicNews)],
      ['on-topic articles', all.filter(isOntopicArticle)],
      ['roundup', all.filter((s) => s.page === ROUNDUP)],
      ...pages.filter((p) => p.big).map((p) => [p.name, all.filter((s) => s.page === p.name)] as const),
    ] as const) {
      if (!chosen.length) continue;
      const phase = (k: keyof PageSummary['phases']) => median(chosen.map((p) => p.phases[k]));
      const total = median(chosen.map((p) => p.backstory));
      const cell = (k: keyof PageSummary['phases']) => `${ms(phase(k))} (${((phase(k) / total) * 100).toFixed(0)}%)`;
      line(
        `| ${pack.label} | ${label} | ${cell('textIndex')} | ${cell('entities')} | ${cell('claims')} | ${cell('ranges')} | ${cell('paint')} | ${ms(total)} | ${median(chosen.map((p) => p.entities))} / ${median(chosen.map((p) => p.claims))} |`,
      );
    }
  }
  line();
  line(
    'Sub-phases (on the last measured load of each page and pack, after the scans and the real scanner ran; one warm-up pass, then the median of 3 passes: warm code, unlike the cold runs above; ' +
      'medians across pages). Cold one-off costs, timed right after the floor on its cold page: "first foldCode()" = the first foldCode() call ' +
      '(when lib/text/fold.ts fills its 12,288-entry table up front, that happens here; paid inside findEntities in the cold Backstory runs); ' +
      '"segmenter init" = a first Intl.Segmenter sentence ' +
      'segmentation of a short text (paid inside findClaims).',
  );
  line();
  line(
    '| pack | pages | first foldCode() (cold) | segmenter init (cold) | text index | fold only (foldCode per char) | automaton scan, JS loop (fold + steps, no-op callback) | automaton scan, WebAssembly (encode + fold + steps) | findEntities | → hit checks + leftmost-longest + disambiguation | sentence segmentation (whole text) | names + claim terms scan + claimsFromHits |',
  );
  line('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const pack of packs) {
    const all = summaries.get(pack.key)!;
    for (const [label, chosen] of [
      ['news', all.filter(isOfftopicNews)],
      ['on-topic articles', all.filter(isOntopicArticle)],
      ['roundup', all.filter((s) => s.page === ROUNDUP)],
      ['1 MB', all.filter((p) => p.big)],
    ] as const) {
      const b = chosen.map((p) => p.breakdown).filter((x): x is BreakdownResult => !!x);
      if (!b.length) continue;
      const m = (f: (x: BreakdownResult) => number) => ms(median(b.map(f)));
      line(
        `| ${pack.label} | ${label} | ${ms(median(chosen.map((p) => p.foldInit)))} | ${ms(median(chosen.map((p) => p.segmenterInit)))} | ${m((x) => x.textIndexMs)} | ${m((x) => x.foldOnlyMs)} | ${m((x) => x.entityScanMs)} | ${m((x) => x.entityScanWasmMs)} | ${m((x) => x.findEntitiesMs)} | ${m((x) => x.findEntitiesMs - x.entityScanWasmMs)} | ${m((x) => x.segmentMs)} | ${m((x) => x.findClaimsMs)} |`,
      );
    }
  }
  line();

  // mark(array).
  line(
    `### mark.js 8.11 mark(aliasesArray) (separateWordSearch: false, other options default; one run, capped at ${MARK_ARRAY_CAP_MS / 1000} s)`,
  );
  line();
  for (const r of markArray) {
    const pack = packs.find((p) => p.key === r.pack)!;
    const s = summaries.get(r.pack)!.find((p) => p.page === r.page);
    const vs =
      r.result && !r.result.error && s
        ? ` = ${ratio(r.result.ms / s.floor)} floor, ${ratio(r.result.ms / s.backstory)} Backstory`
        : '';
    line(`- ${pack.label}, ${r.page}: ${r.note}${vs}`);
  }
  line();

  // Start-up.
  line('### Start-up');
  line();
  line(
    "Measured with the real extension, built once per pack (wxt's JS build API with outDir; BACKSTORY_PACK=<generated knowledge.json>), loaded unpacked, " +
      `${STARTUP_REPS} loads per page in a tab of its own, one browser per extension (with --base, the base's loads and this tree's alternate), each ` +
      'under a browser-wide CDP trace (toplevel, devtools.timeline, blink.user_timing, v8.execute); medians. The first load in each tab runs cold code (its CPU ' +
      "was 3–5× the later loads' in the 2026-12-07 runs); the first load after the browser started also has no V8 code cache for content.js " +
      "(its own column). Times in ms from the page's navigation start: " +
      'DOMContentLoaded end (navigation timing); content.js evaluation start and duration (trace EvaluateScript: compile + top level; in builds whose content script ' +
      'holds the matcher, with the matcher data literal of a small pack); evaluation end → scan start: the storage reads (and, in those builds, ' +
      "the matcher's load, for a large pack from matcher.bin) plus any waiting; " +
      "scan start and duration from the content script's first `backstory:scan` measure (the trace is aligned on it); first highlight: the end of its first " +
      '`backstory:first-paint` measure (a long page paints its top before the scan ends; the measure waits for a paint that holds a highlight). Injection → first highlight (the start-up target): from the start ' +
      'of content.js evaluation to the first highlight. ' +
      'Longest task (longtask API): PerformanceObserver("longtask") from an init script, tasks between DOMContentLoaded and the end of the first scan, the page\'s own ' +
      'included. Longest own slice (trace): the longest top-level main-thread slice that ran content-script code (evaluation, calls into content.js, ' +
      'the microtask run after the storage reads, the scan-start mark), wall time, and in parentheses its thread time (the rest is waiting for a core). ' +
      'Main-thread CPU, injection → first highlight: the thread time of those own slices from the one evaluating content.js up to the end of the first ' +
      'first-paint measure (the start-up target is stated in it: a loaded machine stretches wall time, not thread time). ' +
      "Background worker CPU, injection → first highlight: the thread time of the extension's background service worker over the same span " +
      '("ServiceWorker thread" in the trace; the pages have no scripts, so it is the only one): the search the page asked for and its messages, ' +
      'where the background holds the matcher, and whatever else it ran then; "–" when the trace has no such thread.',
  );
  line();
  line(
    '| pack | page | content.js | DOMContentLoaded | content.js evaluated at | evaluation ms (first load) | evaluation end → scan start | scan measure | first highlight (after DCL) | **injection → first highlight** | **main-thread CPU, injection → first highlight** | background worker CPU, injection → first highlight | first highlight after DCL, first load | longest task (longtask API) | longest own slice (trace) |',
  );
  line('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of startup) {
    const found = packs.find((p) => p.key === s.pack.replace(/ \(base\)$/, ''));
    if (!found) continue;
    const pack = { label: `${found.label}${s.pack.endsWith(' (base)') ? ' (base)' : ''}` };
    if (!s.runs.length) {
      line(
        `| ${pack.label} | ${s.page} | ${s.contentScriptBytes ? mb(s.contentScriptBytes) : '–'} | ${s.error ?? 'no runs'} | | | | | | | | | | | |`,
      );
      continue;
    }
    const m = (f: (r: StartupRun) => number) => median(s.runs.map(f));
    const firstRun = s.runs.find((r) => r.first);
    const longest = m((r) => r.longest);
    line(
      `| ${pack.label} | ${s.page} | ${mb(s.contentScriptBytes)} | ${ms(m((r) => r.domContentLoaded))} | ${ms(m((r) => r.evaluateStart))} | ` +
        `${ms(m((r) => r.evaluateMs))} (${firstRun ? ms(firstRun.evaluateMs) : '–'}) | ${ms(m((r) => r.scanStart - r.evaluateStart - r.evaluateMs))} | ` +
        `${ms(m((r) => r.scanDuration))} | ${ms(m((r) => r.firstHighlight))} (${ms(m((r) => r.firstHighlight - r.domContentLoaded))}) | ` +
        `**${ms(m((r) => r.firstHighlight - r.evaluateStart))}** | **${ms(m((r) => r.cpuToFirstHighlight))}** | ${ms(m((r) => r.serviceWorkerCpu))} | ${firstRun ? ms(firstRun.firstHighlight - firstRun.domContentLoaded) : '–'} | ${longest > 0 ? ms(longest) : 'none over 50'} | ${ms(m((r) => r.ownLongest))} (${ms(m((r) => r.ownLongestCpu))}) |`,
    );
  }
  line();
  const minimal = startup.filter((s) => s.pack === MINIMAL && s.runs.length);
  if (minimal.length) {
    const cell = (s: StartupResult) => {
      const m = (f: (r: StartupRun) => number) => median(s.runs.map(f));
      return `${s.page} ${ms(m((r) => r.firstHighlight - r.evaluateStart))} ms (evaluation ${ms(m((r) => r.evaluateMs))} ms)`;
    };
    line(
      'Reference for the start-up target, in the same way: an extension whose content script only paints one highlight on the first word ' +
        `(${MINIMAL_CONTENT_SCRIPT.split('\n').length} lines; no matcher, no storage, no UI), injection → first highlight: ${minimal.map(cell).join('; ')}.`,
    );
    line();
  }
  line(
    'In-page equivalent (no extension): JSON.parse of the data string + loadMatcher + one scan, medians on the generated 1 MB page and across news pages:',
  );
  line();
  for (const pack of packs) {
    const all = summaries.get(pack.key)!;
    const gen = all.find((p) => p.page === GENERATED);
    const news = all.filter(isOfftopicNews);
    const first = (p: PageSummary) => p.parse + p.load + p.backstory;
    if (!gen && !news.length) continue;
    line(
      `- ${pack.label}: ` +
        (gen
          ? `${GENERATED} ${ms(first(gen))} ms (parse ${ms(gen.parse)} + load ${ms(gen.load)} + scan ${ms(gen.backstory)})`
          : '') +
        (news.length ? `; news pages ${ms(median(news.map(first)))} ms` : ''),
    );
  }
  line();

  // Heap.
  line(`### Retained JS heap (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage, on ${GENERATED})`);
  line();
  for (const h of heaps) {
    const pack = packs.find((p) => p.key === h.pack)!;
    line(
      `- ${pack.label}: matcher data string + parsed data + automaton ${mb(h.afterLoad - h.baseline)} (the JSON string is ${(pack.dataBytes / 1e6).toFixed(1)} M chars); ` +
        `after the scan (index, findings, ranges, highlights kept) +${mb(h.afterScan - h.afterLoad)}; after a second, real scanner.scan() +${mb(h.afterScannerScan - h.afterScan)}`,
    );
  }
  line();

  // Long tasks.
  line('### Longest main-thread task during the scan');
  line();
  for (const t of longTasks) {
    const pack = packs.find((p) => p.key === t.pack)!;
    const longest = (xs: number[]) => (xs.length ? `${ms(Math.max(...xs))} ms` : 'none over 50 ms');
    line(
      `- ${pack.label}, ${t.page}: replica scan as one task: synchronous ${ms(t.scanSyncMs)} ms, longest "longtask" entry ${longest(t.scanTasks)}; ` +
        `load (parse + automaton build) as one task: ${ms(t.loadSyncMs)} ms, longtask ${longest(t.loadTasks)}; ` +
        `real scanner.scan(): ${ms(t.scannerMs)} ms wall, longest longtask ${longest(t.scannerTasks)}.`,
    );
  }
  line();

  // Automaton.
  if (automaton) {
    const a = automaton;
    const pack = packs.find((p) => p.key === a.pack)!;
    const m = (xs: AutomatonLoadResult[], f: (x: AutomatonLoadResult) => number) => ms(median(xs.map(f)));
    const same = [...a.fetch, ...a.base64].every((x) => x.entities === a.build[0]?.entities);
    line(
      `### Automaton: build in the page vs load a prebuilt one (${pack.label}, ${a.keys.toLocaleString('en-US')} keys, ${a.states.toLocaleString('en-US')} states)`,
    );
    line();
    line(`- buildAutomaton(keys) in the page: ${m(a.build, (x) => x.ms)} ms (in Node: ${ms(a.nodeBuildMs)} ms)`);
    line(
      `- fetch() of the serialized automaton + typed-array views: ${m(a.fetch, (x) => x.ms)} ms (fetch ${m(a.fetch, (x) => x.readMs)} ms, views ${m(a.fetch, (x) => x.ms - x.readMs)} ms)`,
    );
    line(
      `- base64 string in the page → bytes → views: ${m(a.base64, (x) => x.ms)} ms (decode ${m(a.base64, (x) => x.readMs)} ms)`,
    );
    line(
      `- sizes: ${mb(a.rawBytes)} raw, ${mb(a.gzipBytes)} gzip, ${mb(a.base64Bytes)} base64; matcher data JSON ${mb(a.jsonBytes)}`,
    );
    line(
      `- same findings with the loaded automaton as with the built one: ${same ? 'yes' : 'NO'} (${a.build[0]?.entities} entities)`,
    );
    line();
  }

  // Per page detail.
  line('### Per page (medians, ms)');
  line();
  line('| pack | page | size | text chars | floor | Backstory | ratio | markRegExp | entities | claims |');
  line('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const pack of packs) {
    for (const s of summaries.get(pack.key)!) {
      const info = pages.find((p) => p.name === s.page)!;
      line(
        `| ${pack.label} | ${s.page} | ${mb(info.bytes)} | ${s.chars.toLocaleString('en-US')} | ${ms(s.floor)} | ${ms(s.backstory)} | ${ratio(s.backstory / s.floor)} | ${s.markNote ?? ms(s.markRegExp)} | ${s.entities} | ${s.claims} |`,
      );
    }
  }
  line();
  line(`Total time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const markdown = out.join('\n');
  console.log(markdown);
  writeFileSync(join(CACHE, 'results.md'), markdown + '\n');
  writeFileSync(
    join(CACHE, 'results.json'),
    JSON.stringify(
      {
        quick: QUICK,
        reps: REPS,
        results: Object.fromEntries([...results].map(([k, v]) => [k, Object.fromEntries(v)])),
        markArray,
        heaps,
        longTasks,
        automaton,
        startup,
      },
      null,
      1,
    ),
  );
  log(`Wrote ${join(CACHE, 'results.md')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
