/**
 * The page's readable text as one string, with a map back to its text nodes. Names split across
 * inline elements ("Nicolás <b>Maduro</b>") stay joined; block boundaries become a separator that
 * no name can cross, and story boundaries (lib/matcher/story.ts) a double one that no context crosses.
 */
import { STORY_SEPARATOR } from '../matcher/story';
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

/**
 * Where a story lives: an article (a story of its own, however it is divided inside) or an aside
 * (a box beside it), and outside any article a section or a list item (a homepage's cards). Names as
 * nodeName gives them: upper case for HTML elements, as written for others (as the selectors
 * `article, aside` and `section, li` match them).
 */
const STORY_OUTER = new Set(['ARTICLE', 'ASIDE', 'article', 'aside']);
const STORY_INNER = new Set(['SECTION', 'LI', 'section', 'li']);
/** Outside an article, a heading begins a new story (a live blog's entries, a roundup's items). */
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Common elements that cannot host a shadow root (only custom elements and article, aside, blockquote,
 * body, div, footer, h1–h6, header, main, nav, p, section and span can): their shadowRoot is not read.
 */
const NEVER_HOSTS = [
  ...['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'LABEL', 'MARK'],
  ...['Q', 'S', 'SMALL', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'WBR', 'BR', 'HR', 'IMG', 'PICTURE', 'SOURCE'],
  ...['LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'FIGURE'],
  ...['FIGCAPTION', 'FORM', 'PRE', 'ADDRESS', 'DETAILS', 'SUMMARY', 'META', 'LINK'],
];

// What the walk needs to know of an element, from its name alone: one lookup per element.
const SKIP = 1;
const INLINE_KIND = 2;
const HEADING = 4;
const MAY_HOST = 8;
const KIND = new Map<string, number>();
for (const name of SKIPPED) KIND.set(name, SKIP | MAY_HOST);
for (const name of INLINE) KIND.set(name, INLINE_KIND | MAY_HOST);
for (const name of HEADINGS) KIND.set(name, HEADING | MAY_HOST);
for (const name of NEVER_HOSTS) KIND.set(name, (KIND.get(name) ?? MAY_HOST) & ~MAY_HOST);
/** Any other name (a div, a custom element, a name in another case) may host a shadow root. */
const kindOf = (name: string): number => KIND.get(name) ?? MAY_HOST;

/** Element.closest that goes on from a shadow root to its host, as the reader sees the page. */
function closestComposed(node: Node, selector: string): Element | null {
  for (let at: Node | null = node; at;) {
    const element = at as Partial<Element>;
    const found = typeof element.closest === 'function' ? element.closest(selector) : null;
    if (found) return found;
    const root = at.getRootNode?.() as Partial<ShadowRoot> | undefined;
    at = root?.host ?? null;
  }
  return null;
}

/**
 * The story each node's content belongs to (null: the page itself), remembered per node so that the
 * walk climbs each ancestor once in all: the nearest article or aside, going on from a shadow root to
 * its host, and where there is none the nearest section or list item. A node's answer follows from its
 * parent's: below an article or aside, only another one begins a new story.
 */
function storyFinder(): (node: Node) => Element | null {
  const storyOf = new Map<Node, Element | null>();
  const outer = new Set<Element>();
  const uncached: Node[] = [];
  return (node) => {
    let at: Node | null = node;
    let story: Element | null | undefined;
    // Climb to the nearest node whose story is known (or past the top), then come back down.
    while (at && (story = storyOf.get(at)) === undefined) {
      uncached.push(at);
      const type: number = at.nodeType;
      // A shadow root's content continues its host's story; a document or a detached fragment has none.
      at = type === 11 ? ((at as Partial<ShadowRoot>).host ?? null) : type === 9 ? null : at.parentNode;
    }
    story ??= null;
    for (let i = uncached.length - 1; i >= 0; i--) {
      const here = uncached[i]!;
      if (here.nodeType === 1) {
        const name = here.nodeName;
        if (STORY_OUTER.has(name)) outer.add((story = here as Element));
        else if (STORY_INNER.has(name) && (story === null || !outer.has(story))) story = here as Element;
      }
      storyOf.set(here, story);
    }
    uncached.length = 0;
    return story;
  };
}

// NodeFilter's values: Node (the CLI) has no NodeFilter global.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

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
 * The elements under `root` that isSkippedElement skips for an attribute, found by one native query,
 * so that the walk reads no attribute itself: on a cold page each attribute read from script costs
 * far more than the query. Undefined where `root` cannot be queried.
 */
function skippedByAttribute(root: Node): ReadonlySet<Element> | undefined {
  const query = (root as Partial<ParentNode>).querySelectorAll;
  return query ? new Set<Element>(query.call(root, SKIPPED_BY_ATTRIBUTE)) : undefined;
}

export interface TextIndexBuilder {
  /** Visits up to `budget` nodes; true once the whole tree has been read. */
  step(budget: number): boolean;
  /** Length of the text read so far (result().text.length, without joining it). */
  textLength(): number;
  result(): TextIndex;
}

/**
 * Walks `root` (and open shadow roots inside it) collecting text nodes worth scanning, a few
 * thousand nodes at a time so that a long page can be read across several short tasks.
 *
 * A native TreeWalker does the walking, in one tight loop: a content script pays for each DOM call
 * and for a wrapper of each node it touches in its own world, and walking with firstChild,
 * nextSibling and parentNode from script cost about 2.5× the bare text walk on real news pages.
 * Block boundaries come from comparing each text's block container (nearest non-inline ancestor)
 * with the previous text's, plus every non-inline element met on the way: between two texts a
 * boundary is crossed exactly when one of the two happens.
 */
export function createTextIndexBuilder(root: Node): TextIndexBuilder {
  const doc = root.ownerDocument ?? (root as Document);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let length = 0;
  let pendingBreak = false;
  let pendingStory = false;
  let lastParent: Node | null = null;
  let lastBlock: Node | null = null;
  let lastStory: Element | null = null;
  // The element visited last and its name: most texts are its children, so the block climb starts
  // without reading their parent's name.
  let lastElement: Node | null = null;
  let lastElementName = '';
  const storyOf = storyFinder();

  const walkerOver = (top: Node) => doc.createTreeWalker(top, SHOW_ELEMENT | SHOW_TEXT);
  /** The next node after `element` (the walker's current node), leaving out its subtree. */
  const skipSubtree = (walker: TreeWalker, element: Element): Node | null => {
    // linkedom's TreeWalker (the CLI's documents) has nextNode() alone.
    if (typeof walker.nextSibling !== 'function') {
      let next = walker.nextNode();
      while (next && element.contains(next)) next = walker.nextNode();
      return next;
    }
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  };

  /** Reads up to `budget` nodes from `node` on; returns the node to go on with (null at the end). */
  const read = (
    node: Node | null,
    walker: TreeWalker,
    top: Node,
    byAttribute: ReadonlySet<Element> | undefined,
    budget: number,
  ): Node | null => {
    while (node && budget-- > 0) {
      if (node.nodeType === 3) {
        const text = node as Text;
        const data = text.data;
        if (data) {
          const parent = text.parentNode!;
          if (parent !== lastParent) {
            let block: Node = parent;
            // Between a text and its top lie only elements (nothing but an element has an inline name).
            let name = parent === lastElement ? lastElementName : parent.nodeName;
            while (block !== top && INLINE.has(name)) {
              block = block.parentNode!;
              name = block.nodeName;
            }
            if (block !== lastBlock) {
              pendingBreak = length > 0;
              // Only inline elements lie between a text's parent and its block, and no story element
              // is inline: texts of one block share its story. A block that is no story element has
              // its parent's, remembered for its siblings (a story's paragraphs).
              const ownStory = block === top || STORY_OUTER.has(name) || STORY_INNER.has(name);
              const story = storyOf(ownStory ? block : block.parentNode!);
              if (story !== lastStory) pendingStory = length > 0;
              lastStory = story;
            }
            lastParent = parent;
            lastBlock = block;
          }
          if (pendingStory) {
            parts.push(STORY_SEPARATOR);
            length += STORY_SEPARATOR.length;
          } else if (pendingBreak) {
            parts.push(BLOCK_SEPARATOR);
            length += 1;
          }
          pendingBreak = pendingStory = false;
          nodes.push(text);
          starts.push(length);
          parts.push(data);
          length += data.length;
        }
        node = walker.nextNode();
        continue;
      }
      const element = node as Element;
      const name = element.nodeName;
      const kind = kindOf(name);
      if (kind & SKIP || (byAttribute ? byAttribute.has(element) : isSkippedElement(element))) {
        pendingBreak = length > 0;
        node = skipSubtree(walker, element);
        continue;
      }
      lastElement = element;
      lastElementName = name;
      if (!(kind & INLINE_KIND)) pendingBreak = length > 0;
      if (kind & HEADING && !closestComposed(element, 'article')) pendingStory = length > 0;
      const shadow = kind & MAY_HOST ? element.shadowRoot : null;
      if (shadow) {
        // Open shadow roots are rare: read them at once, in place of the host's position.
        shadowRoots.push(shadow);
        const inner = walkerOver(shadow);
        read(inner.nextNode(), inner, shadow, skippedByAttribute(shadow), Infinity);
        pendingBreak = length > 0;
        lastParent = lastBlock = null;
      }
      node = walker.nextNode();
    }
    return node;
  };

  const walker = walkerOver(root);
  const byAttribute = skippedByAttribute(root);
  let next: Node | null = walker.nextNode();
  return {
    step(budget) {
      next = read(next, walker, root, byAttribute, budget);
      return next === null;
    },
    textLength: () => length,
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
