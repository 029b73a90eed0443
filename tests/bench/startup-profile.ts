/**
 * Where the content script's start-up goes, load by load:
 * `tsx tests/bench/startup-profile.ts EXTENSION_DIR PAGE [--reps=N] [--import=PACK.json]` (PAGE: `demo`, a
 * file of ../shared/pages or, ending in -ontopic, of ../shared/pages-ontopic; EXTENSION_DIR: a built
 * chrome-mv3 folder; --import: a pack imported through the options page first). Each load runs
 * under a CDP trace and the V8 sampling profiler; it prints our main-thread slices from content.js
 * evaluation to the first highlight (wall and thread time, what ran in them) and the profile's self time
 * by function inside them. Prints figures; asserts nothing.
 */
import { resolve } from 'node:path';
import { launchWithExtension, servePages } from '../e2e/support/browser';
import { importThroughOptions } from './import-pack';
import { endTrace } from './trace';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const [extensionDir, pageName] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice(7) ?? 3);
const importFile = process.argv.find((a) => a.startsWith('--import='))?.slice(9);
if (!extensionDir || !pageName) {
  console.error('usage: tsx tests/bench/startup-profile.ts EXTENSION_DIR PAGE [--reps=N] [--import=PACK.json]');
  process.exit(1);
}

const ms = (us: number | undefined) => ((us ?? NaN) / 1000).toFixed(2);
const isOurs = (url: string | undefined) => String(url ?? '').endsWith('/content-scripts/content.js');

const server = await servePages();
const browser = await launchWithExtension({ extensionDir: resolve(extensionDir), openCard: false });
if (importFile) console.log(`imported ${importFile} in ${await importThroughOptions(browser, resolve(importFile))} ms`);
const url =
  pageName === 'demo'
    ? server.url('/fixtures/demo.html')
    : pageName.endsWith('-ontopic')
      ? server.url(`/ontopic/${pageName}.html`)
      : server.url(`/shared/${pageName}.html`);
const page = await browser.context.newPage();
const cdp = await browser.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
try {
  for (let rep = 0; rep < reps; rep++) {
    await cdp.send('Tracing.start', {
      categories: 'toplevel,devtools.timeline,blink.user_timing,v8.execute,v8',
      transferMode: 'ReturnAsStream',
    });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(100);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
    };
    const trace = await endTrace(cdp);
    const evaluate = trace.find((e) => e.name === 'EvaluateScript' && isOurs(e.args?.data?.url));
    const firstPaint =
      trace.find((e) => e.name === 'backstory:first-paint' && e.ph === 'e') ??
      trace.find((e) => e.name === 'backstory:scan' && e.ph === 'e');
    if (!evaluate || !firstPaint) {
      console.log(`load ${rep + 1}: no evaluation or first paint in the trace`);
      continue;
    }
    const onMain = trace.filter((e) => e.tid === evaluate.tid);
    const top = onMain
      .filter((e) => e.ph === 'X' && e.cat.includes('toplevel') && e.ts + (e.dur ?? 0) >= evaluate.ts)
      .filter((e) => e.ts <= firstPaint.ts)
      .sort((a, b) => a.ts - b.ts);
    console.log(`\nload ${rep + 1}: injection → first highlight ${ms(firstPaint.ts - evaluate.ts)} ms wall`);
    let cpu = 0;
    let end = -Infinity;
    for (const slice of top) {
      if (slice.ts < end) continue;
      end = slice.ts + (slice.dur ?? 0);
      const inside = onMain.filter((e) => e.ts >= slice.ts && e.ts <= end && e !== slice && e.ph !== 'E');
      const ours = inside.some(
        (e) =>
          ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isOurs(e.args?.data?.url)) ||
          e.name.startsWith('backstory:') ||
          (e.name === 'RunMicrotasks' && (e.dur ?? 0) >= 1000),
      );
      if (ours) cpu += slice.tdur ?? slice.dur ?? 0;
      const names = [...new Set(inside.filter((e) => (e.dur ?? 0) >= 300 || e.ph === 'R' || e.ph === 'b'))].map(
        (e) => `${e.name}${e.dur !== undefined ? ` ${ms(e.dur)}${e.tdur !== undefined ? `/${ms(e.tdur)}` : ''}` : ''}`,
      );
      console.log(
        `  ${ours ? '*' : ' '} +${ms(slice.ts - evaluate.ts).padStart(7)} ${slice.name} ${ms(slice.dur)} wall ${ms(slice.tdur)} cpu: ${names.slice(0, 12).join(', ')}`,
      );
    }
    console.log(`  own slices' thread time up to the first highlight: ${ms(cpu)} ms`);
    // The bench's figure (tests/bench/run.ts ownSlices): any own slice before the first highlight.
    const rootsBefore = onMain
      .filter((e) => e.ph === 'X' && e.cat.includes('toplevel') && e.ts < evaluate.ts - 5000)
      .sort((a, b) => a.ts - b.ts);
    for (const slice of rootsBefore) {
      const inside = onMain.filter((e) => e.ts >= slice.ts && e.ts <= slice.ts + (slice.dur ?? 0) && e !== slice);
      const marker = inside.find(
        (e) =>
          ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isOurs(e.args?.data?.url)) ||
          e.name.startsWith('backstory:scan-start') ||
          (e.name === 'RunMicrotasks' && (e.dur ?? 0) >= 1000),
      );
      if (marker)
        console.log(
          `  before injection: +${ms(slice.ts - evaluate.ts)} ${slice.name} ${ms(slice.dur)} wall ${ms(slice.tdur)} cpu, marker ${marker.name} ${ms(marker.dur)} ${marker.args?.data?.url ?? ''}`,
        );
    }

    // Self time by function between evaluation and the first paint (profile and trace share a clock).
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i]!;
      if (at < evaluate.ts || at > firstPaint.ts) return;
      const frame = byId.get(id)!.callFrame;
      const file = frame.url.split('/').pop() ?? '';
      const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 50));
    });
    const sorted = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log('  profile, self time (sampled wall) between injection and first highlight:');
    for (const [key, us] of sorted) console.log(`    ${ms(us).padStart(7)} ms  ${key}`);
    // Samples with each function on the stack (inclusive), by name: readable with an unminified build.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const evaluated = evaluate.ts + (evaluate.dur ?? 0);
    for (const [label, from, to] of [
      ['evaluation', evaluate.ts, evaluated],
      ['after evaluation', evaluated, firstPaint.ts],
    ] as const) {
      const inclusive = new Map<string, number>();
      let counted = 0;
      at = profile.startTime;
      profile.samples.forEach((id, i) => {
        at += profile.timeDeltas[i]!;
        if (at < from || at > to) return;
        counted++;
        const names = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const frame = byId.get(n)!.callFrame;
          if (isOurs(frame.url) || frame.url === '') names.add(frame.functionName || '(anonymous)');
        }
        for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      });
      console.log(`  ${label}, samples with each function on the stack (of ${counted}):`);
      for (const [name, count] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
        console.log(`    ${String(count).padStart(5)}  ${name}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
