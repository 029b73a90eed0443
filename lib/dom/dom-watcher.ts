/**
 * Watches the page for changes to its text and batches them: after the page settles, it hands over the
 * outermost changed subtrees to rescan, or asks for a full scan when a batch is too broad.
 */

/** Above this many changed subtrees in one batch, one full scan is cheaper than many small ones. */
export const MAX_INCREMENTAL_ROOTS = 200;
/** A page that never stops changing (a ticker) still gets a rescan after this many settle delays. */
export const MAX_WAIT_SETTLES = 4;

export interface DomChange {
  /** Outermost changed subtrees (none when `full`). */
  roots: Node[];
  /** Rescan the whole page. */
  full: boolean;
}

export interface DomWatcherOptions {
  /** Element names of our own UI and marks: changes to them are never a reason to rescan. */
  ownHosts: ReadonlySet<string>;
  /** Milliseconds to wait for more page changes before handing them over. */
  settleDelay?: number;
  /** Every batch is handed over as a full scan (the wrap painter: its marks move the page's text). */
  alwaysFull?: boolean;
  /**
   * Undoes our own DOM changes wherever the page wrote to or moved its text, before it can paint a frame;
   * true when it undid any (then the whole page is rescanned).
   */
  repair(records: readonly MutationRecord[]): boolean;
  onChange(change: DomChange): void;
}

export interface DomWatcher {
  /** Starts watching the document and these shadow roots too (from now on). */
  watchShadowRoots(roots: Iterable<ShadowRoot>): void;
  /**
   * Runs our own DOM work unobserved, then watches again (unless stopped). Page changes queued before it
   * are kept for the next batch: they must not be lost with the observer's queue.
   */
  unobserved(work: () => void): void;
  stop(): void;
}

export function createDomWatcher(doc: Document, options: DomWatcherOptions): DomWatcher {
  const win = doc.defaultView!;
  const shadowRoots = new Set<ShadowRoot>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change still waiting to be handed over was seen. */
  let pendingSince: number | undefined;
  let pendingRoots = new Set<Node>();
  let pendingFull = false;
  let stopped = false;

  const flush = () => {
    timer = undefined;
    pendingSince = undefined;
    const roots = outermost([...pendingRoots]);
    const full = pendingFull || !!options.alwaysFull || roots.length > MAX_INCREMENTAL_ROOTS;
    pendingRoots = new Set();
    pendingFull = false;
    if (full) options.onChange({ roots: [], full: true });
    else if (roots.length) options.onChange({ roots, full: false });
  };

  const isOwn = (node: Node) => options.ownHosts.has(node.nodeName);
  const schedule = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentNode;
        if (parent && !isOwn(parent)) pendingRoots.add(parent);
        continue;
      }
      if (isOwn(record.target)) continue;
      const added = [...record.addedNodes].filter((node) => !isOwn(node));
      const removed = [...record.removedNodes].filter((node) => !isOwn(node));
      if (!added.length && !removed.length) continue;
      // A changed parent is rescanned whole: names may now run across the old and new text.
      pendingRoots.add(record.target);
      if (record.target === doc.documentElement || record.target === doc.body) pendingFull = true;
    }
    if (pendingRoots.size || pendingFull) {
      clearTimeout(timer);
      const settle = options.settleDelay ?? 250;
      const now = win.performance.now();
      pendingSince ??= now;
      timer = setTimeout(flush, Math.max(0, Math.min(settle, pendingSince + settle * MAX_WAIT_SETTLES - now)));
    }
  };
  const onMutations = (records: MutationRecord[]) => {
    // Undo our wrapping wherever the page wrote to or moved its text, before it can render or paint a
    // frame; only our own repairs can have been queued since. The rescan wraps that text again (changes
    // to our marks alone would not schedule one).
    if (options.repair(records)) {
      observer.takeRecords();
      pendingFull = true;
    }
    schedule(records);
  };
  const observer = new win.MutationObserver(onMutations);
  const observe = () => {
    const what = { childList: true, subtree: true, characterData: true };
    observer.observe(doc.documentElement, what);
    for (const shadow of shadowRoots) if (shadow.host.isConnected) observer.observe(shadow, what);
  };

  return {
    watchShadowRoots(roots) {
      for (const root of roots) shadowRoots.add(root);
    },
    unobserved(work) {
      const queued = observer.takeRecords();
      observer.disconnect();
      work();
      if (!stopped) observe();
      // Our work (clearing marks) undid all wrapping, also where these changes were made: they only need a rescan.
      if (queued.length) schedule(queued);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}

/** Drops roots inside other roots. */
function outermost(roots: Node[]): Node[] {
  return roots.filter((node) => !roots.some((other) => other !== node && other.contains(node)));
}
