// @vitest-environment happy-dom
/**
 * Knowledge strings are data, never markup: a pack whose names, summaries, quotes, publishers and
 * claims hold HTML and script renders exactly the elements a plain pack does, with the hostile text
 * shown as text. (The bundled pack is imported directly by the worker and the popup, so this is checked
 * on the components with a hostile copy of it rather than through a build.)
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import packJson from '../../../assets/knowledge.json';
import { Card, type Reason } from '../../../components/Card';
import { FindingList } from '../../../components/FindingList';
import { SearchResults } from '../../../components/SearchResults';
import { cardData } from '../../../lib/view/card-data';
import type { KnowledgePack } from '../../../lib/knowledge/types';
import type { FoundClaim, FoundEntity } from '../../../lib/protocol/requests';
import { createSearch } from '../../../lib/knowledge/search';
import { i18nFor, inLanguage } from '../support/i18n';

const HOSTILE =
  `<img src=x onerror="globalThis.__pwned='img'"><script>globalThis.__pwned='script'</script>` +
  `"><svg onload="globalThis.__pwned='svg'"></svg></mark><iframe src="javascript:globalThis.__pwned=1"></iframe>` +
  `<a href="javascript:globalThis.__pwned='href'">x</a>{{constructor.constructor('globalThis.__pwned=1')()}}`;
const PLAIN = 'Plain words';

const ENTITY = 'nicolas-maduro';

/** A copy of the bundled pack with `text` in every string a card about ENTITY or its claims shows. */
function packWith(text: string): { pack: KnowledgePack; claim: string } {
  const pack = structuredClone(packJson) as unknown as KnowledgePack;
  pack.name = text;
  pack.version = text;
  const entity = pack.entities.find((e) => e.id === ENTITY)!;
  entity.name = `Nicolás Maduro ${text}`;
  entity.summary = `${text} summary ${text}`;
  const claim = pack.claims.find((c) => c.about.includes(ENTITY))!;
  claim.statement = `${text} statement`;
  claim.context = text;
  claim.claimant = text;
  const sourceIds = new Set([
    ...entity.sources,
    ...claim.evidence.map((e) => e.source),
    ...entity.passages.map((p) => pack.passages[p]!.source),
  ]);
  for (const source of pack.sources.filter((s) => sourceIds.has(s.id))) {
    source.publisher = text;
    source.headline = text;
    source.authors = [text];
    source.url = null; // a web search for the headline: the hostile text ends up in a URL
  }
  for (const index of entity.passages) pack.passages[index]!.text = `${text} passage Maduro`;
  for (const evidence of claim.evidence) evidence.quote = text;
  for (const related of pack.entities.filter((e) => entity.related.includes(e.id))) related.name = text;
  return { pack, claim: claim.id };
}

function shape(root: Element): string[] {
  return [...root.querySelectorAll('*')].map(
    (e) =>
      `${e.localName}[${[...e.attributes]
        .map((a) => a.name)
        .sort()
        .join(',')}]`,
  );
}

function expectInert(root: Element): void {
  const handlers = [...root.querySelectorAll('*')].flatMap((e) =>
    [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`),
  );
  expect(handlers).toEqual([]);
  expect(root.querySelectorAll('img, script, svg, iframe, object, embed')).toHaveLength(0);
  for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https:\/\//);
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
}

const english = i18nFor('en');
let container: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(inLanguage(english, node), container);
  return container;
}
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('hostile knowledge strings', () => {
  const reason = (text: string): Reason => ({ alias: text, rule: 'cue-nearby', cue: text });
  const handlers = { onClose: () => {}, onSelect: () => {}, onCopy: async () => {} };

  for (const kind of ['entity', 'claim'] as const) {
    it(`render as text in an ${kind} card, creating no element`, () => {
      const hostile = packWith(HOSTILE);
      const plain = packWith(PLAIN);
      const id = (p: typeof hostile) => (kind === 'entity' ? ENTITY : p.claim);
      const card = (p: typeof hostile, text: string) => (
        <Card data={cardData(p.pack, kind, id(p))!} reason={reason(text)} headingId="heading" {...handlers} />
      );
      const expected = shape(mount(card(plain, PLAIN)));
      render(null, container);
      const root = mount(card(hostile, HOSTILE));
      expect(shape(root)).toEqual(expected);
      expectInert(root);
      expect(root.querySelector('h2')!.textContent).toContain(HOSTILE);
      expect(root.querySelector('.card-summary')!.textContent).toContain(HOSTILE);
      expect(root.textContent).toContain(`Matched “${HOSTILE}”`);
      for (const link of root.querySelectorAll<HTMLAnchorElement>('a.source-link')) {
        expect(link.getAttribute('href')).toMatch(/^https:\/\/duckduckgo\.com\/\?q=[^<>"\s]*$/);
      }
    });
  }

  it('render as text in the popup list', () => {
    const found = (text: string) => ({
      entities: [{ id: ENTITY, name: text, type: 'person', count: 2 }] as FoundEntity[],
      claims: [{ id: 'claim', statement: text, status: text, count: 1 }] as FoundClaim[],
    });
    const expected = shape(mount(<FindingList {...found(PLAIN)} onReveal={() => {}} />));
    render(null, container);
    const root = mount(<FindingList {...found(HOSTILE)} onReveal={() => {}} />);
    expect(shape(root)).toEqual(expected);
    expectInert(root);
    expect([...root.querySelectorAll('.name')].map((e) => e.textContent)).toEqual([HOSTILE, HOSTILE]);
  });

  it('render as text in search results, whose snippets are marked with <mark> only', () => {
    const { pack } = packWith(HOSTILE);
    const results = createSearch(pack).search('Maduro');
    expect(results.length).toBeGreaterThan(0);
    const root = mount(<SearchResults query={HOSTILE} results={results} onSelect={() => {}} />);
    expectInert(root);
    for (const snippet of root.querySelectorAll('.result-snippet')) {
      expect([...snippet.querySelectorAll('*')].every((e) => e.localName === 'mark' && !e.attributes.length)).toBe(
        true,
      );
    }
    // The hostile markup reached the snippets and titles as data, and was rendered as text, all of it.
    expect(results.some((r) => r.snippet.includes('<img src=x'))).toBe(true);
    expect([...root.querySelectorAll('.result-snippet')].map((e) => e.textContent)).toEqual(
      results.filter((r) => r.snippet).map((r) => r.snippet),
    );
    expect([...root.querySelectorAll('.result-title')].map((e) => e.textContent)).toContain(
      `Nicolás Maduro ${HOSTILE}`,
    );
    render(null, container);
    // Nothing found: the query is echoed as text.
    const empty = mount(<SearchResults query={HOSTILE} results={[]} onSelect={() => {}} />);
    expectInert(empty);
    expect(empty.textContent).toContain(HOSTILE);
  });
});
