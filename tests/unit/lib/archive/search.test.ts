import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { approxContains, createArchiveSearch } from '../../../../lib/archive/search';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { createSearch } from '../../../../lib/knowledge/search';

const pack = packJson as KnowledgePack;

describe('approxContains (fuse.js tolerance on one word)', () => {
  it('finds the pattern with up to maxErrors edits anywhere in the text', () => {
    expect(approxContains('maduro', 'madurro', 2)).toBe(true);
    expect(approxContains('maduro', 'madurro', 1)).toBe(true);
    expect(approxContains('petro', 'petor', 1)).toBe(true);
    expect(approxContains('counternarcotics', 'narcotic', 0)).toBe(true);
    expect(approxContains('maduro', 'xyzzy', 1)).toBe(false);
    expect(approxContains('ab', 'abcdef', 2)).toBe(false);
    expect(approxContains('anything', '', 0)).toBe(true);
  });
});

describe('archive search', () => {
  it('searches today’s pack whole, exactly as the popup does', () => {
    const search = createArchiveSearch(pack);
    expect(search.indexed).toBe(false);
    expect(search.prepare()).toBe(true);
    expect(search.search('Madurro')).toEqual(createSearch(pack).search('Madurro'));
  });

  describe('through the word index (as on a big pack)', () => {
    const indexed = createArchiveSearch(pack, { directBelow: 0 });
    const whole = createSearch(pack);

    it('is built in slices and finished by the first search', () => {
      const sliced = createArchiveSearch(pack, { directBelow: 0 });
      expect(sliced.indexed).toBe(true);
      expect(sliced.prepare(0)).toBe(false);
      expect(sliced.search('Hegseth')[0]?.title).toBe('Pete Hegseth');
      expect(sliced.prepare(0)).toBe(true);
    });

    // Fuse scores each document on its own, so the word index may only drop far-fetched matches
    // (whole-pack fuse finds "Hegseth" in "Netherlands"); what it keeps comes in the same order.
    it.each(['Madurro', 'Hegseth', 'Petor', 'Tren de Aragua', 'narco state', 'fentanyl weapon', 'Sheinbaum'])(
      'finds, in the same order, what searching everything finds for “%s”',
      (query) => {
        const key = (r: { kind: string; id: string }) => `${r.kind}:${r.id}`;
        const found = indexed.search(query, 10).map(key);
        const all = whole.search(query, 500).map(key);
        expect(found[0]).toBe(all[0]);
        const positions = found.map((k) => all.indexOf(k));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      },
    );

    it('keeps lib/knowledge/search.ts’s snippets and marks, and passage ids into the whole pack', () => {
      const passage = indexed.search('narco-state Belgium', 30).find((r) => r.kind === 'passage')!;
      expect(passage).toBeDefined();
      const text = pack.passages[Number(passage.id)]!.text;
      expect(text).toContain(passage.snippet.replace(/^…|…$/g, ''));
      expect(passage.marks.length).toBeGreaterThan(0);
      expect(passage.sourceId).toBe(pack.passages[Number(passage.id)]!.source);
    });

    it('returns nothing for blank, one-letter or unknown queries', () => {
      expect(indexed.search('')).toEqual([]);
      expect(indexed.search('a')).toEqual([]);
      expect(indexed.search('qqqqxxxxzzzz')).toEqual([]);
    });

    it('ranks at most maxCandidates documents', () => {
      const narrow = createArchiveSearch(pack, { directBelow: 0, maxCandidates: 5 });
      expect(narrow.search('drug', 30).length).toBeLessThanOrEqual(5);
      expect(narrow.search('Madurro')[0]?.title).toBe('Nicolás Maduro');
    });
  });
});
