/**
 * Scans a document for known entities and claims and paints them, and keeps doing so as the page
 * changes. Touches only the document it is given; the content script wires it to the extension.
 *
 *   full scan:  text index (sliced) → candidates per text slice → resolve in page context → ranges → paint
 *   page edits: MutationObserver → changed subtrees (batched) → same pipeline on those subtrees only
 */
import { type ClaimFinding, claimsFromHits } from '../claims/match';
import type { Matcher } from '../matcher/compile';
import {
  type EntityFinding,
  type PageContext,
  collectCandidates,
  newCandidates,
  resolveCandidates,
} from '../matcher/find';
import { BLOCK_SEPARATOR } from '../text/fold';
import { MARK_TAG, type Painter, createPainter } from './paint';
import { type Slicer, TEXT_SLICE_CHARS, createSlicer, textSlices } from './slicer';
import { type TextIndex, buildTextIndex, createTextIndexBuilder, isSkippedElement, rangeFor } from './text-index';

export const SCAN_MEASURE = 'backstory:scan';
/** From a full scan's start to its first highlights (before the end on long pages). */
export const FIRST_PAINT_MEASURE = 'backstory:first-paint';

export interface PageFinding extends EntityFinding {
  range: Range;
}

export interface PageClaimFinding extends ClaimFinding {
  range: Range;
}

export interface PageFindings {
  entities: PageFinding[];
  claims: PageClaimFinding[];
}

export type FindingKind = 'entity' | 'claim';

export type Hit = { kind: 'entity'; finding: PageFinding } | { kind: 'claim'; finding: PageClaimFinding };

export interface PageScanner {
  readonly painter: Painter;
  /** A full scan of the page; resolves when it is painted. */
  scan(): Promise<PageFindings>;
  findings(): PageFindings;
  /** The finding painted at a point of the page's text (entities win over the claim around them). */
  hitTest(node: Node, offset: number): Hit | undefined;
  /**
   * The visible findings with offsets into one fresh text index of the page (rescans of changed parts
   * leave offsets relative to those parts; exports need them relative to the whole text).
   */
  snapshot(): { text: string; entities: PageFinding[]; claims: PageClaimFinding[] };
  /** Changes which findings are painted, without scanning again. */
  setShown(isShown: (hit: Hit) => boolean): void;
  /** Scrolls to and flashes the nth finding of an entity or claim; returns false if there is none. */
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
}

/** Nodes the text index reads between two checks of the time slice. */
const NODES_PER_STEP = 1500;
/** Above this many changed subtrees in one batch, one full scan is cheaper than many small ones. */
const MAX_INCREMENTAL_ROOTS = 200;
/**
 * A rescan runs in one task: above this many nodes in a changed subtree, or this much changed text, the
 * time-sliced full scan takes over (a single-page app rendering a whole article into its root element).
 */
const MAX_INCREMENTAL_NODES = 20_000;
const MAX_INCREMENTAL_TEXT = 100_000;
/** A page that never stops changing (a ticker) still gets a rescan after this many settle delays. */
const MAX_WAIT_SETTLES = 4;

export function createPageScanner(doc: Document, matcher: Matcher, options: PageScannerOptions = {}): PageScanner {
  const win = doc.defaultView!;
  const painter = createPainter(win, options.forceWrap);
  // Which scan loop this page got, for automation (a measure's detail does not reach the page's world).
  win.performance.mark(`backstory:scanner:${matcher.scanner}`);
  const limits = { maxTotal: options.maxEntities ?? 1500, maxPerEntity: options.maxPerEntity ?? 60 };
  const maxClaims = options.maxClaims ?? 200;
  const ownHosts = new Set([MARK_TAG.toUpperCase(), 'BACKSTORY-UI', ...(options.ownHosts ?? [])]);
  let current: PageFindings = { entities: [], claims: [] };
  let context: PageContext | undefined;
  let byNode = new Map<Node, Hit[]>();
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change still waiting for a rescan was seen. */
  let pendingSince: number | undefined;
  let pendingRoots = new Set<Node>();
  let pendingFull = false;
  let stopped = false;
  let isShown: (hit: Hit) => boolean = options.isShown ?? (() => true);
  const shadowRoots = new Set<ShadowRoot>();

  const root = () => doc.body ?? doc.documentElement;

  const findIn = (index: TextIndex, pageContext?: PageContext) => {
    const candidates = newCandidates();
    collectCandidates(matcher, index.text, candidates);
    const resolved = resolveCandidates(matcher, index.text, candidates, limits, pageContext);
    return { resolved, claims: claimsFromHits(matcher.claims, index.text, candidates.terms) };
  };

  const withRanges = (index: TextIndex, entities: EntityFinding[], claims: ClaimFinding[]): PageFindings => ({
    entities: entities.map((f) => ({ ...f, range: rangeFor(index, f.start, f.end, doc) })),
    claims: claims.map((f) => ({ ...f, range: rangeFor(index, f.start, f.end, doc) })),
  });

  /**
   * Paints `current` (the observer is left as it is: the Highlight API does not touch the DOM), or the
   * part of it already found visible.
   */
  const show = (shown = visible()) => {
    // The new findings may have been read from wrapped text (fallback renderer): keep their ranges.
    painter.clear([...current.entities, ...current.claims].map((f) => f.range));
    painter.paint([
      { name: 'claim', ranges: shown.claims.map((f) => f.range) },
      { name: 'entity', ranges: shown.entities.map((f) => f.range) },
    ]);
    byNode = indexHits(shown);
    options.onScan?.(shown);
  };

  const paint = (shown?: PageFindings) => {
    // Page changes made while this pass was reading must not be lost with the observer's queue.
    const queued = observer.takeRecords();
    observer.disconnect();
    show(shown);
    if (!stopped) observe();
    // clear() undid all wrapping, also where these changes were made: they only need a rescan.
    if (queued.length) schedule(queued);
  };

  /** What the reader chose to see (categories can be switched off without a rescan). */
  const visible = (): PageFindings => ({
    entities: current.entities.filter((f) => isShown({ kind: 'entity', finding: f })),
    claims: current.claims.filter((f) => isShown({ kind: 'claim', finding: f })),
  });

  /**
   * visible() of a full scan's findings, across slices: isShown reads each finding's entity, which on a
   * large pack parses its data chunk (1,500 findings at 100,000 aliases: 15–60 ms). Undefined when
   * isShown changed meanwhile (then painting filters afresh).
   */
  const visibleInSlices = async (findings: PageFindings, slicer: Slicer): Promise<PageFindings | undefined> => {
    const filter = isShown;
    const shown: PageFindings = { entities: [], claims: [] };
    for (const finding of findings.entities) {
      if (filter({ kind: 'entity', finding })) shown.entities.push(finding);
      const turn = slicer.checkpoint();
      if (turn) await turn;
    }
    for (const finding of findings.claims) if (filter({ kind: 'claim', finding })) shown.claims.push(finding);
    return filter === isShown ? shown : undefined;
  };

  /**
   * Paints the findings in the complete blocks of a partial index (its last block may go on in nodes
   * not read yet), up to one text slice's worth; false when that holds no complete block.
   */
  const paintTop = (partial: TextIndex): boolean => {
    const end = partial.text.lastIndexOf(BLOCK_SEPARATOR, TEXT_SLICE_CHARS);
    if (end < 0) return false;
    const top = { ...partial, text: partial.text.slice(0, end) };
    const { resolved, claims } = findIn(top);
    current = withRanges(top, resolved.findings, claims.slice(0, maxClaims));
    show();
    return true;
  };

  const scan = async (): Promise<PageFindings> => {
    const pass = ++generation;
    const mark = `backstory:scan-start:${pass}`;
    performance.mark(mark);
    const slicer = createSlicer(win);
    const builder = createTextIndexBuilder(root());
    let painted = false;
    /** The pass's first highlights are measured once, whichever paint brings them. */
    const measureFirstPaint = () => {
      if (!painted) performance.measure(FIRST_PAINT_MEASURE, mark);
      painted = true;
    };
    while (!builder.step(NODES_PER_STEP)) {
      // A page too long to read in one step shows what its first step holds before reading on, so the
      // first highlights do not wait behind the page's own tasks that run at each later yield (a first
      // step that used up its time slice yields once before painting).
      if (!painted && painter.kind === 'highlight-api') {
        await slicer.checkpoint();
        if (pass !== generation) return current;
        if (paintTop(builder.result())) measureFirstPaint();
      }
      await slicer.checkpoint();
      if (pass !== generation) return current;
    }
    const index = builder.result();
    index.shadowRoots.forEach((shadow) => shadowRoots.add(shadow));
    const candidates = newCandidates();
    const claims: ClaimFinding[] = [];
    // One pass over the text finds names, cues, topic words and claim terms alike; a slice's claims
    // are settled right after it (slices end at block boundaries, so no sentence is cut).
    const slices = textSlices(index.text, BLOCK_SEPARATOR);
    // A long page shows what its top holds while the rest is read. More text only confirms more names
    // (context and topic words add up), so nothing painted early is taken back. Wrapping would move the
    // text nodes the index points to: the fallback paints once, at the end.
    const paintsEarly = !painted && slices.length > 1 && painter.kind === 'highlight-api';
    for (const [from, to] of slices) {
      const firstTerm = candidates.terms.length;
      collectCandidates(matcher, index.text, candidates, from, to);
      await slicer.checkpoint();
      if (pass !== generation) return current;
      claims.push(...claimsFromHits(matcher.claims, index.text, candidates.terms.slice(firstTerm), from, to));
      if (paintsEarly && from === 0) {
        const early = resolveCandidates(matcher, index.text, candidates, limits);
        current = withRanges(index, early.findings, claims.slice(0, maxClaims));
        show();
        measureFirstPaint();
      }
      await slicer.checkpoint();
      if (pass !== generation) return current;
    }
    const resolved = resolveCandidates(matcher, index.text, candidates, limits);
    await slicer.checkpoint();
    if (pass !== generation) return current;
    // A long page has hundreds of findings: making their ranges and painting them are a task each.
    const next = withRanges(index, resolved.findings, claims.slice(0, maxClaims));
    await slicer.checkpoint();
    if (pass !== generation) return current;
    const shown = await visibleInSlices(next, slicer);
    await slicer.checkpoint();
    if (pass !== generation) return current;
    context = resolved.context;
    current = next;
    paint(shown);
    measureFirstPaint();
    performance.measure(SCAN_MEASURE, mark);
    performance.clearMarks(mark);
    return current;
  };

  /** Rescans only the subtrees that changed, with the rest of the page as context. */
  const rescan = (roots: Node[]) => {
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
    const mark = `backstory:scan-start:${++generation}`;
    performance.mark(mark);
    const isInside = (range: Range) =>
      !range.startContainer.isConnected || roots.some((r) => r.contains(range.startContainer));
    const next: PageFindings = {
      entities: current.entities.filter((f) => !isInside(f.range)),
      claims: current.claims.filter((f) => !isInside(f.range)),
    };
    for (const index of indexes) {
      index.shadowRoots.forEach((shadow) => shadowRoots.add(shadow));
      if (!index.text) continue;
      const { resolved, claims } = findIn(index, context);
      context = resolved.context;
      const found = withRanges(index, resolved.findings, claims);
      next.entities.push(...found.entities);
      next.claims.push(...found.claims);
    }
    next.entities = capPerEntity(sortByPosition(next.entities), limits.maxPerEntity).slice(0, limits.maxTotal);
    next.claims = sortByPosition(next.claims).slice(0, maxClaims);
    current = next;
    paint();
    performance.measure(SCAN_MEASURE, mark);
    performance.clearMarks(mark);
  };

  const flush = () => {
    timer = undefined;
    pendingSince = undefined;
    const roots = outermost([...pendingRoots]);
    const full = pendingFull || painter.kind === 'wrap' || roots.length > MAX_INCREMENTAL_ROOTS;
    pendingRoots = new Set();
    pendingFull = false;
    if (full) void scan();
    else if (roots.length) rescan(roots);
  };

  const isOwn = (node: Node) => ownHosts.has(node.nodeName);
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
    if (painter.repair(records)) {
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

  const reveal = (kind: FindingKind, id: string, occurrence: number, pack?: string): boolean => {
    const shown = visible();
    const is = (item: { id: string; pack?: string }) => item.id === id && item.pack === pack;
    const matches: { range: Range }[] =
      kind === 'entity'
        ? shown.entities.filter((finding) => is(matcher.data.entities[finding.entity]!))
        : shown.claims.filter((finding) => is(matcher.data.claims.claims[finding.claim]!));
    const finding = matches[((occurrence % matches.length) + matches.length) % matches.length];
    if (!finding) return false;
    const reduceMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    finding.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
    flash(win, painter, finding.range);
    return true;
  };

  const hitTest = (node: Node, offset: number): Hit | undefined =>
    byNode.get(node)?.find((hit) => hit.finding.range.comparePoint(node, offset) === 0 && offset < endIn(hit, node));

  return {
    painter,
    scan,
    findings: visible,
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
      const shown = visible();
      return { text: index.text, entities: shown.entities.flatMap(locate), claims: shown.claims.flatMap(locate) };
    },
    setShown(next) {
      isShown = next;
      // Wrapping moved the text under findings that were not painted: read the page again.
      if (painter.kind === 'wrap') void scan();
      else paint();
    },
    hitTest,
    reveal,
    stop() {
      stopped = true;
      generation++;
      clearTimeout(timer);
      observer.disconnect();
      painter.clear();
      current = { entities: [], claims: [] };
      byNode = new Map();
    },
  };
}

/** Where a hit's range ends inside `node` (a range's end point is not part of it). */
function endIn(hit: Hit, node: Node): number {
  const { endContainer, endOffset } = hit.finding.range;
  return endContainer === node ? endOffset : Number.MAX_SAFE_INTEGER;
}

function indexHits(findings: PageFindings): Map<Node, Hit[]> {
  const map = new Map<Node, Hit[]>();
  const add = (hit: Hit) => {
    const range = hit.finding.range;
    const walker = range.startContainer.ownerDocument!.createTreeWalker(range.commonAncestorContainer, 4);
    walker.currentNode = range.startContainer;
    for (let node: Node | null = range.startContainer; node; node = walker.nextNode()) {
      const list = map.get(node) ?? [];
      list.push(hit);
      map.set(node, list);
      if (node === range.endContainer) break;
    }
  };
  findings.entities.forEach((finding) => add({ kind: 'entity', finding }));
  findings.claims.forEach((finding) => add({ kind: 'claim', finding }));
  return map;
}

function sortByPosition<T extends { range: Range }>(findings: T[]): T[] {
  return findings.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
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

/** Drops roots inside other roots. */
function outermost(roots: Node[]): Node[] {
  return roots.filter((node) => !roots.some((other) => other !== node && other.contains(node)));
}

function flash(win: Window, painter: Painter, range: Range): void {
  if (painter.kind === 'highlight-api') {
    const flashPainter = createPainter(win);
    flashPainter.paint([{ name: 'flash', ranges: [range.cloneRange()] }]);
    win.setTimeout(() => flashPainter.clear(), 1600);
    return;
  }
  // Wrapped marks already exist: flag them rather than wrapping again (attributes are not observed).
  const marks = [...win.document.querySelectorAll(MARK_TAG)].filter((mark) => range.intersectsNode(mark));
  for (const mark of marks) mark.setAttribute('data-flash', '');
  win.setTimeout(() => marks.forEach((mark) => mark.removeAttribute('data-flash')), 1600);
}
