import { describe, expect, it } from 'vitest';
import {
  DEDICATED_WORKER_THREAD,
  type TraceEvent,
  cpuOfRuns,
  cpuOfThreadsNamed,
  topLevelSlices,
} from '../../bench/trace';

const PAGE = 10;
const MAIN = 1;
const WORKER = 2;

const threadName = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  cat: '__metadata',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});

/** A top-level task: `ts` and `dur` in µs, thread time `tdur`. */
const task = (pid: number, tid: number, ts: number, dur: number, tdur: number): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  cat: 'toplevel',
  ph: 'X',
  ts,
  dur,
  tdur,
  pid,
  tid,
});

const mark = (name: string, ts: number, pid = PAGE, tid = MAIN): TraceEvent => ({
  name,
  cat: 'blink.user_timing',
  ph: 'R',
  ts,
  pid,
  tid,
});

describe('bench trace: CPU of a marked run', () => {
  it('sums the marking thread and its process’s dedicated workers over the run, each apart', () => {
    const trace = [
      threadName(PAGE, MAIN, 'CrRendererMain'),
      threadName(PAGE, WORKER, DEDICATED_WORKER_THREAD),
      threadName(99, 5, DEDICATED_WORKER_THREAD), // another process's worker: not this run's
      mark('bench:pass-1:start', 1_000),
      task(PAGE, MAIN, 500, 400, 300), // before the run
      task(PAGE, MAIN, 1_100, 2_000, 1_500),
      task(PAGE, MAIN, 1_200, 500, 400), // nested in the one above: already in its thread time
      task(PAGE, WORKER, 2_000, 3_000, 2_500),
      task(99, 5, 2_000, 9_000, 9_000),
      task(PAGE, MAIN, 6_000, 1_000, 700),
      mark('bench:pass-1:end', 8_000),
      task(PAGE, WORKER, 9_000, 1_000, 1_000), // after the run
    ];
    expect(cpuOfRuns(trace).get('pass-1')).toEqual({ main: 2.2, workers: 2.5 });
  });

  it('says NaN for the workers of a process that had none (the matcher ran in the page)', () => {
    const trace = [
      threadName(PAGE, MAIN, 'CrRendererMain'),
      mark('bench:floor-0:start', 0),
      task(PAGE, MAIN, 100, 1_000, 800),
      mark('bench:floor-0:end', 2_000),
    ];
    const cpu = cpuOfRuns(trace).get('floor-0')!;
    expect(cpu.main).toBe(0.8);
    expect(cpu.workers).toBeNaN();
  });

  it('finds threads by name in any process, and counts a task that overlaps the span whole', () => {
    const serviceWorker = 'ServiceWorker thread';
    const trace = [
      threadName(7, 3, serviceWorker),
      threadName(8, 4, serviceWorker),
      task(7, 3, 0, 2_000, 1_000), // ends inside the span
      task(8, 4, 4_000, 500, 250),
      task(8, 4, 20_000, 500, 500), // after it
    ];
    expect(cpuOfThreadsNamed(trace, serviceWorker, 1_000, 10_000)).toBe(1.25);
    expect(cpuOfThreadsNamed(trace, 'no such thread', 0, 10_000)).toBeNaN();
  });

  it('keeps only the outermost of nested top-level slices', () => {
    const slices = topLevelSlices([task(1, 1, 0, 100, 90), task(1, 1, 10, 20, 20), task(1, 1, 200, 10, 10)]);
    expect(slices.get('1:1')!.map((slice) => slice.ts)).toEqual([0, 200]);
  });
});
