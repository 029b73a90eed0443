/**
 * Paints ranges on the page. The default uses the CSS Custom Highlight API, which leaves the DOM
 * untouched; the fallback wraps text in <backstory-mark> and can undo every change exactly.
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
  paint(groups: PaintGroup[]): void;
  /**
   * Removes what was painted. Wrapping splits and moves text nodes, which would leave ranges over the
   * wrapped text collapsed: the `keep` ranges are carried over to the restored text nodes.
   */
  clear(keep?: readonly Range[]): void;
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
  };
}

/** Called when undoing a split joins `from` back into `to`, `shift` characters in. */
type Joined = (from: Text, to: Text, shift: number) => void;
type Undo = (joined: Joined) => void;

function createWrapPainter(doc: Document): Painter {
  const undo: Undo[] = [];

  /** Splits off a piece of `head`; undoing joins it back unless the page has rewritten `head` since. */
  const split = (head: Text, offset: number): Text => {
    const piece = head.splitText(offset);
    const headData = head.data;
    undo.push((joined) => {
      const shift = head.data.length;
      if (head.data === headData) head.data += piece.data;
      piece.remove();
      joined(piece, head, shift);
    });
    return piece;
  };

  /** Wraps [start, end) of `node` and returns the text node that now holds it. */
  const wrapPiece = (node: Text, start: number, end: number, group: string): Text => {
    const target = start > 0 ? split(node, start) : node;
    if (end - start < target.data.length) split(target, end - start);
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('data-group', group);
    target.replaceWith(mark);
    mark.append(target);
    undo.push(() => mark.replaceWith(target));
    return target;
  };

  return {
    kind: 'wrap',
    paint(groups) {
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
      // Where each wrapped segment of a text node went: by its start and by its end offset.
      const segments = new Map<Text, { starts: Map<number, Text>; ends: Map<number, Text> }>();
      for (const [node, pieces] of byNode) {
        const cuts = [...new Set(pieces.flatMap((p) => [p.start, p.end]))].sort((a, b) => b - a);
        const moved = { starts: new Map<number, Text>(), ends: new Map<number, Text>() };
        segments.set(node, moved);
        for (let i = 1; i < cuts.length; i++) {
          const start = cuts[i]!;
          const end = cuts[i - 1]!;
          const names = pieces.filter((p) => p.start <= start && p.end >= end).map((p) => p.group);
          if (!names.length) continue;
          const target = wrapPiece(node, start, end, [...new Set(names)].join(' '));
          moved.starts.set(start, target);
          moved.ends.set(end, target);
        }
      }
      // Moving text into marks collapsed the ranges: point them at the wrapped text again, so that
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
    },
    clear(keep = []) {
      const points = keep.map((range) => ({
        range,
        start: { node: range.startContainer, offset: range.startOffset },
        end: { node: range.endContainer, offset: range.endOffset },
      }));
      const joined: Joined = (from, to, shift) => {
        for (const point of points.flatMap((p) => [p.start, p.end])) {
          if (point.node !== from) continue;
          point.node = to;
          point.offset = Math.min(point.offset + shift, to.data.length);
        }
      };
      while (undo.length) undo.pop()!(joined);
      for (const { range, start, end } of points) {
        range.setStart(start.node, Math.min(start.offset, nodeLength(start.node)));
        range.setEnd(end.node, Math.min(end.offset, nodeLength(end.node)));
      }
    },
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
