import { describe, expect, it } from 'vitest';
import { type MatchableEntity, compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';

function entity(id: string, name: string, rest: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, name, type: 'place', aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const matcher = loadMatcher(
  compileMatcherData(
    'test',
    [
      entity('united-states', 'United States', { background: true }),
      entity('venezuela', 'Venezuela'),
      entity('brussels', 'Brussels', { exclude: ['Brussels sprouts'] }),
      entity('coca', 'coca', {
        type: 'drug',
        ambiguous: ['coca'],
        cues: ['cocaine', 'growers'],
        exclude: ['Coca-Cola'],
      }),
      entity('stephen-miller', 'Stephen Miller', {
        type: 'person',
        aliases: ['Miller'],
        ambiguous: ['Miller'],
        cues: ['White House', 'deputy chief of staff'],
      }),
    ],
    [],
    { terms: ['cartel', 'cartels', 'fentanyl', 'cocaine'], minDistinct: 2 },
  ),
);

const ids = (text: string, options = {}) =>
  findEntities(matcher, text, options).map((f) => [matcher.data.entities[f.entity]!.id, text.slice(f.start, f.end)]);

describe('topic gate', () => {
  it('keeps background entities quiet on a page about something else', () => {
    expect(ids('The United States beat Canada in the final.')).toEqual([]);
  });

  it('highlights them once the page is about the subject', () => {
    expect(ids('The United States says cartels move fentanyl north.')).toEqual([['united-states', 'United States']]);
  });

  it('needs as many different topic words as the pack asks for', () => {
    expect(ids('The United States and the cartel. Another cartel.')).toEqual([]);
  });

  it('can be told the text comes from a page on the subject', () => {
    expect(ids('The United States beat Canada.', { assumeOnTopic: true })).toEqual([
      ['united-states', 'United States'],
    ]);
  });

  it('does not gate entities that are not background', () => {
    expect(ids('Venezuela won the match.')).toEqual([['venezuela', 'Venezuela']]);
  });

  it('does not let scattered cues confirm an ambiguous name off the subject', () => {
    const filler = ' Nothing else happened.'.repeat(40);
    const page = `Miller scored twice.${filler} The White House lawn hosted a deputy chief of staff.${filler} Miller again.`;
    expect(ids(page)).toEqual([]);
    expect(ids(`${page} Cartels and fentanyl.`).map(([id]) => id)).toContain('stephen-miller');
  });
});

describe('exclusions', () => {
  it.each([
    ['Brussels sprouts are in season.', []],
    ['A Brussels court ruled on Monday.', [['brussels', 'Brussels']]],
    ['Coca-Cola shares rose while cocaine seizures grew.', []],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('lower-case ambiguous aliases', () => {
  it('may start a sentence with a capital', () => {
    expect(ids('Coca growers protested as cocaine output rose.')).toEqual([['coca', 'Coca']]);
  });

  it('still need their context', () => {
    expect(ids('Coca is a plant.')).toEqual([]);
  });

  it('do not match other capitalisations', () => {
    expect(ids('COCA growers and cocaine.')).toEqual([]);
  });
});

describe('one pass for names, topic words and claim terms', () => {
  it('keeps a claim term that is also a topic word', async () => {
    const { compileMatcherData: compile, loadMatcher: load } = await import('../../../../lib/matcher/compile');
    const { collectCandidates, newCandidates } = await import('../../../../lib/matcher/find');
    const { claimsFromHits } = await import('../../../../lib/claims/match');
    const m = load(
      compile(
        'v',
        [],
        [
          {
            id: 'c',
            statement: 'Cocaine seizures doubled.',
            status: 'reported',
            match: { terms: [['cocaine'], ['seizures', 'seized']], figures: [] },
          },
        ],
        { terms: ['cocaine', 'cartel'], minDistinct: 2 },
      ),
    );
    const text = 'Police seized cocaine in the port.';
    const candidates = newCandidates();
    collectCandidates(m, text, candidates);
    expect(candidates.topicHits.length).toBe(1);
    expect(claimsFromHits(m.claims, text, candidates.terms).map((f) => m.data.claims.claims[f.claim]!.id)).toEqual([
      'c',
    ]);
  });
});

describe('a story that states a claim is on the subject', () => {
  const m = loadMatcher(
    compileMatcherData(
      'c',
      [entity('united-states', 'United States', { background: true })],
      [
        {
          id: 'seizure',
          statement: 'Cocaine was seized at the port.',
          status: 'reported',
          match: { terms: [['cocaine'], ['seized']], figures: [] },
        },
      ],
      { terms: ['cartel', 'fentanyl'], minDistinct: 2 },
    ),
  );
  const named = (text: string, options = {}) =>
    findEntities(m, text, options).map((f) => m.data.entities[f.entity]!.id);
  const stating = 'The United States seized cocaine at the port.';

  it('finds the claims itself when not told', () => {
    expect(named(stating)).toEqual(['united-states']);
    expect(named('The United States beat Canada.')).toEqual([]);
  });

  it('reads where claims start from the caller when it has found them already (the page scan)', () => {
    expect(named(stating, { claimStarts: [] })).toEqual([]);
    expect(named('The United States beat Canada.', { claimStarts: [0] })).toEqual(['united-states']);
  });
});
