/**
 * npm run bench:archive: how fast the archive browser (archive.html) renders, in Debian's Chromium, with
 * the real pack and with a generated pack 100 times larger (tests/bench/archive-pack.ts: ≈21,600
 * entities, 6,100 claims, 55,000 passages, 1,600 articles). Prints figures; never asserts timings.
 *
 * The extension is built twice into tests/bench/.cache/ (never .output/): once as shipped, once with
 * BACKSTORY_ARCHIVE_PACK naming the generated pack, which wxt.config.ts hands to the archive page's
 * build plugin alone (lib/tools/build/archive-module.ts: the core in the page's script, the other parts as
 * JSON files fetched when a view needs them), so the shipped code path runs on the big pack. The page
 * ships no benchmark hook; it only leaves performance marks (`backstory:archive:pack-ready`,
 * `…:first-render`) and measures (`…:search-index`, one `…:search` per search).
 *
 * Each of the 3 runs per pack opens a new tab (cold page load), then in the page itself:
 *   - articles list: first contentful paint of the page (the list renders in the first frame);
 *   - index / timeline / entity / filtered timeline: hash change → the frame that shows the view,
 *     including fetching and parsing the parts it needs (right after the first paint, in this order);
 *   - search index: a worker fetches every part and builds it, from 1 s after the last navigation; the
 *     worker's busy time (off the main thread), and wall clock until complete (the run waits for it);
 *   - search: typing a misspelt name → the frame showing its results (includes the page's 150 ms
 *     debounce), and the search call alone (the round trip to the worker);
 *   - the longest task on the page's main thread over the whole run (PerformanceObserver 'longtask').
 * Figures are medians of the 3 runs, in milliseconds.
 *
 *   npm run bench:archive [-- --runs 5] [-- --no-build]   (--no-build: reuse the last two builds)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension } from '../e2e/support/browser';
import { scaleArchivePack } from './archive-pack';
import { readRealPack } from './generate-pack';

const CACHE = join(ROOT, 'tests', 'bench', '.cache');
const FACTOR = 100;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const log = (...parts: unknown[]) => console.error(...parts);

// ---------------------------------------------------------------------------------------------
// Build mode (run in a child process, one build per process): tsx archive-bench.ts --build OUT [PACK]

if (process.argv[2] === '--build') {
  const { build } = await import('wxt');
  await build({ outDir: process.argv[3]! });
  process.exit(0);
}

function buildExtension(outDir: string, packPath?: string): void {
  log(`building ${outDir}${packPath ? ` with ${packPath}` : ''}…`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--build', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...(packPath ? { BACKSTORY_ARCHIVE_PACK: resolve(packPath) } : {}) },
  });
  if (result.status !== 0) throw new Error(`build of ${outDir} failed`);
}

// ---------------------------------------------------------------------------------------------
// Measuring, inside the page

interface Run {
  packReady: number;
  articles: number;
  index: number;
  timeline: number;
  entity: number;
  entityTimeline: number;
  searchIndexWall: number;
  searchIndexBusy: number;
  searchFirst: number;
  searchFirstCall: number;
  searchSecond: number;
  searchSecondCall: number;
  searchResults: number;
  longestTask: number;
}

/** Navigates by hash and returns the time until the frame that shows `selector` has been painted. */
function timeView(page: Page, hash: string, selector: string): Promise<number> {
  return page.evaluate(
    ([hash, selector]) =>
      new Promise<number>((done) => {
        const start = performance.now();
        const check = () => {
          if (document.querySelector(selector)) setTimeout(() => done(performance.now() - start));
          else requestAnimationFrame(check);
        };
        location.hash = hash;
        requestAnimationFrame(check);
      }),
    [hash, selector] as const,
  );
}

/** Types a query into the search box; time until its results are painted, and the search call's own time. */
function timeSearch(page: Page, query: string): Promise<{ total: number; call: number; results: number }> {
  return page.evaluate(
    (query) =>
      new Promise<{ total: number; call: number; results: number }>((done) => {
        const input = document.getElementById('archive-search') as HTMLInputElement;
        input.focus();
        const start = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const selector = `.search-view[data-search-query="${query}"] :is(.search-results li, .empty-state)`;
        const check = () => {
          if (!document.querySelector(selector)) return requestAnimationFrame(check);
          setTimeout(() => {
            const measures = performance.getEntriesByName('backstory:archive:search') as PerformanceMeasure[];
            const last = measures[measures.length - 1];
            done({
              total: performance.now() - start,
              call: last?.duration ?? NaN,
              results: document.querySelectorAll('.search-results li').length,
            });
          });
        };
        requestAnimationFrame(check);
      }),
    query,
  );
}

async function measure(extensionDir: string): Promise<Run[]> {
  const browser = await launchWithExtension({ extensionDir });
  // Before any of the page's scripts run: record the longest main-thread task.
  await browser.context.addInitScript(`globalThis.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longestTask = Math.max(globalThis.__longestTask, entry.duration);
    }).observe({ type: 'longtask' });`);
  const runs: Run[] = [];
  try {
    const base = `chrome-extension://${browser.extensionId}/archive.html`;
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${base}#/articles`, { waitUntil: 'load', timeout: 120_000 });
      await page.locator('.article-list li').first().waitFor({ timeout: 120_000 });
      // tsx names the helpers below with __name(); give the page a stand-in.
      await page.evaluate('globalThis.__name = (fn) => fn');
      const first = await page.evaluate(
        () =>
          new Promise<{ fcp: number; packReady: number }>((done) => {
            const read = () => {
              const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
              if (fcp === undefined) return requestAnimationFrame(read);
              done({
                fcp,
                packReady: performance.getEntriesByName('backstory:archive:pack-ready')[0]?.startTime ?? NaN,
              });
            };
            read();
          }),
      );
      const index = await timeView(page, '#/index', '.entity-index .index-list li');
      const timeline = await timeView(page, '#/timeline', '.timeline-month .events li');
      const entity = await timeView(page, '#/entity/nicolas-maduro', '#detail-heading');
      const entityTimeline = await timeView(page, '#/timeline?entity=nicolas-maduro', '.event-passage');
      await timeView(page, '#/articles', '.article-list li');
      const searchIndex = await page.evaluate(
        () =>
          new Promise<{ wall: number; busy: number }>((done) => {
            const read = () => {
              const entry = performance.getEntriesByName('backstory:archive:search-index')[0] as
                PerformanceMeasure | undefined;
              if (!entry) return setTimeout(read, 20);
              done({ wall: entry.duration, busy: (entry.detail as { busyMs: number }).busyMs });
            };
            read();
          }),
      );
      const searchFirst = await timeSearch(page, 'Madurro');
      const searchSecond = await timeSearch(page, 'Hegseht');
      const longestTask = Number(await page.evaluate('globalThis.__longestTask'));
      runs.push({
        packReady: first.packReady,
        articles: first.fcp,
        index,
        timeline,
        entity,
        entityTimeline,
        searchIndexWall: searchIndex.wall,
        searchIndexBusy: searchIndex.busy,
        searchFirst: searchFirst.total,
        searchFirstCall: searchFirst.call,
        searchSecond: searchSecond.total,
        searchSecondCall: searchSecond.call,
        searchResults: searchFirst.results,
        longestTask,
      });
      log(
        `  run ${i + 1}: ${JSON.stringify(runs[runs.length - 1], (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (value: number) =>
  Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ms` : '–';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Total size of the files in `folder` whose names pass `keep`. */
function folderBytes(folder: string, keep: (name: string) => boolean): number {
  return readdirSync(folder)
    .filter(keep)
    .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

/** Size of the archive page's scripts (its chunks, the archive's core included, and the search worker). */
function scriptBytes(extensionDir: string): number {
  return (
    folderBytes(join(extensionDir, 'chunks'), (name) => name.endsWith('.js') && !/^(popup|options|card)-/.test(name)) +
    folderBytes(join(extensionDir, 'assets'), (name) => name.startsWith('search-worker-'))
  );
}

mkdirSync(CACHE, { recursive: true });
const real = readRealPack();
const big = scaleArchivePack(real, FACTOR);
const bigPath = join(CACHE, `archive-pack-x${FACTOR}.json`);
writeFileSync(bigPath, JSON.stringify(big));
// WXT writes the Chrome build into <outDir>/chrome-mv3. `--no-build` reuses the last builds.
if (!process.argv.includes('--no-build')) {
  buildExtension(join(CACHE, 'archive-real'));
  buildExtension(join(CACHE, `archive-x${FACTOR}`), bigPath);
}
const realDir = join(CACHE, 'archive-real', 'chrome-mv3');
const bigDir = join(CACHE, `archive-x${FACTOR}`, 'chrome-mv3');
for (const dir of [realDir, bigDir])
  if (!existsSync(join(dir, 'archive.html'))) throw new Error(`no archive.html in ${dir}`);

log(`measuring the real pack (${RUNS} runs)…`);
const realRuns = await measure(realDir);
log(`measuring the ${FACTOR}× pack (${RUNS} runs)…`);
const bigRuns = await measure(bigDir);

const rows: [string, (run: Run) => number][] = [
  ['archive core parsed (module evaluated, from navigation start)', (r) => r.packReady],
  ['articles list: first render (first contentful paint)', (r) => r.articles],
  ['index tab (entities by type)', (r) => r.index],
  ['timeline tab (all articles and claims)', (r) => r.timeline],
  ['entity page (Nicolás Maduro card)', (r) => r.entity],
  ['timeline filtered by Nicolás Maduro', (r) => r.entityTimeline],
  ['search index, built in a worker from 1 s after the last navigation: worker busy', (r) => r.searchIndexBusy],
  ['  … and from the worker’s start to complete (wall clock)', (r) => r.searchIndexWall],
  ['search “Madurro”, first: typing → results painted*', (r) => r.searchFirst],
  ['  of which the search call', (r) => r.searchFirstCall],
  ['search “Hegseht”, next: typing → results painted*', (r) => r.searchSecond],
  ['  of which the search call', (r) => r.searchSecondCall],
  ['longest main-thread task over the run', (r) => r.longestTask],
];
const counts = (p: typeof real) =>
  `${p.sources.length.toLocaleString('en')} / ${p.entities.length.toLocaleString('en')} / ${p.claims.length.toLocaleString('en')} / ${p.passages.length.toLocaleString('en')}`;
const lines = [
  `Archive browser, Chromium headless, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]!.toFixed(1)}; median of ${RUNS} cold page loads.`,
  '',
  `| | real pack | ${FACTOR}× pack |`,
  '| --- | ---: | ---: |',
  `| articles / entities / claims / passages | ${counts(real)} | ${counts(big)} |`,
  `| page scripts incl. the archive's core | ${mb(scriptBytes(realDir))} | ${mb(scriptBytes(bigDir))} |`,
  `| archive parts, fetched when needed (JSON) | ${mb(folderBytes(join(realDir, 'archive-parts'), () => true))} | ${mb(folderBytes(join(bigDir, 'archive-parts'), () => true))} |`,
  ...rows.map(([label, pick]) => `| ${label} | ${ms(median(realRuns.map(pick)))} | ${ms(median(bigRuns.map(pick)))} |`),
  `| search results shown for “Madurro” | ${median(realRuns.map((r) => r.searchResults))} | ${median(bigRuns.map((r) => r.searchResults))} |`,
  '',
  '\\* includes the page’s 150 ms typing debounce.',
];
console.log(lines.join('\n'));
