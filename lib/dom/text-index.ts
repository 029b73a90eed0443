/**
 * The page's readable text as one string, with a map back to its text nodes. Names split across
 * inline elements ("Nicolás <b>Maduro</b>") stay joined; block boundaries become a separator that
 * no name can cross.
 */
import { BLOCK_SEPARATOR } from '../text/fold';

/** Elements whose content is never scanned: code, form fields, media, our own UI. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'KBD',
  'SAMP',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MATH',
  'HEAD',
  'TITLE',
  // Site menus repeat section names ("Europe", "Americas") that are not part of the story.
  'NAV',
  'BACKSTORY-UI',
]);

const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'WBR',
  'BACKSTORY-MARK',
]);

export interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data starts. */
  starts: number[];
}

export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag) || tag === 'SVG' || element.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Walks `root` (and open shadow roots inside it) collecting text nodes worth scanning. */
export function buildTextIndex(root: Node): TextIndex {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;

  const pushBreak = () => {
    pendingBreak = length > 0;
  };
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (!data) continue;
        if (pendingBreak) {
          parts.push(BLOCK_SEPARATOR);
          length += 1;
          pendingBreak = false;
        }
        nodes.push(child as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (isSkippedElement(element)) {
          pushBreak();
          continue;
        }
        const inline = INLINE.has(element.tagName.toUpperCase());
        if (!inline) pushBreak();
        if (element.shadowRoot) visit(element.shadowRoot);
        visit(element);
        if (!inline) pushBreak();
      }
    }
  };
  visit(root);
  return { text: parts.join(''), nodes, starts };
}

/** Index of the node whose data contains `offset` (ends count as inside when `atEnd`). */
export function nodeAt(index: TextIndex, offset: number, atEnd = false): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const start = index.starts[mid]!;
    if (start < offset || (!atEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM Range over text offsets [start, end) of the index. */
export function rangeFor(index: TextIndex, start: number, end: number, doc: Document): Range {
  const first = nodeAt(index, start);
  const last = nodeAt(index, end, true);
  const range = doc.createRange();
  range.setStart(index.nodes[first]!, start - index.starts[first]!);
  range.setEnd(index.nodes[last]!, end - index.starts[last]!);
  return range;
}
