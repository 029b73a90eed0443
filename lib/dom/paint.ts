/**
 * Paints ranges on the page. The default uses the CSS Custom Highlight API, which leaves the DOM
 * untouched; the fallback wraps text in <backstory-mark>, never moving the page's own text nodes, and
 * can undo every change exactly.
 */

export const HIGHLIGHT_PREFIX = 'backstory';
export const MARK_TAG = 'backstory-mark';

export interface PaintGroup {
  /** Category, e.g. "entity" or "claim"; the highlight is registered as `backstory-<name>`. */
  name: string;
  ranges: Range[];
}

export interface Painter {
  readonly kind: 'highlight-api' | 'wrap';
  /**
   * Paints the groups. Wrapping splits text nodes: the `keep` ranges (findings left unpainted) are
   * carried over to the pieces, as the painted ones are.
   */
  paint(groups: PaintGroup[], keep?: readonly Range[]): void;
  /**
   * Removes what was painted. Wrapping splits text nodes, which would leave ranges over the wrapped
   * text collapsed: the `keep` ranges are carried over to the restored text nodes.
   */
  clear(keep?: readonly Range[]): void;
  /**
   * Undoes the wrapping of every page text node these records show the page writing to, moving or
   * removing (a framework holds references to its text nodes); returns whether anything was undone.
   */
  repair(records: readonly MutationRecord[]): boolean;
}

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  get(name: string): unknown;
  delete(name: string): boolean;
}

interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: new (...ranges: Range[]) => { priority: number };
}

export function supportsHighlightApi(win: Window): boolean {
  const w = win as unknown as HighlightWindow;
  return !!w.CSS?.highlights && typeof w.Highlight === 'function';
}

export function createPainter(win: Window, forceWrap = false): Painter {
  return supportsHighlightApi(win) && !forceWrap ? createHighlightPainter(win) : createWrapPainter(win.document);
}

function createHighlightPainter(win: Window): Painter {
  const w = win as unknown as Required<HighlightWindow> & { CSS: { highlights: HighlightRegistry } };
  const registered = new Map<string, unknown>();
  return {
    kind: 'highlight-api',
    paint(groups) {
      groups.forEach((group, order) => {
        const name = `${HIGHLIGHT_PREFIX}-${group.name}`;
        const highlight = new w.Highlight(...group.ranges);
        // Later groups paint over earlier ones (an entity inside a claim's sentence).
        highlight.priority = order;
        registered.set(name, highlight);
        w.CSS.highlights.set(name, highlight);
      });
    },
    clear() {
      for (const [name, highlight] of registered) {
        // The registry is shared with the page: only remove what is still ours.
        if (w.CSS.highlights.get(name) === highlight) w.CSS.highlights.delete(name);
      }
      registered.clear();
    },
    // Highlights never touch the DOM.
    repair: () => false,
  };
}

/** Called when undoing a split joins `from` back into `to`, `shift` characters in. */
type Joined = (from: Text, to: Text, shift: number) => void;

/**
 * One page text node we wrapped. The page's node never moves (frameworks keep references to theirs): it
 * keeps the text before the first mark, possibly none, and everything after it in `nodes` is ours.
 */
interface Wrapped {
  original: Text;
  /** The original's data right after the split: anything else means the page rewrote it. */
  data: string;
  /** Our marks and unmarked text nodes after the original, in order. */
  nodes: ChildNode[];
  /** Our text nodes holding the rest of the original's text, in order. */
  pieces: Text[];
}

function createWrapPainter(doc: Document): Painter {
  const wrapped = new Set<Wrapped>();
  /** The group each original, mark and piece belongs to. */
  const owner = new Map<Node, Wrapped>();

  /**
   * Splits `original` at `cuts` (descending) and wraps each piece that `names` gives group names.
   * Returns the marked pieces by their start and end offsets, and every piece with its start (descending).
   */
  const wrap = (original: Text, cuts: number[], names: (start: number, end: number) => string[]) => {
    const group: Wrapped = { original, data: '', nodes: [], pieces: [] };
    const starts = new Map<number, Text>();
    const ends = new Map<number, Text>();
    const all: { start: number; node: Text }[] = [];
    let end = original.data.length;
    for (const start of cuts) {
      if (start >= end) continue;
      const piece = original.splitText(start);
      all.push({ start, node: piece });
      const groups = names(start, end);
      let node: ChildNode = piece;
      if (groups.length) {
        const mark = doc.createElement(MARK_TAG);
        mark.setAttribute('data-group', groups.join(' '));
        piece.replaceWith(mark);
        mark.append(piece);
        node = mark;
        starts.set(start, piece);
        ends.set(end, piece);
      }
      group.nodes.unshift(node);
      group.pieces.unshift(piece);
      owner.set(node, group).set(piece, group);
      end = start;
    }
    group.data = original.data;
    owner.set(original, group);
    wrapped.add(group);
    all.push({ start: 0, node: original });
    return { starts, ends, all };
  };

  /** Whether the page left a group as we made it: the original's text, followed by our nodes. */
  const intact = ({ original, data, nodes }: Wrapped) =>
    original.data === data && nodes.every((node, i) => (nodes[i - 1] ?? original).nextSibling === node);

  /** Joins the pieces back unless the page rewrote the original since (then its new text stands). */
  const restore = (group: Wrapped, joined?: Joined) => {
    const { original, pieces } = group;
    let shift = original.data.length;
    // Also when the page detached the original: a framework putting it back shows the whole text.
    if (original.data === group.data) original.data += pieces.map((piece) => piece.data).join('');
    for (const piece of pieces) {
      joined?.(piece, original, shift);
      shift += piece.data.length;
    }
    // Pieces too: the page may have moved one out of its mark.
    for (const node of [...group.nodes, ...pieces]) {
      node.remove();
      owner.delete(node);
    }
    owner.delete(original);
    wrapped.delete(group);
  };

  return {
    kind: 'wrap',
    paint(groups, keep = []) {
      // Overlapping groups (an entity inside a claim's sentence) become flat segments, each wrapped
      // once with every group it belongs to, so marks never nest or split each other.
      const byNode = new Map<Text, { start: number; end: number; group: string }[]>();
      const rangePieces = new Map<Range, ReturnType<typeof textPieces>>();
      for (const group of groups) {
        for (const range of group.ranges) {
          const pieces = textPieces(range);
          rangePieces.set(range, pieces);
          for (const piece of pieces) {
            const list = byNode.get(piece.node) ?? [];
            list.push({ start: piece.start, end: piece.end, group: group.name });
            byNode.set(piece.node, list);
          }
        }
      }
      const kept = keep.filter((range) => !rangePieces.has(range)).map(boundaries);
      // Where each wrapped segment of a text node went: by its start and by its end offset.
      const segments = new Map<Text, ReturnType<typeof wrap>>();
      for (const [node, pieces] of byNode) {
        const cuts = [...new Set(pieces.flatMap((p) => [p.start, p.end]))].sort((a, b) => b - a);
        const names = (start: number, end: number) => [
          ...new Set(pieces.filter((p) => p.start <= start && p.end >= end).map((p) => p.group)),
        ];
        segments.set(node, wrap(node, cuts, names));
      }
      // Splitting moved the text under the ranges: point them at the wrapped text again, so that
      // hit-testing, flashing and stepping keep working.
      for (const [range, pieces] of rangePieces) {
        const first = pieces[0];
        const last = pieces.at(-1);
        const start = first && segments.get(first.node)?.starts.get(first.start);
        const end = last && segments.get(last.node)?.ends.get(last.end);
        if (start && end) {
          range.setStart(start, 0);
          range.setEnd(end, end.data.length);
        }
      }
      // An unpainted range's ends land in whichever piece now holds their character.
      const relocate = ({ node, offset }: Point, isEnd: boolean): Point => {
        const pieces = segments.get(node as Text)?.all;
        const piece = pieces?.find((p) => (isEnd ? p.start < offset || p.start === 0 : p.start <= offset));
        return piece ? { node: piece.node, offset: offset - piece.start } : { node, offset };
      };
      for (const { range, start, end } of kept) {
        const from = relocate(start, false);
        const to = relocate(end, true);
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
      }
    },
    clear(keep = []) {
      const points = keep.map(boundaries);
      const joined: Joined = (from, to, shift) => {
        for (const point of points.flatMap((p) => [p.start, p.end])) {
          if (point.node !== from) continue;
          point.node = to;
          point.offset = Math.min(point.offset + shift, to.data.length);
        }
      };
      for (const group of [...wrapped].reverse()) restore(group, joined);
      for (const { range, start, end } of points) {
        range.setStart(start.node, Math.min(start.offset, nodeLength(start.node)));
        range.setEnd(end.node, Math.min(end.offset, nodeLength(end.node)));
      }
    },
    repair(records) {
      const touched = new Set<Wrapped>();
      const add = (node: Node) => {
        const group = owner.get(node);
        if (group) touched.add(group);
      };
      for (const record of records) {
        if (record.type === 'characterData') add(record.target);
        if (record.type !== 'childList') continue;
        record.removedNodes.forEach(add);
        // An added node breaks a group by landing inside it, by being a moved original, or by bringing
        // back a group the page changed while it was detached (changes there are not observed).
        record.addedNodes.forEach((node) => {
          const marks = node.nodeType === 1 ? (node as Element).querySelectorAll(MARK_TAG) : [];
          for (const near of [node, node.nextSibling, ...marks]) {
            const group = near && owner.get(near);
            if (group && !intact(group)) touched.add(group);
          }
        });
      }
      touched.forEach((group) => restore(group));
      return touched.size > 0;
    },
  };
}

interface Point {
  node: Node;
  offset: number;
}

function boundaries(range: Range): { range: Range; start: Point; end: Point } {
  return {
    range,
    start: { node: range.startContainer, offset: range.startOffset },
    end: { node: range.endContainer, offset: range.endOffset },
  };
}

function nodeLength(node: Node): number {
  return node.nodeType === 3 ? (node as Text).data.length : node.childNodes.length;
}

/** The text-node pieces a range covers, skipping empty ones. */
function textPieces(range: Range): { node: Text; start: number; end: number }[] {
  const pieces: { node: Text; start: number; end: number }[] = [];
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (range.collapsed) return pieces;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    if (endOffset > startOffset) pieces.push({ node: startContainer as Text, start: startOffset, end: endOffset });
    return pieces;
  }
  const doc = startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4);
  walker.currentNode = startContainer;
  for (let node: Node | null = startContainer; node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    if (range.comparePoint(node, 0) > 0) break;
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : text.data.length;
    if (end > start) pieces.push({ node: text, start, end });
    if (node === endContainer) break;
  }
  return pieces;
}
