/**
 * npm run bench:imported [-- --base=DIR] [--reps=N] [--aliases=N]: the first highlight on a page
 * with a 100,000-alias pack imported through the options page, against the same number of aliases
 * bundled with the extension, and (with --base) against DIR's code (a checkout before a change) with
 * the same import. Each variant is its own browser with the extension built from its tree; page
 * loads are interleaved variant by variant so that all figures come from the same minutes. Prints
 * Markdown; never asserts timings.
 *
 * Pages: the demo page (tests/fixtures/pages) and, when ../shared is there, a saved news page and its
 * on-topic twin. First highlight: the end of the content script's first `backstory:first-paint`
 * measure (or its first `backstory:scan`, on short pages), after DOMContentLoaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PAGE_BUILT_MATCHER_MARK, STORED_MATCHER_MARK } from '../../lib/preferences/merged-matcher';
import {
  type ExtensionBrowser,
  ONTOPIC_PAGES,
  ROOT,
  SHARED_PAGES,
  launchWithExtension,
  servePages,
} from '../e2e/support/browser';
import { aliasCount, generatePack, importablePack, readRealPack } from './generate-pack';
import { importThroughOptions } from './import-pack';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const REPS = Number(option('reps') ?? 5);
const ALIASES = Number(option('aliases') ?? 100_000);
const BASE = option('base');
const CACHE = join(ROOT, 'tests', 'bench', '.cache', 'imported');
const log = (...parts: unknown[]) => console.error(...parts);

interface Variant {
  label: string;
  browser: ExtensionBrowser;
  /** Import wall time in the options page, file chosen → entries written (imported variants). */
  importMs?: number;
}

interface Load {
  firstHighlight: number;
  /** When the stored merged matcher had been read from storage (its mark's or measure's start), after DOMContentLoaded. */
  storedRead: number;
  /** From that read to the matcher ready to scan (its measure: inflating and loading), where measured. */
  storedLoad: number;
  scan: number;
  stored: number;
  built: number;
}

function build(tree: string, outDir: string, pack?: string): string {
  log(`  building ${tree} → ${outDir}${pack ? ` (bundled pack ${pack})` : ''}`);
  const result = spawnSync('npx', ['tsx', join('tests', 'bench', 'build-extension.ts'), outDir], {
    cwd: tree,
    env: { ...process.env, ...(pack ? { BACKSTORY_PACK: pack } : {}) },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed in ${tree}:\n${result.stdout}\n${result.stderr}`);
  return join(outDir, 'chrome-mv3');
}

async function load(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, {
    timeout: 120_000,
  });
  return page.evaluate(
    ({ storedMark, builtMark }) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const scan = performance.getEntriesByName('backstory:scan')[0]!;
      const paint = performance.getEntriesByName('backstory:first-paint')[0] ?? scan;
      const stored = performance.getEntriesByName(storedMark)[0];
      return {
        firstHighlight: paint.startTime + paint.duration - nav.domContentLoadedEventEnd,
        storedRead: (stored?.startTime ?? NaN) - nav.domContentLoadedEventEnd,
        storedLoad: stored?.entryType === 'measure' ? stored.duration : NaN,
        scan: scan.duration,
        stored: performance.getEntriesByName(storedMark).length,
        built: performance.getEntriesByName(builtMark).length,
      };
    },
    { storedMark: STORED_MATCHER_MARK, builtMark: PAGE_BUILT_MATCHER_MARK },
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

async function main() {
  mkdirSync(CACHE, { recursive: true });
  const real = readRealPack();
  const imported = importablePack(real, ALIASES);
  const importedFile = join(CACHE, `imported-${ALIASES}.json`);
  writeFileSync(importedFile, JSON.stringify(imported));
  const bundled = generatePack(real, ALIASES);
  const bundledFile = join(CACHE, `bundled-${ALIASES}.json`);
  writeFileSync(bundledFile, JSON.stringify(bundled));
  log(
    `imported pack: ${aliasCount(imported)} aliases, ${(JSON.stringify(imported).length / 1048576).toFixed(1)} MB (+ the bundled ${aliasCount(real)}); bundled pack: ${aliasCount(bundled)} aliases`,
  );

  const builds: { label: string; dir: string; importFile?: string }[] = [
    ...(BASE
      ? [{ label: `imported, before (${BASE})`, dir: build(BASE, join(CACHE, 'ext-base')), importFile: importedFile }]
      : []),
    { label: 'imported, this tree', dir: build(ROOT, join(CACHE, 'ext-this')), importFile: importedFile },
    { label: `bundled (${aliasCount(bundled)} aliases)`, dir: build(ROOT, join(CACHE, 'ext-bundled'), bundledFile) },
  ];
  const server = await servePages();
  const pages = [
    { name: 'demo', url: server.url('/fixtures/demo.html') },
    ...(existsSync(join(SHARED_PAGES, 'bbc-1.html')) ? [{ name: 'bbc-1', url: server.url('/shared/bbc-1.html') }] : []),
    ...(existsSync(join(ONTOPIC_PAGES, 'bbc-1-ontopic.html'))
      ? [{ name: 'bbc-1-ontopic', url: server.url('/ontopic/bbc-1-ontopic.html') }]
      : []),
  ];
  const variants: Variant[] = [];
  const results = new Map<string, Load[]>();
  try {
    for (const b of builds) {
      const browser = await launchWithExtension({ extensionDir: b.dir, openCard: false });
      const variant: Variant = { label: b.label, browser };
      if (b.importFile) {
        variant.importMs = await importThroughOptions(browser, b.importFile);
        log(`  ${b.label}: imported in ${variant.importMs} ms`);
      }
      variants.push(variant);
    }
    const tabs = await Promise.all(variants.map((v) => v.browser.context.newPage()));
    for (let rep = 0; rep < REPS; rep++) {
      for (const page of pages) {
        for (const [i, variant] of variants.entries()) {
          const result = await load(tabs[i]!, page.url);
          const key = `${variant.label}\u0000${page.name}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          log(
            `  rep ${rep} ${page.name} [${variant.label}]: first highlight ${ms(result.firstHighlight)} ms after DCL (stored matcher read at ${ms(result.storedRead)} ms, loaded in ${ms(result.storedLoad)} ms; stored ${result.stored}, built ${result.built})`,
          );
        }
      }
    }
  } finally {
    await Promise.all(variants.map((v) => v.browser.close()));
    await server.close();
  }

  const out = [
    `First highlight after DOMContentLoaded, median of ${REPS} cold loads per cell (min–max), ${aliasCount(imported)} imported aliases:`,
    '',
    `| variant | import (options page) | ${pages.map((p) => p.name).join(' | ')} | matcher on the page |`,
    `| --- | ---: | ${pages.map(() => '---:').join(' | ')} | --- |`,
  ];
  for (const variant of variants) {
    const cells = pages.map((page) => {
      const runs = results.get(`${variant.label}\u0000${page.name}`) ?? [];
      const values = runs.map((r) => r.firstHighlight);
      return runs.length ? `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})` : '–';
    });
    const all = pages.flatMap((page) => results.get(`${variant.label}\u0000${page.name}`) ?? []);
    const path = all.every((r) => r.stored === 1 && r.built === 0)
      ? 'stored merged matcher'
      : all.every((r) => r.built === 1)
        ? 'built on the page'
        : all.every((r) => r.stored === 0 && r.built === 0)
          ? variant.importMs === undefined
            ? 'bundled'
            : 'no mark (code before the marks)'
          : 'mixed';
    const read = all.map((r) => r.storedRead).filter(Number.isFinite);
    const loaded = all.map((r) => r.storedLoad).filter(Number.isFinite);
    out.push(
      `| ${variant.label} | ${variant.importMs !== undefined ? `${(variant.importMs / 1000).toFixed(1)} s` : '–'} | ${cells.join(' | ')} | ${path}${read.length ? `, read from storage ${ms(median(read))} ms after DCL (median)` : ''}${loaded.length ? `, then inflated and loaded in ${ms(median(loaded))} ms` : ''} |`,
    );
  }
  // Against the bundled pack of the same size (the last variant): medians page by page.
  const bundledVariant = variants.at(-1)!;
  const medianOf = (variant: Variant, page: string) =>
    median((results.get(`${variant.label}\u0000${page}`) ?? []).map((r) => r.firstHighlight));
  out.push('', `First highlight / the bundled pack's (${pages.map((p) => p.name).join(', ')}):`, '');
  for (const variant of variants.filter((v) => v !== bundledVariant)) {
    const ratios = pages.map((page) => medianOf(variant, page.name) / medianOf(bundledVariant, page.name));
    out.push(`- ${variant.label}: ${ratios.map((r) => `${r.toFixed(2)}×`).join(' / ')}`);
  }
  console.log(out.join('\n'));
  writeFileSync(join(CACHE, 'results.md'), `${out.join('\n')}\n`);
}

await main();
