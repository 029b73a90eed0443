// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildTextIndex,
  createTextIndexBuilder,
  isSkippedElement,
  nodeAt,
  rangeFor,
} from '../../../../lib/dom/text-index';
import { compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import { STORY_SEPARATOR as STORY } from '../../../../lib/matcher/story';
import { BLOCK_SEPARATOR as SEP } from '../../../../lib/text/fold';

function indexOf(html: string) {
  document.body.innerHTML = html;
  return buildTextIndex(document.body);
}

function textOf(html: string): string {
  return indexOf(html).text;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('buildTextIndex: joining text', () => {
  it('joins a name split across inline elements into one string', () => {
    const index = indexOf('<p>Nicolás <b>Maduro</b> spoke.</p>');
    expect(index.text).toBe('Nicolás Maduro spoke.');
    expect(index.nodes.map((n) => n.data)).toEqual(['Nicolás ', 'Maduro', ' spoke.']);
    expect(index.starts).toEqual([0, 8, 14]);
    expect(index.nodes[1]).toBe(document.querySelector('b')!.firstChild);
  });

  it.each([
    ['<p>Nico<i>lás</i> <a href="#">Mad<em>uro</em></a></p>', 'Nicolás Maduro'],
    ['<p><span>Gustavo</span> <strong>Petro</strong></p>', 'Gustavo Petro'],
    ['<p>MS-<sub>13</sub></p>', 'MS-13'],
    ['<p>Nicolás <backstory-mark>Maduro</backstory-mark></p>', 'Nicolás Maduro'],
    ['<p>Nicolás<!-- a comment --> Maduro</p>', 'Nicolás Maduro'],
  ])('%j -> %j', (html, text) => {
    expect(textOf(html)).toBe(text);
  });

  it.each([
    ['<p>One</p><p>Two</p>', `One${SEP}Two`],
    ['<div><p>One</p></div><div><div>Two</div></div>', `One${SEP}Two`],
    ['<h1>Title</h1>Body text', `Title${SEP}Body text`],
    ['<ul><li>One</li><li>Two</li></ul>', `One${STORY}Two`],
    ['<table><tr><td>One</td><td>Two</td></tr></table>', `One${SEP}Two`],
    ['<p>Nicolás<br>Maduro</p>', `Nicolás${SEP}Maduro`],
    ['<p>Nicolás</p><p>Maduro</p>', `Nicolás${SEP}Maduro`],
    ['<div>Before <p>inside</p> after</div>', `Before ${SEP}inside${SEP} after`],
    // The block a text sits in changes without a block element starting between the two texts.
    ['<div><p>Nicolás</p>Maduro</div>', `Nicolás${SEP}Maduro`],
    ['<div><span>Nicolás</span></div><span>Maduro</span>', `Nicolás${SEP}Maduro`],
    ['<p><b><i>Nicolás</i></b></p><b>Maduro</b>', `Nicolás${SEP}Maduro`],
    // An empty block between two texts of the same block.
    ['<div>Nicolás<div></div>Maduro</div>', `Nicolás${SEP}Maduro`],
    // A skipped element closing several levels at once, then more text.
    ['<div><p>A <b>B<script>x</script></b></p></div><p>C</p>', `A B${SEP}C`],
  ])('separates blocks: %j', (html, text) => {
    expect(textOf(html)).toBe(text);
  });

  it('never starts or ends with a separator, nor repeats one', () => {
    const text = textOf('<div><div><p></p></div></div><p>Only</p><div><br><br></div>');
    expect(text).toBe('Only');
    expect(textOf('<p>A</p><div></div><hr><div><p></p></div><p>B</p>')).toBe(`A${SEP}B`);
  });
});

describe('buildTextIndex: stories', () => {
  it.each([
    // Articles and asides are stories of their own, whatever they hold inside.
    ['<article><p>One</p></article><article><p>Two</p></article>', `One${STORY}Two`],
    [
      '<article><h2>Title</h2><p>One</p><section><p>Two</p></section><ul><li>Three</li></ul></article>',
      `Title${SEP}One${SEP}Two${SEP}Three`,
    ],
    ['<article><p>One</p><aside><p>Two</p></aside><p>Three</p></article>', `One${STORY}Two${STORY}Three`],
    ['<article><p>One</p><article><p>Two</p></article></article>', `One${STORY}Two`],
    // Outside an article, sections and list items (a homepage's cards) are stories.
    ['<main><section><p>One</p></section><section><p>Two</p></section></main>', `One${STORY}Two`],
    ['<ul><li><h3>One</h3><p>More</p></li><li>Two</li></ul><p>After</p>', `One${SEP}More${STORY}Two${STORY}After`],
    // Outside an article, a heading begins a story and the text under it belongs to that story.
    [
      '<div><p>Intro</p><h2>One</h2><p>Body</p><h2>Two</h2><p>Body</p></div>',
      `Intro${STORY}One${SEP}Body${STORY}Two${SEP}Body`,
    ],
    // Within one story nothing changes.
    ['<div><p>One</p><div>Two</div></div>', `One${SEP}Two`],
    // Sibling blocks share their parent's story unless one is a story element itself.
    [
      '<article><p>One</p><li>Two</li><p>Three</p></article><section><p>Four</p><p><i>Five</i></p><li>Six</li><p>Seven</p></section>',
      `One${SEP}Two${SEP}Three${STORY}Four${SEP}Five${STORY}Six${STORY}Seven`,
    ],
  ])('marks story boundaries: %j', (html, text) => {
    expect(textOf(html)).toBe(text);
  });

  it('keeps a story across an open shadow root inside it', () => {
    document.body.innerHTML = '<article><p>One</p><div id="host"></div></article><article>Three</article>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Two</p>';
    expect(buildTextIndex(document.body).text).toBe(`One${SEP}Two${STORY}Three`);
  });

  it('a full name on one homepage card does not confirm the short name on another', () => {
    const matcher = loadMatcher(
      compileMatcherData('v', [
        {
          id: 'rand-paul',
          type: 'person',
          name: 'Rand Paul',
          aliases: ['Paul'],
          ambiguous: ['Paul'],
          cues: ['Kentucky'],
          caseSensitive: [],
        },
      ]),
    );
    const found = (html: string) => {
      const index = indexOf(html);
      return findEntities(matcher, index.text).map((f) => index.text.slice(f.start, f.end));
    };
    const cards = (tag: string) =>
      `<main><${tag}><a><strong>Rand Paul questions the strikes</strong></a><p>The senator spoke.</p></${tag}>` +
      `<${tag}><a><strong>Suns win</strong></a><p>Paul scored twice in the fourth quarter.</p></${tag}></main>`;
    // Without story boundaries the same page confirms the point guard as the senator.
    expect(found(cards('div'))).toEqual(['Rand Paul', 'Paul']);
    expect(found(cards('article'))).toEqual(['Rand Paul']);
    expect(found(`<ul>${cards('li').replace(/<\/?main>/g, '')}</ul>`)).toEqual(['Rand Paul']);
    expect(
      found('<div><h3>Rand Paul questions the strikes</h3><p>He spoke.</p><h3>Suns win</h3><p>Paul scored.</p></div>'),
    ).toEqual(['Rand Paul']);
    // Within one card, the full name still confirms it.
    expect(found('<ul><li><h3>Rand Paul speaks</h3><p>Paul said no.</p></li><li>Other news</li></ul>')).toEqual([
      'Rand Paul',
      'Paul',
    ]);
  });
});

describe('buildTextIndex: skipped content', () => {
  it.each([
    ['script', '<p>Before</p><script>var Maduro = 1;</script><p>After</p>'],
    ['style', '<p>Before</p><style>.Maduro { color: red }</style><p>After</p>'],
    ['noscript', '<p>Before</p><noscript>Maduro</noscript><p>After</p>'],
    ['textarea', '<p>Before</p><textarea>Maduro</textarea><p>After</p>'],
    ['input', '<p>Before</p><input value="Maduro"><p>After</p>'],
    ['select', '<p>Before</p><select><option>Maduro</option></select><p>After</p>'],
    ['button', '<p>Before</p><button>Maduro</button><p>After</p>'],
    ['code', '<p>Before</p><code>Maduro()</code><p>After</p>'],
    ['pre > code', '<p>Before</p><pre><code>Maduro()</code></pre><p>After</p>'],
    ['svg', '<p>Before</p><svg><text>Maduro</text></svg><p>After</p>'],
    ['contenteditable', '<p>Before</p><div contenteditable>Maduro</div><p>After</p>'],
    ['contenteditable=true', '<p>Before</p><div contenteditable="true"><p>Maduro</p></div><p>After</p>'],
    ['contenteditable=plaintext-only', '<p>Before</p><div contenteditable="plaintext-only">Maduro</div><p>After</p>'],
    ['nav', '<p>Before</p><nav><a href="/">Maduro</a></nav><p>After</p>'],
    ['[hidden]', '<p>Before</p><div hidden>Maduro</div><p>After</p>'],
    ['backstory-ui', '<p>Before</p><backstory-ui><p>Maduro</p></backstory-ui><p>After</p>'],
    ['template', '<p>Before</p><template><p>Maduro</p></template><p>After</p>'],
    ['math', '<p>Before</p><math><mi>Maduro</mi></math><p>After</p>'],
    ['contenteditable=TRUE inside a shadow root', '<p>Before</p><div id="host"></div><p>After</p>'],
  ])('skips %s', (name, html) => {
    if (name.includes('shadow')) {
      document.body.innerHTML = html;
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<div contenteditable="TRUE">Maduro</div>';
      const index = buildTextIndex(document.body);
      expect(index.shadowRoots).toEqual([shadow]);
      expect(index.text).toBe(`Before${SEP}After`);
      return;
    }
    const index = indexOf(html);
    expect(index.text).toBe(`Before${SEP}After`);
    expect(index.nodes.every((node) => !node.data.includes('Maduro'))).toBe(true);
  });

  it('keeps one block joined across inline elements at any depth', () => {
    expect(textOf('<p><b>Nicolás</b> <i><span>Maduro</span></i> <a href="#"><em>spoke</em></a></p>')).toBe(
      'Nicolás Maduro spoke',
    );
  });

  it('a skipped element inside a sentence breaks it, so no name spans it', () => {
    expect(textOf('<p>Nicolás <code>x</code>Maduro</p>')).toBe(`Nicolás ${SEP}Maduro`);
  });

  it('scans contenteditable="false" content', () => {
    expect(textOf('<div contenteditable="false">Maduro</div>')).toBe('Maduro');
  });

  it('isSkippedElement agrees', () => {
    const make = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild!;
    };
    expect(isSkippedElement(make('<nav></nav>'))).toBe(true);
    expect(isSkippedElement(make('<svg></svg>'))).toBe(true);
    expect(isSkippedElement(make('<p hidden></p>'))).toBe(true);
    expect(isSkippedElement(make('<div contenteditable=""></div>'))).toBe(true);
    expect(isSkippedElement(make('<div contenteditable="false"></div>'))).toBe(false);
    expect(isSkippedElement(make('<p></p>'))).toBe(false);
    expect(isSkippedElement(make('<span></span>'))).toBe(false);
    expect(isSkippedElement(make('<backstory-mark></backstory-mark>'))).toBe(false);
  });
});

describe('buildTextIndex: shadow roots', () => {
  it('walks open shadow roots and the host light DOM', () => {
    document.body.innerHTML = '<p>Before</p><div id="host"><span>light</span></div><p>After</p>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <b>Maduro</b></p><slot></slot>';
    const index = buildTextIndex(document.body);
    expect(index.text).toBe(`Before${SEP}Shadow Maduro${SEP}light${SEP}After`);
    expect(index.nodes).toContain(shadow.querySelector('b')!.firstChild);
  });

  it('walks shadow roots nested in shadow roots', () => {
    document.body.innerHTML = '<div id="outer"></div>';
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><div id="inner"></div></section>';
    const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Deep Maduro</p>';
    expect(buildTextIndex(document.body).text).toBe('Deep Maduro');
  });

  it('does not enter closed shadow roots', () => {
    document.body.innerHTML = '<p>Before</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'closed' });
    shadow.innerHTML = '<p>Secret Maduro</p>';
    expect(buildTextIndex(document.body).text).toBe('Before');
  });

  it('skips shadow content inside skipped hosts', () => {
    document.body.innerHTML = '<p>Before</p><backstory-ui></backstory-ui>';
    const shadow = document.querySelector('backstory-ui')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Our own panel about Maduro</p>';
    expect(buildTextIndex(document.body).text).toBe('Before');
  });
});

describe('createTextIndexBuilder', () => {
  const PAGE =
    '<header><nav>Menu</nav><h1>Nicolás <b>Maduro</b></h1></header><main><p>One <i>two</i></p><ul><li>a</li>' +
    '<li><span>b</span>c</li></ul><div><div><p>deep</p></div>tail</div><script>x</script><p>last <u>word</u></p></main>';

  it.each([[1], [2], [3], [5], [8], [1000]])('builds the same index in steps of %d nodes as in one go', (budget) => {
    document.body.innerHTML = PAGE;
    const host = document.createElement('section');
    document.querySelector('main')!.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow <b>text</b></p>';
    const whole = buildTextIndex(document.body);
    const builder = createTextIndexBuilder(document.body);
    let steps = 0;
    while (!builder.step(budget)) steps++;
    const stepped = builder.result();
    expect(stepped.text).toBe(whole.text);
    expect(stepped.starts).toEqual(whole.starts);
    expect(stepped.nodes).toHaveLength(whole.nodes.length);
    stepped.nodes.forEach((node, i) => expect(node).toBe(whole.nodes[i]));
    if (budget === 1) expect(steps).toBeGreaterThan(20);
    // The list items and the shadow host's section are stories of their own.
    expect(whole.text).toBe(
      `Nicolás Maduro${SEP}One two${STORY}a${STORY}bc${STORY}deep${SEP}tail${SEP}last word${STORY}shadow text`,
    );
  });

  it('reports done only once the tree is read', () => {
    document.body.innerHTML = '<p>a</p><p>b</p>';
    const builder = createTextIndexBuilder(document.body);
    expect(builder.step(0)).toBe(false);
    expect(builder.step(1)).toBe(false);
    expect(builder.step(Infinity)).toBe(true);
    expect(builder.step(1)).toBe(true);
    expect(builder.result().text).toBe(`a${SEP}b`);
    expect(createTextIndexBuilder(document.createElement('div')).step(1)).toBe(true);
  });

  it('lists the open shadow roots it read', () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div><div id="c"></div>';
    const a = document.getElementById('a')!.attachShadow({ mode: 'open' });
    document.getElementById('b')!.attachShadow({ mode: 'closed' });
    const c = document.getElementById('c')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>A</p>';
    c.innerHTML = '<p>C</p>';
    const index = buildTextIndex(document.body);
    expect(index.shadowRoots).toEqual([a, c]);
    expect(index.text).toBe(`A${SEP}C`);
  });

  it('indexes a subtree on its own', () => {
    document.body.innerHTML = '<p>Before</p><article><p>Nicolás <b>Maduro</b></p><p>spoke</p></article>';
    const index = buildTextIndex(document.querySelector('article')!);
    expect(index.text).toBe(`Nicolás Maduro${SEP}spoke`);
    expect(index.starts).toEqual([0, 8, 15]);
  });
});

describe('nodeAt and rangeFor', () => {
  it('nodeAt puts a boundary offset in the next node, or the previous one for ends', () => {
    const index = indexOf('<p>Nicolás <b>Maduro</b> spoke.</p>');
    expect(nodeAt(index, 0)).toBe(0);
    expect(nodeAt(index, 7)).toBe(0);
    expect(nodeAt(index, 8)).toBe(1);
    expect(nodeAt(index, 8, true)).toBe(0);
    expect(nodeAt(index, 14)).toBe(2);
    expect(nodeAt(index, 14, true)).toBe(1);
    expect(nodeAt(index, 21, true)).toBe(2);
  });

  it.each([
    ['Maduro', 8, 14, [1, 0], [1, 6]],
    ['Nicolás Maduro', 0, 14, [0, 0], [1, 6]],
    ['lás Mad', 4, 11, [0, 4], [1, 3]],
    ['Maduro spoke', 8, 20, [1, 0], [2, 6]],
    ['Nicolás Maduro spoke.', 0, 21, [0, 0], [2, 7]],
  ])('maps %j to the right nodes', (expected, start, end, [startNode, startOffset], [endNode, endOffset]) => {
    const index = indexOf('<p>Nicolás <b>Maduro</b> spoke.</p>');
    expect(index.text.slice(start, end)).toBe(expected);
    const range = rangeFor(index, start, end, document);
    expect(range.startContainer).toBe(index.nodes[startNode!]);
    expect(range.startOffset).toBe(startOffset);
    expect(range.endContainer).toBe(index.nodes[endNode!]);
    expect(range.endOffset).toBe(endOffset);
    expect(range.toString()).toBe(expected);
  });

  it('maps offsets after block separators', () => {
    const index = indexOf('<p>One</p><p>Two <i>Gustavo</i> Petro</p>');
    const start = index.text.indexOf('Gustavo');
    const range = rangeFor(index, start, start + 'Gustavo Petro'.length, document);
    expect(range.startContainer).toBe(document.querySelector('i')!.firstChild);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer.textContent).toBe(' Petro');
    expect(range.endOffset).toBe(6);
    expect(range.toString()).toBe('Gustavo Petro');
  });

  it('gives ranges whose text is what the matcher found', () => {
    const matcher = loadMatcher(
      compileMatcherData('v', [
        {
          id: 'nicolas-maduro',
          type: 'person',
          name: 'Nicolás Maduro',
          aliases: ['Maduro'],
          ambiguous: ['Maduro'],
          cues: ['Caracas'],
          caseSensitive: [],
        },
        { id: 'ms-13', type: 'armed-group', name: 'MS-13', aliases: [], ambiguous: [], cues: [], caseSensitive: [] },
      ]),
    );
    const index = indexOf(
      '<h2>Nico<i>lás</i>\n  <a href="#">Maduro</a></h2><p>In <b>Caracas</b>, Maduro’s aides met MS&nbsp;<span>13</span>.</p>' +
        '<p>Nicolás</p><p>Maduro</p>',
    );
    const findings = findEntities(matcher, index.text);
    expect(findings.map((f) => rangeFor(index, f.start, f.end, document).toString())).toEqual([
      'Nicolás\n  Maduro',
      'Maduro',
      'MS\u00a013',
      'Maduro',
    ]);
    // The last two paragraphs split the name at a block boundary: only the (confirmed) surname is found.
    const last = rangeFor(index, findings[3]!.start, findings[3]!.end, document);
    expect(last.startContainer.parentElement).toBe(document.querySelectorAll('p')[2]);
  });
});
