import { describe, expect, it } from 'vitest';
import { compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { collectCandidates, nameTargets, newCandidates, sameCaseAt } from '../../../../lib/matcher/candidates';
import type { HitBuffer } from '../../../../lib/scan/hit-buffer';
import { foldKey } from '../../../../lib/text/fold';

const records = (buffer: HitBuffer) =>
  Array.from({ length: buffer.length }, (_, i) => Array.from({ length: buffer.width }, (_, f) => buffer.get(i, f)));

/** sameCaseAt over a whole string, with the alias folded as the matcher folds it. */
const same = (found: string, alias: string) => {
  const key = foldKey(alias, true);
  return sameCaseAt(found, 0, found.length, key, key === key.toLowerCase());
};

describe('sameCaseAt', () => {
  it('matches the alias letter for letter, through diacritics, quotes and separator runs', () => {
    expect(same('TdA', 'TdA')).toBe(true);
    expect(same('TDA', 'TdA')).toBe(false);
    expect(same('tda', 'TdA')).toBe(false);
    expect(same('MS\u00a0-\u00a013', 'MS-13')).toBe(true);
    expect(same('Ms-13', 'MS-13')).toBe(false);
    expect(same('Petró’s', "Petro's")).toBe(true);
    expect(same('Petro', 'Petros')).toBe(false);
    expect(same('Petros', 'Petro')).toBe(false);
  });

  it('lets a lower-case alias start a sentence with a capital, and nothing else', () => {
    expect(same('coca', 'coca')).toBe(true);
    expect(same('Coca', 'coca')).toBe(true);
    expect(same('COCA', 'coca')).toBe(false);
    expect(same('coCa', 'coca')).toBe(false);
    // A capitalised alias is not found in lower case.
    expect(same('ford', 'Ford')).toBe(false);
  });

  it('reads only text[start, end)', () => {
    const text = 'the TdA gang';
    expect(sameCaseAt(text, 4, 7, 'TdA', false)).toBe(true);
    expect(sameCaseAt(text, 3, 7, 'TdA', false)).toBe(true);
    expect(sameCaseAt(text, 4, 8, 'TdA', false)).toBe(true);
    expect(sameCaseAt(text, 4, 6, 'TdA', false)).toBe(false);
  });
});

describe('collectCandidates', () => {
  const matcher = loadMatcher(
    compileMatcherData(
      'test',
      [
        {
          id: 'petro',
          type: 'person',
          name: 'Gustavo Petro',
          aliases: ['Petro'],
          ambiguous: ['Petro'],
          cues: ['Bogotá'],
          caseSensitive: [],
        },
        {
          id: 'tda',
          type: 'armed-group',
          name: 'Tren de Aragua',
          aliases: ['TdA'],
          ambiguous: [],
          cues: [],
          caseSensitive: ['TdA'],
        },
      ],
      [
        {
          id: 'c',
          statement: 'Strikes hit boats.',
          status: 'reported',
          match: { terms: [['strike'], ['boat']], figures: [] },
        },
      ],
      { terms: ['cartel'], broadTerms: ['drugs'], minDistinct: 2 },
    ),
  );
  const pattern = (key: string) => matcher.data.keys.indexOf(key);

  it('keeps names, cues, topic words and claim terms as records, each checked where it lands', () => {
    const text = 'Petro, in Bogotá: TdA and TDA strikes on a boat; cartel drugs; Petrobras.';
    const candidates = newCandidates();
    collectCandidates(matcher, text, candidates);
    expect(records(candidates.spans)).toEqual([
      [0, 5, pattern('petro')],
      [18, 21, pattern('tda')],
    ]);
    expect(records(candidates.cues)).toEqual([[0, 10, 16, pattern('bogota')]]);
    expect(records(candidates.topicHits)).toEqual([
      [49, pattern('cartel'), 0],
      [56, pattern('drugs'), 1],
    ]);
    const terms = matcher.data.claims.termKeys;
    expect(records(candidates.terms)).toEqual([
      [terms.indexOf('strike'), 30],
      [terms.indexOf('boat'), 43],
    ]);
  });

  it('adds the hits of each slice to what earlier slices found', () => {
    const text = 'Petro spoke.\u2029In Bogotá, Petro.';
    const candidates = newCandidates();
    collectCandidates(matcher, text, candidates, 0, 13);
    collectCandidates(matcher, text, candidates, 13, text.length);
    expect(records(candidates.spans).map(([start]) => start)).toEqual([0, 24]);
    expect(records(candidates.cues).map(([, start]) => start)).toEqual([16]);
  });

  it('gives a kept span the name targets that passed its checks', () => {
    expect(nameTargets(matcher, 'the TdA', 4, 7, pattern('tda')).map((t) => t.text)).toEqual(['TdA']);
    expect(nameTargets(matcher, 'the TDA', 4, 7, pattern('tda'))).toEqual([]);
    expect(nameTargets(matcher, 'Petro', 0, 5, pattern('petro')).map((t) => t.text)).toEqual(['Petro']);
  });
});
