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
  // Browsers keep SVG and MathML names in lower case in HTML documents.
  'svg',
  'math',
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
  /** Open shadow roots read on the way, so that their changes can be observed too. */
  shadowRoots: ShadowRoot[];
}

export function isSkippedElement(element: Element): boolean {
  const tag = element.nodeName;
  if (SKIPPED.has(tag) || element.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The elements isSkippedElement skips for an attribute, as one selector. */
const SKIPPED_BY_ATTRIBUTE = '[hidden], [contenteditable]:not([contenteditable="false" i])';

/**
 * isSkippedElement for a whole tree at once: one native query finds the elements skipped for an
 * attribute, so the walk reads no attribute itself. On a cold page each attribute read from script
 * costs far more than the query (which the benchmark's text-index phase shows).
 */
function skipTest(root: Node): (element: Element) => boolean {
  const query = (root as Partial<ParentNode>).querySelectorAll;
  if (!query) return isSkippedElement;
  const byAttribute = new Set<Element>(query.call(root, SKIPPED_BY_ATTRIBUTE));
  return (element) => SKIPPED.has(element.nodeName) || byAttribute.has(element);
}

export interface TextIndexBuilder {
  /** Visits up to `budget` nodes; true once the whole tree has been read. */
  step(budget: number): boolean;
  result(): TextIndex;
}

/**
 * Walks `root` (and open shadow roots inside it) collecting text nodes worth scanning, a few
 * thousand nodes at a time so that a long page can be read across several short tasks.
 */
export function createTextIndexBuilder(root: Node): TextIndexBuilder {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;
  let node: Node | null = root.firstChild;
  const shadowRoots: ShadowRoot[] = [];

  const pushBreak = () => {
    pendingBreak = length > 0;
  };
  const addText = (text: Text) => {
    const data = text.data;
    if (!data) return;
    if (pendingBreak) {
      parts.push(BLOCK_SEPARATOR);
      length += 1;
      pendingBreak = false;
    }
    nodes.push(text);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };
  /** Reads one node and returns the next one to read in document order below `top`. */
  const advance = (current: Node, top: Node, isSkipped: (element: Element) => boolean): Node | null => {
    let next: Node | null = null;
    if (current.nodeType === 3) {
      addText(current as Text);
    } else if (current.nodeType === 1) {
      const element = current as Element;
      if (isSkipped(element)) {
        pushBreak();
      } else {
        const inline = INLINE.has(element.nodeName);
        if (!inline) pushBreak();
        if (element.shadowRoot) {
          const shadow = element.shadowRoot;
          shadowRoots.push(shadow);
          const isSkippedInShadow = skipTest(shadow);
          // Open shadow roots are rare: read them at once, in place of the host's position.
          for (let inner: Node | null = shadow.firstChild; inner;) inner = advance(inner, shadow, isSkippedInShadow);
          pushBreak();
        }
        next = element.firstChild;
        if (!next && !inline) pushBreak();
      }
    }
    if (next) return next;
    let up: Node = current;
    while (up !== top && !up.nextSibling) {
      up = up.parentNode!;
      if (up !== top && up.nodeType === 1 && !INLINE.has(up.nodeName)) pushBreak();
    }
    return up === top ? null : up.nextSibling;
  };

  const isSkippedInRoot = skipTest(root);
  return {
    step(budget) {
      while (node && budget-- > 0) node = advance(node, root, isSkippedInRoot);
      return node === null;
    },
    result: () => ({ text: parts.join(''), nodes, starts, shadowRoots }),
  };
}

/** The whole index in one go (tests, the CLI and small subtrees). */
export function buildTextIndex(root: Node): TextIndex {
  const builder = createTextIndexBuilder(root);
  builder.step(Infinity);
  return builder.result();
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
