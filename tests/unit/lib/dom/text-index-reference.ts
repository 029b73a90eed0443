/**
 * The text index as lib/dom/text-index.ts built it before its story lookups were remembered per node
 * (issue 16), kept unchanged as the oracle of text-index-equivalence.test.ts: the faster walk must give
 * exactly this output (text, nodes, offsets, shadow roots) on any tree.
 */
import type { TextIndexBuilder } from '../../../../lib/dom/text-index';
import { STORY_SEPARATOR } from '../../../../lib/matcher/story';
import { BLOCK_SEPARATOR } from '../../../../lib/text/fold';

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
 * (a box beside it), and outside any article a section or a list item (a homepage's cards).
 */
const STORY_OUTER = 'article, aside';
const STORY_INNER = 'section, li';
const STORY_ANY = `${STORY_OUTER}, ${STORY_INNER}`;
/** Outside an article, a heading begins a new story (a live blog's entries, a roundup's items). */
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The element whose content is the story `parent` belongs to; null for the page itself. */
function storyOf(parent: Node): Element | null {
  return closestComposed(parent, STORY_OUTER) ?? closestComposed(parent, STORY_INNER);
}

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

// NodeFilter's values: Node (the CLI) has no NodeFilter global.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

function isSkippedElement(element: Element): boolean {
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
export function createReferenceTextIndexBuilder(root: Node): TextIndexBuilder {
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
  /**
   * The story of the blocks under each parent: a block that is no story element itself has its parent's,
   * and sibling blocks (a story's paragraphs) share one answer, so a deep page is not climbed per block.
   */
  const storyByParent = new Map<Node, Element | null>();
  const storyOfBlock = (block: Node): Element | null => {
    const parent = block.parentNode;
    if (!parent || block.nodeType !== 1 || (block as Element).matches(STORY_ANY)) return storyOf(block);
    let story = storyByParent.get(parent);
    if (story === undefined) storyByParent.set(parent, (story = storyOf(parent)));
    return story;
  };

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
            while (block !== top && block.nodeType === 1 && INLINE.has(block.nodeName)) block = block.parentNode!;
            if (block !== lastBlock) {
              pendingBreak = length > 0;
              // Only inline elements lie between a text's parent and its block, and no story element
              // is inline: texts of one block share its story, looked up once per block.
              const story = storyOfBlock(block);
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
      if (SKIPPED.has(name) || (byAttribute ? byAttribute.has(element) : isSkippedElement(element))) {
        pendingBreak = length > 0;
        node = skipSubtree(walker, element);
        continue;
      }
      if (!INLINE.has(name)) pendingBreak = length > 0;
      if (HEADINGS.has(name) && !closestComposed(element, 'article')) pendingStory = length > 0;
      const shadow = element.shadowRoot;
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
