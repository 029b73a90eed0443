import { describe, expect, it } from 'vitest';
import { createSlicer } from '../../../../lib/dom/slicer';

/** A window whose clock the test sets (yields go through a MessageChannel task). */
function clockWindow(): { win: Window; set(ms: number): void } {
  let now = 0;
  const win = { performance: { now: () => now } } as unknown as Window;
  return { win, set: (ms) => void (now = ms) };
}

describe('slicer', () => {
  it('is due once its budget is used up, and starts a new slice after yielding', async () => {
    const clock = clockWindow();
    const slicer = createSlicer(clock.win, 10);
    expect(slicer.due()).toBe(false);
    clock.set(11);
    expect(slicer.due()).toBe(true);
    await slicer.checkpoint();
    expect(slicer.due()).toBe(false);
  });

  it('rejects with the reason once aborted, also at a checkpoint that would not yield', async () => {
    const clock = clockWindow();
    const controller = new AbortController();
    const slicer = createSlicer(clock.win, 10, controller.signal);
    await expect(slicer.checkpoint()).resolves.toBeUndefined();
    // Aborted by code that runs before the work resumes (stop() right after scan(), in one task).
    const resuming = slicer.checkpoint();
    controller.abort(new Error('stopped'));
    await expect(resuming).rejects.toThrow('stopped');
    await expect(slicer.checkpoint()).rejects.toThrow('stopped');
  });

  it('rejects when aborted while it waits for its turn', async () => {
    const clock = clockWindow();
    const controller = new AbortController();
    const slicer = createSlicer(clock.win, 10, controller.signal);
    clock.set(20);
    const waiting = slicer.checkpoint();
    controller.abort(new Error('superseded'));
    await expect(waiting).rejects.toThrow('superseded');
  });
});
