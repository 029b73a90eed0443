// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_PREFIX, MARK_TAG, createPainter, supportsHighlightApi } from '../../../../lib/dom/paint';
import { buildTextIndex, rangeFor } from '../../../../lib/dom/text-index';

/** All text nodes under body, in document order. */
function textNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** A range over `text` inside the body's indexed text (the nth occurrence). */
function rangeOf(text: string, occurrence = 0): Range {
  const index = buildTextIndex(document.body);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = index.text.indexOf(text, at + 1);
  expect(at, `"${text}" #${occurrence} in the page`).toBeGreaterThanOrEqual(0);
  return rangeFor(index, at, at + text.length, document);
}

function marks(): { text: string; group: string | null }[] {
  return [...document.querySelectorAll(MARK_TAG)].map((m) => ({
    text: m.textContent ?? '',
    group: m.getAttribute('data-group'),
  }));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('createPainter', () => {
  it('falls back to wrapping where the CSS Highlight API is missing (happy-dom)', () => {
    expect(supportsHighlightApi(window)).toBe(false);
    expect(createPainter(window).kind).toBe('wrap');
  });
});

describe('wrap painter', () => {
  it('wraps a range in a mark with its group', () => {
    document.body.innerHTML = '<p>Yesterday Nicolás Maduro spoke.</p>';
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Nicolás Maduro')] }]);
    expect(document.body.innerHTML).toBe(
      '<p>Yesterday <backstory-mark data-group="entity">Nicolás Maduro</backstory-mark> spoke.</p>',
    );
  });

  it('clear() restores the exact HTML and the same Text nodes', () => {
    const html =
      '<h1>Maduro <i>and</i> Petro</h1><p>Yesterday Nicolás <b>Maduro</b> met Gustavo Petro.</p><p>Maduro</p>';
    document.body.innerHTML = html;
    const before = textNodes();
    const painter = createPainter(window);
    painter.paint([
      {
        name: 'entity',
        ranges: [
          rangeOf('Maduro'),
          rangeOf('Petro'),
          rangeOf('Nicolás Maduro'),
          rangeOf('Petro', 1),
          rangeOf('Maduro', 2),
        ],
      },
    ]);
    expect(marks().map((m) => m.text)).toEqual(['Maduro', 'Petro', 'Nicolás ', 'Maduro', 'Petro', 'Maduro']);
    expect(document.body.innerHTML).not.toBe(html);
    painter.clear();
    expect(document.body.innerHTML).toBe(html);
    const after = textNodes();
    expect(after).toHaveLength(before.length);
    after.forEach((node, i) => expect(node).toBe(before[i]));
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
  });

  it('wraps ranges spanning several text nodes piece by piece', () => {
    document.body.innerHTML = '<p>Nico<i>lás</i> <b>Ma<u>duro</u></b> spoke.</p>';
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Nicolás Maduro')] }]);
    expect(marks().map((m) => m.text)).toEqual(['Nico', 'lás', ' ', 'Ma', 'duro']);
    expect(marks().every((m) => m.group === 'entity')).toBe(true);
    expect(document.querySelector('u')!.innerHTML).toBe('<backstory-mark data-group="entity">duro</backstory-mark>');
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>Nico<i>lás</i> <b>Ma<u>duro</u></b> spoke.</p>');
  });

  it('flattens overlapping groups into non-nested marks listing every group', () => {
    document.body.innerHTML = '<p>He said Nicolás Maduro ordered it.</p>';
    const painter = createPainter(window);
    painter.paint([
      { name: 'entity', ranges: [rangeOf('Nicolás Maduro')] },
      { name: 'claim', ranges: [rangeOf('said Nicolás')] },
    ]);
    expect(document.querySelectorAll(`${MARK_TAG} ${MARK_TAG}`)).toHaveLength(0);
    expect(marks().map((m) => ({ text: m.text, groups: m.group!.split(' ').sort() }))).toEqual([
      { text: 'said ', groups: ['claim'] },
      { text: 'Nicolás', groups: ['claim', 'entity'] },
      { text: ' Maduro', groups: ['entity'] },
    ]);
    expect(document.body.textContent).toBe('He said Nicolás Maduro ordered it.');
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>He said Nicolás Maduro ordered it.</p>');
  });

  it('handles a range nested in another and several ranges in one node', () => {
    document.body.innerHTML = '<p>The DEA and MS-13 and the DEA.</p>';
    const painter = createPainter(window);
    painter.paint([
      { name: 'claim', ranges: [rangeOf('DEA and MS-13')] },
      { name: 'entity', ranges: [rangeOf('DEA'), rangeOf('MS-13'), rangeOf('DEA', 1)] },
    ]);
    expect(marks()).toEqual([
      { text: 'DEA', group: 'claim entity' },
      { text: ' and ', group: 'claim' },
      { text: 'MS-13', group: 'claim entity' },
      { text: 'DEA', group: 'entity' },
    ]);
    expect(document.querySelectorAll(`${MARK_TAG} ${MARK_TAG}`)).toHaveLength(0);
    const node = document.querySelector('p')!.firstChild;
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>The DEA and MS-13 and the DEA.</p>');
    expect(document.querySelector('p')!.firstChild).toBe(node);
    expect(document.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('lists a group once when its ranges repeat', () => {
    document.body.innerHTML = '<p>DEA</p>';
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('DEA'), rangeOf('DEA')] }]);
    expect(document.body.innerHTML).toBe('<p><backstory-mark data-group="entity">DEA</backstory-mark></p>');
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>DEA</p>');
  });

  it('wraps a whole text node by splitting it at 0: the page keeps its node, empty, in place', () => {
    document.body.innerHTML = '<p>Nicolás <b>Maduro</b></p>';
    const text = document.querySelector('b')!.firstChild as Text;
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Maduro')] }]);
    expect(document.body.innerHTML).toBe(
      '<p>Nicolás <b><backstory-mark data-group="entity">Maduro</backstory-mark></b></p>',
    );
    expect(document.querySelector('b')!.firstChild).toBe(text);
    expect(text.data).toBe('');
    painter.clear();
    expect(document.querySelector('b')!.firstChild).toBe(text);
    expect(document.querySelector('b')!.childNodes).toHaveLength(1);
    expect(document.body.innerHTML).toBe('<p>Nicolás <b>Maduro</b></p>');
  });

  it('ignores empty ranges', () => {
    document.body.innerHTML = '<p>Nothing here</p>';
    const range = document.createRange();
    range.setStart(document.querySelector('p')!.firstChild!, 3);
    range.setEnd(document.querySelector('p')!.firstChild!, 3);
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [range] }]);
    expect(document.body.innerHTML).toBe('<p>Nothing here</p>');
  });

  it('can paint again after clear, and clear twice', () => {
    document.body.innerHTML = '<p>Gustavo Petro spoke.</p>';
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Gustavo Petro')] }]);
    painter.clear();
    painter.paint([{ name: 'claim', ranges: [rangeOf('Petro spoke')] }]);
    expect(marks()).toEqual([{ text: 'Petro spoke', group: 'claim' }]);
    painter.clear();
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>Gustavo Petro spoke.</p>');
  });

  it('keeps text and structure when wrapping inside shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow Maduro here</p>';
    const index = buildTextIndex(document.body);
    const at = index.text.indexOf('Maduro');
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeFor(index, at, at + 6, document)] }]);
    expect(shadow.innerHTML).toBe('<p>Shadow <backstory-mark data-group="entity">Maduro</backstory-mark> here</p>');
    painter.clear();
    expect(shadow.innerHTML).toBe('<p>Shadow Maduro here</p>');
  });

  it('leaves painted ranges on the wrapped text, so that hit-testing and flashing find it', () => {
    document.body.innerHTML = '<p>Yesterday Nicolás <b>Maduro</b> met Gustavo Petro.</p>';
    const ranges = [rangeOf('Nicolás Maduro'), rangeOf('Petro')];
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges }]);
    expect(ranges.map((r) => [r.toString(), r.collapsed])).toEqual([
      ['Nicolás Maduro', false],
      ['Petro', false],
    ]);
    expect(ranges[1]!.startContainer.parentElement!.localName).toBe(MARK_TAG);
    const marked = [...document.querySelectorAll(MARK_TAG)];
    expect(marked.filter((mark) => ranges[0]!.intersectsNode(mark)).map((m) => m.textContent)).toEqual([
      'Nicolás ',
      'Maduro',
    ]);
  });

  it('carries ranges read from the wrapped page over to the restored text (a rescan in fallback mode)', () => {
    const html = '<p>Pete Hegseth defended the strike, said Gustavo Petro.</p>';
    document.body.innerHTML = html;
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Pete Hegseth'), rangeOf('Gustavo Petro')] }]);
    // The next pass reads the page as it is now, marks and split text nodes included.
    const next = [rangeOf('Pete Hegseth'), rangeOf('Gustavo Petro'), rangeOf('defended')];
    painter.clear(next);
    expect(document.body.innerHTML).toBe(html);
    expect(next.map((r) => r.toString())).toEqual(['Pete Hegseth', 'Gustavo Petro', 'defended']);
    painter.paint([{ name: 'entity', ranges: next.slice(0, 2) }]);
    expect(marks().map((m) => m.text)).toEqual(['Pete Hegseth', 'Gustavo Petro']);
  });

  it('does not glue its pieces back onto text the page rewrote meanwhile (framework renderers)', () => {
    document.body.innerHTML = '<p>spoke in Caracas</p>';
    const original = textNodes()[0]!;
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Caracas')] }]);
    // A renderer holding a reference to its text node updates it, as React does with nodeValue.
    original.nodeValue = 'answered from Bogotá';
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>answered from Bogotá</p>');
  });
});

describe('wrap painter on a page that keeps references to its text nodes (framework renderers)', () => {
  const html = '<ul><li>Nicolás Maduro spoke in Caracas</li><li>He met <b>Gustavo Petro</b> and Marco Rubio</li></ul>';

  /** Every text node under body with its parent and its index there. */
  function places() {
    return textNodes().map((node) => ({
      node,
      parent: node.parentNode,
      at: [...node.parentNode!.childNodes].indexOf(node),
    }));
  }

  /** Paints the names in `html` and returns what the page had before, and a recorder of its changes. */
  function paintNames() {
    document.body.innerHTML = html;
    const before = places();
    const ranges = ['Nicolás Maduro', 'Caracas', 'Gustavo Petro', 'Marco Rubio'].map((name) => rangeOf(name));
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges }]);
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const [li1, li2] = [...document.querySelectorAll('li')] as [HTMLLIElement, HTMLLIElement];
    return { before, ranges, painter, observer, li1, li2 };
  }

  it('never moves a page text node: each keeps its place and the text before its first mark', () => {
    const { before, painter } = paintNames();
    expect(marks().map((m) => m.text)).toEqual(['Nicolás Maduro', 'Caracas', 'Gustavo Petro', 'Marco Rubio']);
    for (const { node, parent, at } of before) {
      expect(node.parentNode).toBe(parent);
      expect([...parent!.childNodes].indexOf(node)).toBe(at);
    }
    // A match at offset 0, one inside a node, and one covering a whole node.
    expect(before.map(({ node }) => node.data)).toEqual(['', 'He met ', '', ' and ']);
    expect(document.body.textContent).toBe('Nicolás Maduro spoke in CaracasHe met Gustavo Petro and Marco Rubio');
    painter.clear();
    expect(document.body.innerHTML).toBe(html);
    expect(places()).toEqual(before);
  });

  it('lets the text a page writes into a wrapped node stand, and keeps the other nodes wrapped', () => {
    const { before, painter, observer, li1, li2 } = paintNames();
    const spoke = before[0]!.node;
    spoke.nodeValue = 'Pete Hegseth answered from Bogotá';
    const records = observer.takeRecords();
    expect(painter.repair(records)).toBe(true);
    expect(li1.innerHTML).toBe('Pete Hegseth answered from Bogotá');
    expect(li1.firstChild).toBe(spoke);
    expect(li2.querySelectorAll(MARK_TAG)).toHaveLength(2);
    expect(li2.textContent).toBe('He met Gustavo Petro and Marco Rubio');
    // Undone once: the same records again, or records about nothing of ours, change nothing.
    expect(painter.repair(records)).toBe(false);
    li2.append('!');
    expect(painter.repair(observer.takeRecords())).toBe(false);
    expect(li2.querySelectorAll(MARK_TAG)).toHaveLength(2);
  });

  it('takes the text a page writes into one of its marks with the rest of the node', () => {
    const { before, painter, observer, li1 } = paintNames();
    li1.querySelector(MARK_TAG)!.firstChild!.nodeValue = 'Delcy Rodríguez';
    expect(painter.repair(observer.takeRecords())).toBe(true);
    expect(li1.innerHTML).toBe('Delcy Rodríguez spoke in Caracas');
    expect(li1.firstChild).toBe(before[0]!.node);
  });

  it('gives a text node the page removes its whole text, ready to be put back', () => {
    const { before, painter, observer, li2 } = paintNames();
    const tail = before[3]!.node;
    li2.removeChild(tail);
    expect(painter.repair(observer.takeRecords())).toBe(true);
    expect(tail.parentNode).toBeNull();
    expect(tail.data).toBe(' and Marco Rubio');
    expect(li2.innerHTML).toBe('He met <b><backstory-mark data-group="entity">Gustavo Petro</backstory-mark></b>');
    li2.append(tail);
    expect(li2.textContent).toBe('He met Gustavo Petro and Marco Rubio');
  });

  it('joins the text back where the page inserts a node right after its own', () => {
    const { before, painter, observer, li1 } = paintNames();
    const spoke = before[0]!.node;
    li1.insertBefore(document.createElement('br'), spoke.nextSibling);
    expect(painter.repair(observer.takeRecords())).toBe(true);
    expect(li1.innerHTML).toBe('Nicolás Maduro spoke in Caracas<br>');
    expect(li1.firstChild).toBe(spoke);
  });

  it('leaves moved elements wrapped, and repairs one the page changed while it was detached', () => {
    const { before, painter, observer, li1, li2 } = paintNames();
    const list = li1.parentNode!;
    // A keyed reorder moves elements: nothing of ours is broken.
    list.insertBefore(li2, li1);
    expect(painter.repair(observer.takeRecords())).toBe(false);
    expect(marks()).toHaveLength(4);
    // Changes inside a detached element are not observed; they show when it comes back.
    li1.remove();
    observer.disconnect();
    before[0]!.node.nodeValue = 'Pete Hegseth answered from Bogotá';
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    list.append(li1);
    expect(painter.repair(observer.takeRecords())).toBe(true);
    expect(li1.innerHTML).toBe('Pete Hegseth answered from Bogotá');
    expect(li2.querySelectorAll(MARK_TAG)).toHaveLength(2);
  });

  it('clear() after a repair restores the rest exactly and carries the kept ranges over', () => {
    const { before, ranges, painter, observer, li1 } = paintNames();
    before[0]!.node.nodeValue = 'Pete Hegseth answered from Bogotá';
    painter.repair(observer.takeRecords());
    painter.clear(ranges.slice(2));
    expect(document.body.innerHTML).toBe(
      '<ul><li>Pete Hegseth answered from Bogotá</li><li>He met <b>Gustavo Petro</b> and Marco Rubio</li></ul>',
    );
    expect(li1.firstChild).toBe(before[0]!.node);
    expect(places()).toEqual(before);
    expect(ranges.slice(2).map((r) => r.toString())).toEqual(['Gustavo Petro', 'Marco Rubio']);
    expect(ranges[2]!.startContainer).toBe(before[2]!.node);
  });
});

/** The smallest stand-in for the CSS Custom Highlight API. */
class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

function fakeWindow(registry: Map<string, unknown> | undefined, highlight: unknown = FakeHighlight): Window {
  return { document, CSS: registry ? { highlights: registry } : {}, Highlight: highlight } as unknown as Window;
}

describe('highlight painter', () => {
  it('is chosen when CSS.highlights and Highlight exist', () => {
    expect(supportsHighlightApi(fakeWindow(new Map()))).toBe(true);
    expect(createPainter(fakeWindow(new Map())).kind).toBe('highlight-api');
  });

  it('is not chosen when either part is missing, or when wrapping is forced', () => {
    expect(supportsHighlightApi(fakeWindow(undefined))).toBe(false);
    expect(supportsHighlightApi(fakeWindow(new Map(), null))).toBe(false);
    expect(supportsHighlightApi(fakeWindow(new Map(), {}))).toBe(false);
    expect(createPainter(fakeWindow(new Map()), true).kind).toBe('wrap');
  });

  it('registers one highlight per group and leaves the DOM alone', () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    const registry = new Map<string, unknown>();
    const painter = createPainter(fakeWindow(registry));
    const maduro = rangeOf('Nicolás Maduro');
    const petro = rangeOf('Gustavo Petro');
    const claim = rangeOf('met');
    painter.paint([
      { name: 'entity', ranges: [maduro, petro] },
      { name: 'claim', ranges: [claim] },
    ]);
    expect([...registry.keys()].sort()).toEqual([`${HIGHLIGHT_PREFIX}-claim`, `${HIGHLIGHT_PREFIX}-entity`]);
    const entity = registry.get('backstory-entity');
    expect(entity).toBeInstanceOf(FakeHighlight);
    expect((entity as FakeHighlight).ranges).toEqual([maduro, petro]);
    expect((registry.get('backstory-claim') as FakeHighlight).ranges).toEqual([claim]);
    expect(document.body.innerHTML).toBe('<p>Nicolás Maduro met Gustavo Petro.</p>');
  });

  it('clear() removes its own highlights and nothing else', () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    const pageOwn = new FakeHighlight();
    const registry = new Map<string, unknown>([['page-search', pageOwn]]);
    const painter = createPainter(fakeWindow(registry));
    painter.paint([
      { name: 'entity', ranges: [rangeOf('Nicolás Maduro')] },
      { name: 'claim', ranges: [rangeOf('met')] },
    ]);
    // The page replaces one of our names with a highlight of its own.
    const replaced = new FakeHighlight(rangeOf('Gustavo Petro'));
    registry.set('backstory-claim', replaced);
    painter.clear();
    expect([...registry]).toEqual([
      ['page-search', pageOwn],
      ['backstory-claim', replaced],
    ]);
    // Nothing is left to clear a second time.
    registry.set('backstory-entity', 'page again');
    painter.clear();
    expect(registry.get('backstory-entity')).toBe('page again');
  });

  it('repainting a group replaces its highlight, and clear() removes the latest', () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    const registry = new Map<string, unknown>();
    const painter = createPainter(fakeWindow(registry));
    painter.paint([{ name: 'entity', ranges: [rangeOf('Nicolás Maduro')] }]);
    const first = registry.get('backstory-entity');
    painter.paint([{ name: 'entity', ranges: [rangeOf('Gustavo Petro')] }]);
    expect(registry.get('backstory-entity')).not.toBe(first);
    painter.clear();
    expect(registry.size).toBe(0);
  });
});
