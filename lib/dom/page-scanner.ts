/**
 * Scans a document for known entities and claims and paints them, and keeps doing so as the page
 * changes. Touches only the document it is given; the content script wires it to the extension.
 *
 *   full scan:  sliced scan (sliced-scan.ts) → ranges → what the reader chose to see → paint → report
 *
 * What the reader sees (findings(), reported, exported, jumped to) holds every mention; what is painted
 * may be only the first mention in each story (first-mentions.ts), plus any mention jumped to.
 *   page edits: DOM watcher (dom-watcher.ts, batched) → same pipeline on the changed subtrees only
 *
 * A long page's top is painted before the rest is read; the full paint then reuses its ranges, its
 * display decisions and its highlights, and reports once.
 */
import type { ClaimFinding } from '../claims/match';
import type { EntityFinding } from '../matcher/find';
import type { ScanLimits, TextFinder, WireContext } from '../matcher/text-finder';
import { createDomWatcher } from './dom-watcher';
import { storyNumbering } from '../matcher/story';
import { firstMentions } from './first-mentions';
import { createHitIndex } from './hit-index';
import type { FindingKind, Hit, PageClaimFinding, PageFinding, PageFindings } from './page-findings';
import { MARK_TAG, type Painter, createPainter } from './paint';
import { revealRange } from './reveal';
import { compareRangeStarts } from './range-order';
import { type TextFindings, scanSliced } from './sliced-scan';
import { type Slicer, createSlicer } from './slicer';
import { type TextIndex, buildTextIndex, createTextIndexBuilder, isSkippedElement, rangeFor } from './text-index';

export type { FindingKind, Hit, PageClaimFinding, PageFinding, PageFindings } from './page-findings';

export const SCAN_MEASURE = 'backstory:scan';
/**
 * From a full scan's start to its first highlights: the first paint that holds one (a long page's top,
 * before the scan ends), else the scan's end.
 */
export const FIRST_PAINT_MEASURE = 'backstory:first-paint';

export interface PageScanner {
  readonly painter: Painter;
  /** A full scan of the page; resolves when it is painted. */
  scan(): Promise<PageFindings>;
  findings(): PageFindings;
  /** What of findings() is painted (hover and keyboard stepping reach these). */
  painted(): PageFindings;
  /** The finding painted at a point of the page's text (entities win over the claim around them). */
  hitTest(node: Node, offset: number): Hit | undefined;
  /**
   * The visible findings with offsets into one fresh text index of the page (rescans of changed parts
   * leave offsets relative to those parts; exports need them relative to the whole text).
   */
  snapshot(): { text: string; entities: PageFinding[]; claims: PageClaimFinding[] };
  /** Changes which findings are shown and painted (isShown, everyMention), without scanning again. */
  setShown(isShown: (hit: Hit) => boolean): void;
  /**
   * Scrolls to and flashes the nth finding of an entity or claim, painting it from then on if it was a
   * later mention left unpainted; returns false if there is none.
   */
  reveal(kind: FindingKind, id: string, occurrence: number, pack?: string): boolean;
  stop(): void;
}

export interface PageScannerOptions {
  forceWrap?: boolean;
  /** Called after each scan pass (the full scan and each rescan after page changes). */
  onScan?: (findings: PageFindings) => void;
  /** Milliseconds to wait for more page changes before rescanning. */
  settleDelay?: number;
  maxEntities?: number;
  maxPerEntity?: number;
  maxClaims?: number;
  /** Element names of our own UI hosts, never scanned and never a reason to rescan. */
  ownHosts?: string[];
  /** Which findings to paint and report (all by default). */
  isShown?: (hit: Hit) => boolean;
  /**
   * Whether every mention of what a shown finding names is painted, rather than its first in each story
   * (every mention by default). Asked again at each paint.
   */
  everyMention?: (hit: Hit) => boolean;
}

/**
 * A rescan runs in one task: above this many nodes in a changed subtree, or this much changed text, the
 * time-sliced full scan takes over (a single-page app rendering a whole article into its root element).
 */
const MAX_INCREMENTAL_NODES = 20_000;
const MAX_INCREMENTAL_TEXT = 100_000;

/** Findings asked isShown between two reads of the slice's clock (one may parse a data chunk: ~40 µs). */
const SHOWN_PER_CLOCK_READ = 16;

/**
 * `finder` searches the text the scanner reads (in the extension, the background worker does); its
 * records name what was found.
 */
export function createPageScanner(doc: Document, finder: TextFinder, options: PageScannerOptions = {}): PageScanner {
  const win = doc.defaultView!;
  const painter = createPainter(win, options.forceWrap);
  const limits: ScanLimits = {
    maxTotal: options.maxEntities ?? 1500,
    maxPerEntity: options.maxPerEntity ?? 60,
    maxClaims: options.maxClaims ?? 200,
  };
  const ownHosts = new Set([MARK_TAG.toUpperCase(), 'BACKSTORY-UI', ...(options.ownHosts ?? [])]);
  let current: PageFindings = { entities: [], claims: [] };
  /** What the whole page said, for rescans of its changed parts. */
  let context: WireContext | undefined;
  /** Aborts the scan under way: a newer scan or rescan, or stop(), takes over. */
  let pass = new AbortController();
  /** Scan passes so far (names each pass's start mark). */
  let passes = 0;
  let isShown: (hit: Hit) => boolean = options.isShown ?? (() => true);
  /** isShown's answer for each finding's range, asked once per range (ranges are reused across paints). */
  let shownByRange = new Map<Range, boolean>();
  /** What `current` shows to the reader (undefined: not worked out yet). */
  let shown: PageFindings | undefined;
  const everyMention = options.everyMention ?? (() => true);
  /** What of `shown` is painted. */
  let painted: PageFindings = { entities: [], claims: [] };
  /** Later mentions painted because the reader jumped to them. */
  let revealed = new WeakSet<Range>();
  /** The number the next text indexed gives its first story (rescanned parts are stories of their own). */
  let nextStory = 0;
  const hits = createHitIndex();

  const root = () => doc.body ?? doc.documentElement;

  const isShownOnce = (hit: Hit): boolean => {
    let answer = shownByRange.get(hit.finding.range);
    if (answer === undefined) {
      answer = isShown(hit);
      shownByRange.set(hit.finding.range, answer);
    }
    return answer;
  };

  /**
   * Findings with their ranges on the page. A finding `early` already holds (the same entity or claim over
   * the same text of the same index: a long page's top) keeps its range, so it is neither made nor
   * asked about or painted again. Stories are numbered from `firstStory`; `storyCount` is how many the
   * index holds.
   */
  const withRanges = (
    index: TextIndex,
    entities: EntityFinding[],
    claims: ClaimFinding[],
    firstStory: number,
    early?: PageFindings,
  ): { findings: PageFindings; storyCount: number } => {
    const earlier = early ? rangesByStart(early) : new Map<number, RangeEntry[]>();
    /** Undefined when the page shortened the text meanwhile (its change is rescanned after). */
    const range = (start: number, end: number, item: number, kind: FindingKind): Range | undefined => {
      const early = earlier.get(start)?.find((e) => e.end === end && e.item === item && e.kind === kind);
      if (early) return early.range;
      try {
        return rangeFor(index, start, end, doc);
      } catch {
        return undefined;
      }
    };
    const stories = storyNumbering(index.text);
    const story = (start: number) => firstStory + stories.storyAt(start);
    const findings = {
      entities: entities.flatMap((f) => {
        const at = range(f.start, f.end, f.entity, 'entity');
        return at ? [{ ...f, range: at, story: story(f.start) }] : [];
      }),
      claims: claims.flatMap((f) => {
        const at = range(f.start, f.end, f.claim, 'claim');
        return at ? [{ ...f, range: at, story: story(f.start) }] : [];
      }),
    };
    return { findings, storyCount: stories.count };
  };

  /** What of the shown findings is painted: first mentions where the reader chose so, and jumped-to ones. */
  const toPaint = (seen: PageFindings): PageFindings => {
    const every = (hit: Hit) => revealed.has(hit.finding.range) || everyMention(hit);
    return {
      entities: firstMentions(
        seen.entities,
        (f) => f.entity,
        (finding) => every({ kind: 'entity', finding }),
        (entity) => finder.items.entities[entity]!.background === true,
      ),
      claims: firstMentions(
        seen.claims,
        (f) => f.claim,
        (finding) => every({ kind: 'claim', finding }),
      ),
    };
  };

  /** What the reader chose to see (categories can be switched off without a rescan). */
  const visible = (): PageFindings =>
    (shown ??= {
      entities: current.entities.filter((finding) => isShownOnce({ kind: 'entity', finding })),
      claims: current.claims.filter((finding) => isShownOnce({ kind: 'claim', finding })),
    });

  /**
   * visible() of a full scan's findings, across slices: isShown reads each finding's entity, which on a
   * large pack parses its data chunk (1,500 findings at 100,000 aliases: 15–60 ms). Undefined when
   * isShown changed meanwhile (then painting filters afresh).
   */
  const visibleInSlices = async (findings: PageFindings, slicer: Slicer): Promise<PageFindings | undefined> => {
    const filter = isShown;
    const next: PageFindings = { entities: [], claims: [] };
    for (let i = 0; i < findings.entities.length; i++) {
      const finding = findings.entities[i]!;
      if (isShownOnce({ kind: 'entity', finding })) next.entities.push(finding);
      // The clock is read every few findings: read after each, it took 4 % of the roundup's profile.
      if (i % SHOWN_PER_CLOCK_READ === 0 && slicer.due()) await slicer.checkpoint();
    }
    for (const finding of findings.claims) if (isShownOnce({ kind: 'claim', finding })) next.claims.push(finding);
    return filter === isShown ? next : undefined;
  };

  /**
   * Makes `next` the current findings and paints what of them the reader sees (the Highlight API leaves
   * the DOM alone; wrapping is done unobserved). `report`: tell onScan (not for a long page's early top).
   */
  const show = (next: PageFindings, nextShown?: PageFindings, report = true) => {
    watcher.unobserved(() => {
      // The new findings may have been read from wrapped text (fallback renderer): keep their ranges. The
      // Highlight API paints over what it painted before, keeping the highlights it still holds.
      if (painter.kind === 'wrap') painter.clear([...next.entities, ...next.claims].map((f) => f.range));
      current = next;
      // Only the answers for these findings' ranges are kept.
      const kept = new Map<Range, boolean>();
      for (const f of [...next.entities, ...next.claims]) {
        const answer = shownByRange.get(f.range);
        if (answer !== undefined) kept.set(f.range, answer);
      }
      shownByRange = kept;
      shown = nextShown;
      const seen = visible();
      painted = toPaint(seen);
      painter.paint(
        [
          { name: 'claim', ranges: painted.claims.map((f) => f.range) },
          { name: 'entity', ranges: painted.entities.map((f) => f.range) },
        ],
        [...seen.entities, ...seen.claims].map((f) => f.range),
      );
      hits.set(painted);
      if (report) options.onScan?.(seen);
    });
  };

  const scan = async (): Promise<PageFindings> => {
    pass.abort();
    const controller = (pass = new AbortController());
    const mark = `backstory:scan-start:${++passes}`;
    performance.mark(mark);
    const slicer = createSlicer(win, undefined, controller.signal);
    let firstPaintMeasured = false;
    /** This pass's early findings (a long page's top), with offsets into the same text as the final ones. */
    let early: PageFindings | undefined;
    /** The pass's first highlights are measured once, whichever paint brings them. */
    const measureFirstPaint = () => {
      if (!firstPaintMeasured) performance.measure(FIRST_PAINT_MEASURE, mark);
      firstPaintMeasured = true;
    };
    try {
      const found = await scanSliced(root(), {
        finder,
        limits,
        slicer,
        signal: controller.signal,
        // Wrapping would move the text nodes the index points to: the fallback paints once, at the end.
        showsTop: painter.kind === 'highlight-api',
        showTop: (top: TextFindings) => {
          early = withRanges(top.index, top.entities, top.claims, 0).findings;
          show(early, undefined, false);
          // A top with nothing to show is no first highlight: the measure waits for one.
          if (painted.entities.length || painted.claims.length) measureFirstPaint();
        },
      });
      watcher.watchShadowRoots(found.index.shadowRoots);
      // A long page has hundreds of findings: making their ranges and painting them are a task each.
      const { findings: next, storyCount } = withRanges(found.index, found.entities, found.claims, 0, early);
      nextStory = storyCount;
      await slicer.checkpoint();
      const nextShown = await visibleInSlices(next, slicer);
      await slicer.checkpoint();
      context = found.context;
      show(next, nextShown);
    } catch (error) {
      if (controller.signal.aborted) return current;
      throw error;
    }
    measureFirstPaint();
    performance.measure(SCAN_MEASURE, mark);
    performance.clearMarks(mark);
    return current;
  };

  /** Rescans only the subtrees that changed, with the rest of the page as context. */
  const rescan = async (roots: Node[]) => {
    const indexes: TextIndex[] = [];
    let changedText = 0;
    for (const changed of roots) {
      // Text in fields, editors, code or our own UI is never scanned, also when it is what changed.
      if (!changed.isConnected || isInSkipped(changed, ownHosts)) continue;
      const builder = createTextIndexBuilder(changed);
      const index = builder.step(MAX_INCREMENTAL_NODES) ? builder.result() : undefined;
      changedText += index?.text.length ?? Infinity;
      if (!index || changedText > MAX_INCREMENTAL_TEXT) {
        void scan();
        return;
      }
      indexes.push(index);
    }
    pass.abort();
    const controller = (pass = new AbortController());
    const mark = `backstory:scan-start:${++passes}`;
    performance.mark(mark);
    const added: PageFindings = { entities: [], claims: [] };
    for (const index of indexes) {
      watcher.watchShadowRoots(index.shadowRoots);
      if (!index.text) continue;
      const found = await finder.find({ part: 'part', text: index.text, limits, ...(context ? { context } : {}) });
      // A newer scan took over; or the page changed again meanwhile, and the watcher brings that.
      if (controller.signal.aborted || !index.nodes.every((node) => node.isConnected)) return;
      context = found.context ?? context;
      const { findings, storyCount } = withRanges(index, found.entities, found.claims, nextStory);
      nextStory += storyCount;
      added.entities.push(...findings.entities);
      added.claims.push(...findings.claims);
    }
    const isInside = (range: Range) =>
      !range.startContainer.isConnected || roots.some((r) => r.contains(range.startContainer));
    const next: PageFindings = {
      entities: [...current.entities.filter((f) => !isInside(f.range)), ...added.entities],
      claims: [...current.claims.filter((f) => !isInside(f.range)), ...added.claims],
    };
    next.entities = capPerEntity(sortByPosition(next.entities), limits.maxPerEntity).slice(0, limits.maxTotal);
    next.claims = sortByPosition(next.claims).slice(0, limits.maxClaims);
    show(next);
    performance.measure(SCAN_MEASURE, mark);
    performance.clearMarks(mark);
  };

  const watcher = createDomWatcher(doc, {
    ownHosts,
    settleDelay: options.settleDelay,
    alwaysFull: painter.kind === 'wrap',
    repair: (records) => painter.repair(records),
    onChange: ({ roots, full }) => void (full ? scan() : rescan(roots)),
  });

  const reveal = (kind: FindingKind, id: string, occurrence: number, pack?: string): boolean => {
    const { entities, claims } = visible();
    const is = (item: { id: string; pack?: string }) => item.id === id && item.pack === pack;
    const matches: { range: Range }[] =
      kind === 'entity'
        ? entities.filter((finding) => is(finder.items.entities[finding.entity]!))
        : claims.filter((finding) => is(finder.items.claims.claims[finding.claim]!));
    const finding = matches[((occurrence % matches.length) + matches.length) % matches.length];
    if (!finding) return false;
    if (!revealed.has(finding.range)) {
      revealed.add(finding.range);
      show(current, shown, false);
    }
    revealRange(win, painter, finding.range);
    return true;
  };

  return {
    painter,
    scan,
    findings: visible,
    painted: () => painted,
    snapshot() {
      const index = buildTextIndex(root());
      const position = new Map(index.nodes.map((node, i) => [node as Node, index.starts[i]!]));
      const locate = <T extends { range: Range }>(finding: T) => {
        const start = position.get(finding.range.startContainer);
        const end = position.get(finding.range.endContainer);
        return start === undefined || end === undefined
          ? []
          : [{ ...finding, start: start + finding.range.startOffset, end: end + finding.range.endOffset }];
      };
      const { entities, claims } = visible();
      return { text: index.text, entities: entities.flatMap(locate), claims: claims.flatMap(locate) };
    },
    setShown(next) {
      isShown = next;
      shownByRange = new Map();
      // Wrapping moved the text under findings that were not painted: read the page again.
      if (painter.kind === 'wrap') void scan();
      else show(current);
    },
    hitTest: (node, offset) => hits.hitTest(node, offset),
    reveal,
    stop() {
      pass.abort();
      watcher.stop();
      painter.clear();
      current = { entities: [], claims: [] };
      shown = undefined;
      shownByRange = new Map();
      painted = { entities: [], claims: [] };
      revealed = new WeakSet();
      hits.clear();
    },
  };
}

interface RangeEntry {
  end: number;
  item: number;
  kind: FindingKind;
  range: Range;
}

/** The ranges of findings by where they start, with what they are of. */
function rangesByStart(findings: PageFindings): Map<number, RangeEntry[]> {
  const byStart = new Map<number, RangeEntry[]>();
  const add = (start: number, entry: RangeEntry) => {
    const list = byStart.get(start);
    if (list) list.push(entry);
    else byStart.set(start, [entry]);
  };
  for (const f of findings.entities) add(f.start, { end: f.end, item: f.entity, kind: 'entity', range: f.range });
  for (const f of findings.claims) add(f.start, { end: f.end, item: f.claim, kind: 'claim', range: f.range });
  return byStart;
}

function sortByPosition<T extends { range: Range }>(findings: T[]): T[] {
  return findings.sort((a, b) => compareRangeStarts(a.range, b.range));
}

function capPerEntity(findings: PageFinding[], max: number): PageFinding[] {
  const counts = new Map<number, number>();
  return findings.filter((f) => {
    const count = (counts.get(f.entity) ?? 0) + 1;
    counts.set(f.entity, count);
    return count <= max;
  });
}

/** Whether a node is, or is inside, an element whose text is never scanned (across shadow roots). */
function isInSkipped(node: Node, ownHosts: Set<string>): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) {
    if (at.nodeType === 1 && (isSkippedElement(at as Element) || ownHosts.has(at.nodeName))) return true;
  }
  return false;
}
