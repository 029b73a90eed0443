// @vitest-environment happy-dom
/**
 * Passages from a source the archive holds only as a reworded copy: labelled as such wherever they
 * are shown, never set as a quotation of the publisher. Card data written for this test.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Card } from '../../../components/Card';
import { SearchResults } from '../../../components/SearchResults';
import type { Source } from '../../../lib/knowledge/types';
import type { SearchResult } from '../../../lib/knowledge/search';
import { type ClaimCardData, type EntityCardData, type SourceRef } from '../../../lib/view/card-data';
import { citation, sourceLink } from '../../../lib/view/links';
import { i18nFor, inLanguage } from '../support/i18n';

const ORIGINAL: Source = {
  id: 'harbour-news',
  headline: 'Harbour patrols double',
  publisher: 'Harbour News',
  authors: [],
  date: '2025-10-01',
  dateIsEstimate: false,
  url: null,
};
const SPUN: Source = {
  ...ORIGINAL,
  id: 'coast-wire',
  publisher: 'Coast Wire',
  reworded: { why: 'Our note: the archive says this copy swapped words for synonyms.' },
};
const ref = (source: Source): SourceRef => ({ ...source, citation: citation(source) });
const entry = (source: Source, text: string) => ({ source: ref(source), link: sourceLink(source, text) });

const CLAIM: ClaimCardData = {
  kind: 'claim',
  id: 'patrols-doubled',
  statement: 'Harbour patrols doubled.',
  claimant: 'The coast guard',
  date: '2025-10-01',
  status: 'supported',
  context: 'Two reports of the same change.',
  evidence: [
    { stance: 'states', quote: 'The coast guard doubled its patrols.', ...entry(ORIGINAL, 'x') },
    { stance: 'supports', quote: 'Littoral sentries were multiplied twice.', ...entry(SPUN, 'x') },
  ],
  about: [],
  pack: { name: 'Test pack', version: '1' },
};
const ENTITY: EntityCardData = {
  kind: 'entity',
  id: 'coast-guard',
  name: 'Coast Guard',
  type: 'agency',
  summary: 'The agency that patrols the harbour.',
  summarySources: [ref(ORIGINAL)],
  related: [],
  claims: [],
  timeline: [
    { text: 'The coast guard doubled its patrols.', ...entry(ORIGINAL, 'x') },
    { text: 'Littoral sentries were multiplied twice.', ...entry(SPUN, 'x') },
  ],
  pack: { name: 'Test pack', version: '1' },
};

let container: HTMLElement | undefined;
function mount(node: preact.ComponentChild, language: 'en' | 'es' = 'en'): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(inLanguage(i18nFor(language), node), root);
  container = root;
  return root;
}
afterEach(() => {
  if (!container) return;
  render(null, container);
  container.remove();
  container = undefined;
});

describe('a reworded source in a card', () => {
  it('labels its evidence and keeps it out of quotations; the original stays a quotation', () => {
    const root = mount(<Card data={CLAIM} variant="expanded" headingId="h" />);
    const quotes = [...root.querySelectorAll('blockquote')].map((q) => q.textContent);
    expect(quotes).toEqual(['The coast guard doubled its patrols.']);
    const reworded = root.querySelectorAll('.evidence-supports .passage-reworded');
    expect(reworded).toHaveLength(1);
    expect(reworded[0]!.querySelector('.reworded-note')!.textContent).toBe(
      "Reworded copy of Coast Wire's report: wording may differ from Coast Wire's",
    );
    expect(reworded[0]!.querySelector('.reworded-text')!.textContent).toBe('Littoral sentries were multiplied twice.');
    expect(root.querySelector('.evidence-states .reworded-note')).toBeNull();
  });

  it('labels its passages in the timeline, in the UI language', () => {
    const root = mount(<Card data={ENTITY} variant="details" headingId="h" />, 'es');
    const items = [...root.querySelectorAll('.timeline > li')];
    expect(items.map((li) => !!li.querySelector('blockquote'))).toEqual([true, false]);
    expect(items[1]!.querySelector('.reworded-note')!.textContent).toBe(
      'Copia reescrita del artículo de Coast Wire: la redacción puede no ser la de Coast Wire',
    );
  });
});

describe('a reworded source in search results', () => {
  it('says so beside the publisher', () => {
    const result = (id: string, publisher: string, reworded?: true): SearchResult => ({
      kind: 'passage',
      id,
      title: 'Harbour patrols double',
      titleMarks: [],
      snippet: 'patrols',
      marks: [],
      publisher,
      date: '2025-10-01',
      dateIsEstimate: false,
      score: 1,
      ...(reworded ? { reworded } : {}),
    });
    const root = mount(
      <SearchResults
        query="patrols"
        results={[result('1', 'Harbour News'), result('2', 'Coast Wire', true)]}
        onSelect={() => {}}
      />,
    );
    expect([...root.querySelectorAll('.result-kind')].map((k) => k.textContent)).toEqual([
      'Archive · Harbour News · October 1, 2025',
      'Archive · Coast Wire · October 1, 2025 · reworded copy, not the original wording',
    ]);
  });
});
