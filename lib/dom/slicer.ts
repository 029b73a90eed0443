/**
 * Cooperative time slicing: long work checks in now and then and gives the main thread back once
 * its slice is used up, so no task of ours blocks the page for long.
 */
export interface Slicer {
  /**
   * Yields to the event loop when the current slice has run past its budget. Rejects with the signal's
   * reason once the work was aborted (also while it waited for its turn), so that work stops there.
   */
  checkpoint(): Promise<void>;
  /** Whether the current slice has run past its budget (a tight loop checks this before checkpoint()). */
  due(): boolean;
}

interface SchedulerWindow {
  scheduler?: { yield?: () => Promise<void> };
}

/** Ends the current task and resumes in a new one, ahead of the page's other queued tasks where possible. */
export function yieldToEventLoop(win: Window): Promise<void> {
  const scheduler = (win as unknown as SchedulerWindow).scheduler;
  // scheduler.yield() lets the page's input and rendering in but resumes ahead of other queued tasks:
  // while a page is still loading, a plain task can wait behind 100 ms of its work.
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A message-channel task runs sooner than setTimeout(0), which browsers clamp to 4 ms when nested.
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export function createSlicer(win: Window, budgetMs = 12, signal?: AbortSignal): Slicer {
  let sliceStart = win.performance.now();
  const due = () => win.performance.now() - sliceStart > budgetMs;
  return {
    due,
    async checkpoint() {
      if (due()) {
        await yieldToEventLoop(win);
        sliceStart = win.performance.now();
      } else {
        // Still a turn for code queued meanwhile (a stop() right after scan() in the same task)...
        await undefined;
      }
      // ...which may have aborted the work.
      signal?.throwIfAborted();
    },
  };
}

/** The top of a long page, shown before the rest is read: the complete blocks of its first this many characters. */
export const TEXT_SLICE_CHARS = 10_000;
