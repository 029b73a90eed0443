/**
 * Watchers for the robustness and privacy tests: errors from every part of the extension, every request
 * it makes, and what its work costs the page's main thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionBrowser } from './browser';

/** Where an error was reported. */
export type ErrorSource = 'page' | 'content-script' | 'extension-page' | 'worker';

export interface ReportedError {
  source: ErrorSource;
  /** The page or worker URL. */
  url: string;
  text: string;
}

/**
 * Console errors and uncaught exceptions from the extension's worker, its own pages and its content
 * script, and from the web pages' own scripts (reported separately: `source: 'page'`).
 */
export interface WatchedPage {
  cdp: CDPSession;
  /** The CDP execution context id of the content script's isolated world in the main frame, once it runs. */
  contentScriptWorld(): number | undefined;
}

export interface ErrorLog {
  all: ReportedError[];
  /** Everything the extension reported, wherever it ran. */
  fromExtension(): ReportedError[];
  fromPages(): ReportedError[];
  /** Watches a web page: its main world and the content script's isolated world, told apart through CDP. */
  watchWebPage(page: Page): Promise<WatchedPage>;
  /** Watches one of the extension's own pages (popup, options…): everything in it is the extension's. */
  watchExtensionPage(page: Page): void;
}

export function watchErrors(browser: ExtensionBrowser): ErrorLog {
  const all: ReportedError[] = [];
  browser.context.on('console', (message) => {
    const worker = message.worker();
    if (worker && (message.type() === 'error' || message.type() === 'assert')) {
      all.push({ source: 'worker', url: worker.url(), text: message.text() });
    }
  });
  const log: ErrorLog = {
    all,
    fromExtension: () => all.filter((e) => e.source !== 'page'),
    fromPages: () => all.filter((e) => e.source === 'page'),
    async watchWebPage(page) {
      const cdp = await browser.context.newCDPSession(page);
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const extensionWorlds = new Set<number>();
      let mainFrameWorld: number | undefined;
      const extensionOrigin = `chrome-extension://${browser.extensionId}`;
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.origin !== extensionOrigin) return;
        extensionWorlds.add(context.id);
        if ((context.auxData as { frameId?: string } | undefined)?.frameId === frameTree.frame.id) {
          mainFrameWorld = context.id;
        }
      });
      const sourceOf = (contextId: number | undefined, stack: string) =>
        (contextId !== undefined && extensionWorlds.has(contextId)) || stack.includes(extensionOrigin)
          ? 'content-script'
          : 'page';
      cdp.on('Runtime.consoleAPICalled', (event) => {
        if (event.type !== 'error' && event.type !== 'assert') return;
        const text = event.args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
        const stack = JSON.stringify(event.stackTrace ?? {});
        all.push({ source: sourceOf(event.executionContextId, stack), url: page.url(), text });
      });
      cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: details }) => {
        const text = details.exception?.description ?? details.text;
        const stack = JSON.stringify(details.stackTrace ?? {}) + (details.url ?? '');
        all.push({ source: sourceOf(details.executionContextId, stack), url: page.url(), text });
      });
      cdp.on('Log.entryAdded', ({ entry }) => {
        if (entry.level !== 'error') return;
        const fromExtension = (entry.url ?? '').startsWith(extensionOrigin) || entry.text.includes(extensionOrigin);
        // The page's own failed loads (saved pages refer to hosts that are blocked here) are not ours.
        if (!fromExtension && entry.source === 'network') return;
        all.push({ source: fromExtension ? 'content-script' : 'page', url: page.url(), text: entry.text });
      });
      await cdp.send('Runtime.enable');
      await cdp.send('Log.enable');
      return { cdp, contentScriptWorld: () => mainFrameWorld };
    },
    watchExtensionPage(page) {
      page.on('pageerror', (error) => all.push({ source: 'extension-page', url: page.url(), text: error.message }));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'assert') {
          all.push({ source: 'extension-page', url: page.url(), text: message.text() });
        }
      });
    },
  };
  return log;
}

export interface RecordedRequest {
  url: string;
  /** 'worker', 'extension-page' or 'web-page'. */
  from: 'worker' | 'extension-page' | 'web-page';
  /** The page or worker that made it. */
  origin: string;
  failed?: string;
}

/** Every request the context reports, including the service worker's (Playwright ≥ 1.5x reports those). */
export function recordRequests(browser: ExtensionBrowser): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const describe = (request: Request): RecordedRequest => {
    const worker = request.serviceWorker();
    if (worker) return { url: request.url(), from: 'worker', origin: worker.url() };
    let origin = '';
    try {
      origin = request.frame().page().url() || request.frame().url();
    } catch {
      origin = '(no frame)';
    }
    const from = origin.startsWith('chrome-extension://') ? 'extension-page' : 'web-page';
    return { url: request.url(), from, origin };
  };
  browser.context.on('request', (request) => requests.push(describe(request)));
  browser.context.on('requestfailed', (request) =>
    requests.push({ ...describe(request), failed: request.failure()?.errorText ?? 'failed' }),
  );
  return requests;
}

/** A URL of one of the extension's own files (anything else under its origin is not a file it ships). */
export function isOwnFile(browser: ExtensionBrowser, url: string): boolean {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  if (!url.startsWith(prefix)) return false;
  const path = decodeURIComponent(new URL(url).pathname);
  return existsSync(join(EXTENSION_DIR, path));
}

/** What a web page's request was started by, from CDP (Playwright does not expose initiators). */
export interface Initiated {
  url: string;
  type: string;
  /** Script URLs on the initiator's stack, or the parser's document/stylesheet URL. */
  by: string[];
}

/** Records into `seen` what starts each request of the page from now on. */
export async function recordInitiators(cdp: CDPSession, seen: Initiated[]): Promise<void> {
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    const by: string[] = [];
    if (initiator.url) by.push(initiator.url);
    for (let stack = initiator.stack; stack; stack = stack.parent) by.push(...stack.callFrames.map((f) => f.url));
    seen.push({ url: request.url, type: initiator.type, by });
  });
  await cdp.send('Network.enable');
}

/** A top-level task on the page's main thread, from a Chrome trace. */
export interface TraceTask {
  /** Wall time, ms. */
  wall: number;
  /** Main-thread CPU time, ms (robust against a busy machine). */
  cpu: number;
  /** Whether the task ran any of the extension's scripts. */
  ours: boolean;
  /** CPU time of the task minus the page's own scripts and parsing in it, when it ran ours. */
  oursCpu: number;
  what: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/**
 * Traces the page's main thread while `during` runs and returns its long top-level tasks, each marked
 * with whether it ran the extension's code (a FunctionCall or EvaluateScript from chrome-extension://).
 */
export async function traceTasks(
  cdp: CDPSession,
  extensionId: string,
  /** The page's URL prefix (its origin), to find its renderer in the browser-wide trace. */
  pagePrefix: string,
  during: () => Promise<void>,
  minMs = 30,
): Promise<TraceTask[]> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
      enableSampling: false,
    },
    transferMode: 'ReportEvents',
  });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
  // The trace covers the whole browser: keep the main thread of the renderer that ran the page.
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const pageThreads = new Set(events.filter((e) => urlOf(e).startsWith(pagePrefix)).map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter(
    (e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`) && pageThreads.has(`${e.pid}:${e.tid}`),
  );
  onMain.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Tasks show up as RunTask, ThreadControllerImpl::RunTask or both (nested): keep the outermost.
  const tasks: TraceEvent[] = [];
  for (const event of onMain) {
    if (event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask') continue;
    const outer = tasks.findLast((t) => t.pid === event.pid && t.tid === event.tid);
    if (!outer || event.ts >= outer.ts + (outer.dur ?? 0)) tasks.push(event);
  }
  const extension = `chrome-extension://${extensionId}/`;
  const cpuOf = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const firstAtOrAfter = (ts: number) => {
    let lo = 0;
    let hi = onMain.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (onMain[mid]!.ts < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const results: (TraceTask & { thread: string; start: number; end: number })[] = [];
  /** Per thread: when the last task of ours ended. */
  const sinceOurs = new Map<string, number>();
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inner: TraceEvent[] = [];
    for (let i = firstAtOrAfter(task.ts); i < onMain.length && onMain[i]!.ts <= end; i++) {
      const e = onMain[i]!;
      if (e !== task && e.pid === task.pid && e.tid === task.tid) inner.push(e);
    }
    const thread = `${task.pid}:${task.tid}`;
    let ours = inner.some((e) => urlOf(e).startsWith(extension));
    // Our async code resumes in microtasks when an extension API replies (storage, messages): such a
    // continuation carries no script URL. Count a task as ours when it is mostly a microtask
    // checkpoint, runs no script with a URL and no parsing, and comes soon after a task of ours.
    const since = sinceOurs.get(thread);
    const microtasks = Math.max(0, ...inner.filter((e) => MICROTASK_EVENTS.has(e.name)).map((e) => e.dur ?? 0));
    if (
      !ours &&
      since !== undefined &&
      task.ts - since < 100_000 &&
      microtasks >= 0.5 * (task.dur ?? 0) &&
      !inner.some((e) => urlOf(e) || e.name === 'ParseHTML')
    ) {
      ours = true;
    }
    if (ours) sinceOurs.set(thread, end);
    // The page's own work in the same task (its scripts, parsing and the layout they force): our
    // MutationObserver callbacks run at the end of the page's task that changed the DOM.
    const pageWork: TraceEvent[] = [];
    for (const e of inner) {
      const isPage = e.name === 'ParseHTML' || (PAGE_SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith(pagePrefix));
      const last = pageWork.at(-1);
      if (isPage && (!last || e.ts >= last.ts + (last.dur ?? 0))) pageWork.push(e);
    }
    const pageCpu = pageWork.reduce((sum, e) => sum + cpuOf(e), 0);
    results.push({
      thread,
      start: task.ts,
      end,
      wall: (task.dur ?? 0) / 1000,
      cpu: cpuOf(task),
      ours,
      oursCpu: ours ? Math.max(0, cpuOf(task) - pageCpu) : 0,
      what: [...new Set(inner.filter((e) => (e.dur ?? 0) >= 5000).map((e) => e.name))].slice(0, 8),
    });
  }
  return results
    .filter((r) => r.wall >= minMs)
    .map(({ wall, cpu, ours, oursCpu, what }) => ({ wall, cpu, ours, oursCpu, what }));
}

const PAGE_SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction']);
const MICROTASK_EVENTS = new Set(['RunMicrotasks', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

/** Renderer main-thread counters from CDP Performance.getMetrics (seconds). */
export async function mainThreadMetrics(cdp: CDPSession): Promise<{ script: number; task: number }> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
}
