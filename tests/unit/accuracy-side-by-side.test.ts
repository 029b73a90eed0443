/**
 * tests/accuracy/side-by-side.ts, on a small pack and texts written for this test: the team set's
 * figures per language and as one mixed page, the corpus scored by overlapping spans, and the table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AnnotationPack, matcherFromPack } from '../../lib/findings/annotate';
import type { MatchableEntity } from '../../lib/matcher/compile';
import { corpusFigures, findCorpus, formatSideBySide, teamSetFigures } from '../accuracy/side-by-side';

function entity(id: string, name: string, rest: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, type: 'person', name, aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const pack = {
  version: 'test',
  entities: [
    entity('rand-paul', 'Rand Paul', { aliases: ['Paul'], ambiguous: ['Paul'], cues: ['Kentucky'] }),
    entity('hegseth', 'Pete Hegseth', { aliases: ['Hegseth'] }),
  ],
  claims: [],
} as unknown as AnnotationPack;
const matcher = matcherFromPack(pack);

describe('the team set side by side', () => {
  const sentences = [
    { text: 'Hegseth spoke to the senators on Tuesday.', entities: ['hegseth'], claims: [] },
    { text: 'El secretario Hegseth habló con los senadores.', entities: ['hegseth'], claims: [] },
    { text: 'Rand Paul said the strikes were unlawful.', entities: ['rand-paul'], claims: [] },
    { text: 'Paul scored twice in the second half.', entities: [], claims: [] },
  ];

  it('counts each language apart and both together', () => {
    const figures = teamSetFigures(pack, sentences, matcher);
    expect(figures.entities.en).toEqual({ found: 2, expected: 2, correct: 2, predicted: 2 });
    expect(figures.entities.es).toEqual({ found: 1, expected: 1, correct: 1, predicted: 1 });
    expect(figures.entities.all).toEqual({ found: 3, expected: 3, correct: 3, predicted: 3 });
    expect(figures.traps).toEqual({ texts: 1, falseHighlights: 0 });
  });

  it("joins the set into one page, where the trap sentence borrows its neighbour's context", () => {
    // Plain text has no story marks: "Rand Paul" one sentence up confirms the footballer.
    expect(teamSetFigures(pack, sentences, matcher).mixed).toEqual({ correct: 3, predicted: 4 });
  });
});

describe('the development corpus side by side', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const on = 'Rand Paul questioned Hegseth. Paul asked for the legal basis.';
  const texts = [
    { id: 't1', lang: 'en', text: on },
    { id: 't2', lang: 'en', text: 'Paul scored twice.', trap: true },
  ];
  const labels = [
    {
      id: 't1',
      entities: [
        { start: 0, end: 9, entity: 'rand-paul' },
        { start: 21, end: 28, entity: 'hegseth' },
        { start: 30, end: 34, entity: 'rand-paul' },
      ],
      claims: [],
    },
    { id: 't2', entities: [], claims: [] },
  ];
  writeFileSync(join(dir, 'articles.json'), JSON.stringify(texts));
  writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));

  it('scores mentions by overlap, traps apart, and the texts joined as one page', () => {
    const figures = corpusFigures(dir, matcher);
    expect(figures.entities.en).toEqual({ found: 3, expected: 3, correct: 3, predicted: 3 });
    expect(figures.entities.es).toEqual({ found: 0, expected: 0, correct: 0, predicted: 0 });
    expect(figures.traps).toEqual({ texts: 1, falseHighlights: 0 });
    // On one page the trap's "Paul" follows the senator's story after a blank line.
    expect(figures.mixed).toEqual({ correct: 3, predicted: 4 });
  });

  it('is looked for beside the project, and the table says when it is absent', () => {
    expect(findCorpus(join(dir, 'nowhere'))).toBeUndefined();
    const team = teamSetFigures(pack, [{ text: 'Hegseth spoke.', entities: ['hegseth'], claims: [] }], matcher);
    const table = formatSideBySide(team, undefined);
    expect(table).toContain('entities en');
    expect(table).toContain('P 100.0%  R 100.0%');
    expect(table).toContain('../shared/realtext is not here');
    expect(formatSideBySide(team, corpusFigures(dir, matcher))).toContain('dev corpus (../shared/realtext)');
  });
});
