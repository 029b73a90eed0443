/** Chromium trace events as the benches read them, and the end of a CDP trace. */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  /** Thread time of a complete event. */
  tdur?: number;
  /** `name`: a thread's name in a `thread_name` metadata event (ph 'M'). */
  args?: { data?: { url?: string }; name?: string };
}

/** A run's CPU: thread time of the thread that marked it, and of the worker threads of its process. */
export interface RunCpu {
  /** The thread that marked `bench:<id>:start` and `:end` (the page's main thread), in ms. */
  main: number;
  /** Dedicated workers of the same process over the same span, in ms (NaN: the process had none). */
  workers: number;
}

/** Chromium's name for the threads of dedicated Workers (the trace's thread_name metadata). */
export const DEDICATED_WORKER_THREAD = 'DedicatedWorker thread';

const threadKey = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;

/** Thread names by `pid:tid`, from the trace's metadata. */
export function threadNames(trace: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of trace)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(threadKey(e), e.args.name);
  return names;
}

/**
 * Each thread's outermost top-level slices (scheduler tasks), by `pid:tid`, in time order: a task's
 * nested slices are part of its thread time already.
 */
export function topLevelSlices(trace: TraceEvent[]): Map<string, TraceEvent[]> {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.cat.includes('toplevel')) continue;
    const list = byThread.get(threadKey(e)) ?? [];
    list.push(e);
    byThread.set(threadKey(e), list);
  }
  const roots = new Map<string, TraceEvent[]>();
  for (const [key, slices] of byThread) roots.set(key, outermost(slices));
  return roots;
}

/** The slices not nested in another, in time order. */
export function outermost(slices: readonly TraceEvent[]): TraceEvent[] {
  const outer: TraceEvent[] = [];
  let end = -Infinity;
  for (const slice of [...slices].sort((a, b) => a.ts - b.ts)) {
    if (slice.ts < end) continue;
    outer.push(slice);
    end = slice.ts + (slice.dur ?? 0);
  }
  return outer;
}

/** Thread time (ms) of the slices that overlap [from, to] (trace µs), each counted whole. */
export function cpuBetween(slices: readonly TraceEvent[], from: number, to: number): number {
  let sum = 0;
  for (const slice of slices)
    if (slice.ts + (slice.dur ?? 0) >= from && slice.ts <= to) sum += slice.tdur ?? slice.dur ?? 0;
  return sum / 1000;
}

/** Thread time (ms) over [from, to] of every thread whose name is `name` (NaN: no such thread). */
export function cpuOfThreadsNamed(
  trace: TraceEvent[],
  name: string,
  from: number,
  to: number,
  roots = topLevelSlices(trace),
  names = threadNames(trace),
  pid?: number,
): number {
  const keys = [...names]
    .filter(([key, threadName]) => threadName === name && (pid === undefined || key.startsWith(`${pid}:`)))
    .map(([key]) => key);
  if (!keys.length) return NaN;
  return keys.reduce((sum, key) => sum + cpuBetween(roots.get(key) ?? [], from, to), 0);
}

/**
 * The CPU of each run the page marked with `bench:<id>:start` and `bench:<id>:end` (user timing): the
 * marking thread's and its process's dedicated workers', by id.
 */
export function cpuOfRuns(trace: TraceEvent[]): Map<string, RunCpu> {
  const roots = topLevelSlices(trace);
  const names = threadNames(trace);
  const starts = new Map<string, TraceEvent>();
  const cpu = new Map<string, RunCpu>();
  for (const e of trace) {
    if (!e.name.startsWith('bench:') || !e.cat.includes('blink.user_timing')) continue;
    const id = e.name.slice('bench:'.length).replace(/:(start|end)$/, '');
    if (e.name.endsWith(':start')) starts.set(id, e);
    else if (e.name.endsWith(':end')) {
      const begin = starts.get(id);
      if (!begin) continue;
      cpu.set(id, {
        main: cpuBetween(roots.get(threadKey(e)) ?? [], begin.ts, e.ts),
        workers: cpuOfThreadsNamed(trace, DEDICATED_WORKER_THREAD, begin.ts, e.ts, roots, names, e.pid),
      });
    }
  }
  return cpu;
}

/** Ends the session's trace and reads its events from the stream Chromium hands back. */
export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) return [];
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}
