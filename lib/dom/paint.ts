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
  clear(): void;
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

type Undo = () => void;

function createWrapPainter(doc: Document): Painter {
  const undo: Undo[] = [];

  const wrapPiece = (node: Text, start: number, end: number, group: string) => {
    let target = node;
    if (start > 0) {
      const tail = target.splitText(start);
      const head = target;
      undo.push(() => {
        head.data += tail.data;
        tail.remove();
      });
      target = tail;
    }
    if (end - start < target.data.length) {
      const rest = target.splitText(end - start);
      const head = target;
      undo.push(() => {
        head.data += rest.data;
        rest.remove();
      });
    }
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('data-group', group);
    target.replaceWith(mark);
    mark.append(target);
    undo.push(() => mark.replaceWith(target));
  };

  return {
    kind: 'wrap',
    paint(groups) {
      // Overlapping groups (an entity inside a claim's sentence) become flat segments, each wrapped
      // once with every group it belongs to, so marks never nest or split each other.
      const byNode = new Map<Text, { start: number; end: number; group: string }[]>();
      for (const group of groups) {
        for (const range of group.ranges) {
          for (const piece of textPieces(range)) {
            const list = byNode.get(piece.node) ?? [];
            list.push({ start: piece.start, end: piece.end, group: group.name });
            byNode.set(piece.node, list);
          }
        }
      }
      for (const [node, pieces] of byNode) {
        const cuts = [...new Set(pieces.flatMap((p) => [p.start, p.end]))].sort((a, b) => b - a);
        for (let i = 1; i < cuts.length; i++) {
          const start = cuts[i]!;
          const end = cuts[i - 1]!;
          const names = pieces.filter((p) => p.start <= start && p.end >= end).map((p) => p.group);
          if (names.length) wrapPiece(node, start, end, [...new Set(names)].join(' '));
        }
      }
    },
    clear() {
      while (undo.length) undo.pop()!();
    },
  };
}

/** The text-node pieces a range covers, skipping empty ones. */
function textPieces(range: Range): { node: Text; start: number; end: number }[] {
  const pieces: { node: Text; start: number; end: number }[] = [];
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    if (endOffset > startOffset) pieces.push({ node: startContainer as Text, start: startOffset, end: endOffset });
    return pieces;
  }
  const doc = startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4);
  walker.currentNode = startContainer;
  for (let node: Node | null = startContainer; node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const text = node as Text;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : text.data.length;
    if (end > start) pieces.push({ node: text, start, end });
    if (node === endContainer) break;
  }
  return pieces;
}
