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

  it('wraps a whole text node without splitting it', () => {
    document.body.innerHTML = '<p>Nicolás <b>Maduro</b></p>';
    const text = document.querySelector('b')!.firstChild;
    const painter = createPainter(window);
    painter.paint([{ name: 'entity', ranges: [rangeOf('Maduro')] }]);
    expect(document.querySelector(MARK_TAG)!.firstChild).toBe(text);
    painter.clear();
    expect(document.querySelector('b')!.firstChild).toBe(text);
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
