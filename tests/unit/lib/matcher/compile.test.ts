import { describe, expect, it } from 'vitest';
import {
  type MatchableEntity,
  type MatcherData,
  compileMatcherData,
  isCaseSensitiveAlias,
  loadMatcher,
} from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';

function entity(id: string, name: string, rest: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, type: 'person', name, aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const maduro = entity('nicolas-maduro', 'Nicolás Maduro', {
  aliases: ['Nicolas Maduro', 'Maduro', 'Nicolás Maduro'],
  ambiguous: ['Maduro'],
  cues: ['Venezuela', 'Caracas'],
});
const dea = entity('dea', 'Drug Enforcement Administration', { type: 'agency', aliases: ['DEA'] });
const venezuela = entity('venezuela', 'Venezuela', { type: 'place', aliases: ['Bolivarian Republic of Venezuela'] });

describe('isCaseSensitiveAlias', () => {
  const plain = entity('x', 'X');
  it.each([
    ['DEA', true],
    ['FBI', true],
    ['MS-13', true],
    ['U.S.', true],
    ['AMLO', true],
    ['AT&T', true],
    ['OCDETF', true],
    ['FARC-EP', false], // 7 characters: longer than an automatic acronym
    ['A', false],
    ['X1', false], // needs two capitals
    ['Dea', false],
    ['TdA', false],
    ['Maduro', false],
    ['dea', false],
  ])('%j -> %s', (alias, expected) => {
    expect(isCaseSensitiveAlias(alias, plain)).toBe(expected);
  });

  it('is true for aliases listed as caseSensitive or ambiguous', () => {
    const e = entity('tren-de-aragua', 'Tren de Aragua', {
      aliases: ['TdA', 'Aragua', 'the Train'],
      caseSensitive: ['TdA'],
      ambiguous: ['Aragua'],
      cues: ['Venezuela'],
    });
    expect(isCaseSensitiveAlias('TdA', e)).toBe(true);
    expect(isCaseSensitiveAlias('Aragua', e)).toBe(true);
    expect(isCaseSensitiveAlias('the Train', e)).toBe(false);
    expect(isCaseSensitiveAlias('Tren de Aragua', e)).toBe(false);
  });
});

describe('compileMatcherData', () => {
  const data = compileMatcherData('2025-12-15+abc', [maduro, dea, venezuela]);

  it('keeps only id, name and type of each entity, in order', () => {
    expect(data.version).toBe('2025-12-15+abc');
    expect(data.entities).toEqual([
      { id: 'nicolas-maduro', name: 'Nicolás Maduro', type: 'person' },
      { id: 'dea', name: 'Drug Enforcement Administration', type: 'agency' },
      { id: 'venezuela', name: 'Venezuela', type: 'place' },
    ]);
  });

  it('folds keys and merges aliases that fold alike', () => {
    expect(data.keys).toEqual([
      'nicolas maduro',
      'maduro',
      'venezuela',
      'caracas',
      'drug enforcement administration',
      'dea',
      'bolivarian republic of venezuela',
    ]);
    expect(data.targets).toHaveLength(data.keys.length);
  });

  it('lists the name once even when repeated among the aliases, and the accent-free variant separately', () => {
    expect(data.targets[0]).toEqual([
      { entity: 0, text: 'Nicolás Maduro' },
      { entity: 0, text: 'Nicolas Maduro' },
    ]);
  });

  it('flags ambiguous aliases (and makes them case-sensitive), acronyms and cues', () => {
    expect(data.targets[1]).toEqual([{ entity: 0, text: 'Maduro', caseSensitive: true, ambiguous: true }]);
    expect(data.targets[5]).toEqual([{ entity: 1, text: 'DEA', caseSensitive: true }]);
    expect(data.targets[3]).toEqual([{ entity: 0, text: 'Caracas', cue: true }]);
  });

  it("puts a cue and another entity's name that fold alike under one key", () => {
    expect(data.targets[2]).toEqual([
      { entity: 0, text: 'Venezuela', cue: true },
      { entity: 2, text: 'Venezuela' },
    ]);
  });

  it('puts aliases shared by two entities under one key with both targets', () => {
    const shared = compileMatcherData('v', [
      entity('mike-johnson', 'Mike Johnson', { aliases: ['Johnson'], ambiguous: ['Johnson'], cues: ['Louisiana'] }),
      entity('boris-johnson', 'Boris Johnson', { aliases: ['JOHNSON'], ambiguous: ['JOHNSON'], cues: ['Brexit'] }),
    ]);
    const index = shared.keys.indexOf('johnson');
    expect(shared.keys.filter((k) => k === 'johnson')).toHaveLength(1);
    expect(shared.targets[index]).toEqual([
      { entity: 0, text: 'Johnson', caseSensitive: true, ambiguous: true },
      { entity: 1, text: 'JOHNSON', caseSensitive: true, ambiguous: true },
    ]);
  });

  it('skips aliases that fold to nothing and duplicate cues', () => {
    const odd = compileMatcherData('v', [entity('x', 'X Corp', { aliases: [' - ', ''], cues: ['Y', 'y', 'Y'] })]);
    expect(odd.keys).toEqual(['x corp', 'y']);
    expect(odd.targets[1]).toEqual([
      { entity: 0, text: 'Y', cue: true },
      { entity: 0, text: 'y', cue: true },
    ]);
  });

  it('leaves summaries and other pack fields out', () => {
    const withExtras = { ...dea, summary: 'secret', passages: [1, 2] } as MatchableEntity;
    const json = JSON.stringify(compileMatcherData('v', [withExtras]));
    expect(json).not.toContain('secret');
    expect(json).not.toContain('passages');
  });
});

describe('loadMatcher', () => {
  it('builds an automaton with one pattern per key', () => {
    const data = compileMatcherData('v', [maduro, dea, venezuela]);
    const matcher = loadMatcher(data);
    expect(matcher.data).toBe(data);
    expect([...matcher.automaton.patternLength]).toEqual(data.keys.map((k) => k.length));
  });

  it('works the same from data that went through JSON (as the build ships it)', () => {
    const data = compileMatcherData('v', [maduro, dea, venezuela]);
    const shipped = JSON.parse(JSON.stringify(data)) as MatcherData;
    const text =
      'Nicolas Maduro and the DEA. Later Maduro spoke in Caracas; the dea did not. Bolivarian Republic of Venezuela.';
    const direct = findEntities(loadMatcher(data), text);
    expect(findEntities(loadMatcher(shipped), text)).toEqual(direct);
    expect(direct.map((f) => [data.entities[f.entity]!.id, text.slice(f.start, f.end), f.rule])).toEqual([
      ['nicolas-maduro', 'Nicolas Maduro', 'alias'],
      ['dea', 'DEA', 'alias'],
      ['nicolas-maduro', 'Maduro', 'name-on-page'],
      ['venezuela', 'Bolivarian Republic of Venezuela', 'alias'],
    ]);
  });
});
