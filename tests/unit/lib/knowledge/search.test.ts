import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { type SearchResult, createSearch } from '../../../../lib/knowledge/search';

const pack = packJson as KnowledgePack;
const search = createSearch(pack);
const marked = (text: string, marks: [number, number][]) => marks.map(([start, end]) => text.slice(start, end));

describe('popup and archive search results', () => {
  it('finds a misspelled name first, marked as a whole word in its title', () => {
    const [first] = search.search('Madurro');
    expect(first?.title).toBe('Nicolás Maduro');
    expect(marked(first!.title, first!.titleMarks)).toEqual(['Maduro']);
  });

  it('marks whole words only, never fragments', () => {
    for (const result of search.search('Hegset')) {
      for (const word of [...marked(result.title, result.titleMarks), ...marked(result.snippet, result.marks)]) {
        expect(word.toLowerCase()).toMatch(/^hegseth?(’s|'s)?$/);
      }
    }
    const hegseth = search.search('Hegset')[0]!;
    expect(marked(hegseth.title, hegseth.titleMarks)).toEqual(['Hegseth']);
  });

  it('leaves out far-fetched results: nothing about the Netherlands for "Hegset"', () => {
    const results = search.search('Hegset', 100);
    expect(results.length).toBeGreaterThan(0);
    const text = (r: SearchResult) => `${r.title} ${r.snippet}`;
    expect(results.filter((r) => /netherlands/i.test(text(r)) && !/hegseth/i.test(text(r)))).toEqual([]);
    expect(search.search('qqqqxxxxzzzz')).toEqual([]);
  });

  it('gives a snippet that adds to the title rather than repeating it', () => {
    for (const query of ['Maduro', 'narco state', 'fentanyl', 'Petro']) {
      for (const result of search.search(query)) {
        expect(result.snippet, `${query}: ${result.title}`).not.toBe(result.title);
      }
    }
    const entity = search.search('Sheinbaum').find((r) => r.kind === 'entity')!;
    const summary = pack.entities.find((e) => e.id === entity.id)!.summary;
    expect(summary.startsWith(entity.snippet.replace(/…$/, ''))).toBe(true);
  });

  it('names the alias that matched when it is not the name', () => {
    const entity = pack.entities.find((e) => e.aliases.some((a) => /^[A-Z]{3,}$/.test(a) && !e.name.includes(a)))!;
    const alias = entity.aliases.find((a) => /^[A-Z]{3,}$/.test(a) && !entity.name.includes(a))!;
    const result = search.search(alias).find((r) => r.kind === 'entity' && r.id === entity.id)!;
    expect(result.title).toBe(`${entity.name} (${alias})`);
  });

  it('gives a passage its article’s headline, publisher and date (ISO, formatted by the view)', () => {
    const passage = search.search('narco-state Belgium').find((r) => r.kind === 'passage')!;
    const source = pack.sources.find((s) => s.id === passage.sourceId)!;
    expect(passage.title).toBe(source.headline ?? source.publisher);
    expect(passage).toMatchObject({
      publisher: source.publisher,
      date: source.date,
      dateIsEstimate: source.dateIsEstimate,
    });
    expect(pack.passages[Number(passage.id)]!.text).toContain(passage.snippet.replace(/^…|…$/g, ''));
    expect(marked(passage.snippet, passage.marks).map((w) => w.toLowerCase())).toEqual(
      expect.arrayContaining(['belgium']),
    );
    expect(passage).not.toHaveProperty('reworded');
  });

  it('marks a passage of a reworded copy (the archive’s CNN text) as such', () => {
    const passages = search.search('sources instructed NCS').filter((r) => r.kind === 'passage');
    const cnn = passages.filter((r) => r.sourceId === 'cnn-venezuela-strike-options');
    expect(cnn.length).toBeGreaterThan(0);
    for (const result of passages)
      expect(result.reworded === true).toBe(result.sourceId === 'cnn-venezuela-strike-options');
  });
});
