import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { findClaims } from '../../../../lib/claims/match';
import {
  claimFindingData,
  claimRecord,
  entityFindingData,
  entityRecord,
  pageFindingsData,
} from '../../../../lib/findings/finding-data';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { type MatcherData, loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';

const matcher = loadMatcher(matcherDataFromPack(packJson as unknown as KnowledgePack));
const text =
  'Nicolás Maduro met the DEA in Caracas. Maduro denied it. The bounty on Maduro has been doubled to $50 million.';
const entities = findEntities(matcher, text);
const claims = findClaims(matcher.claims, text);
const maduro = matcher.data.entities.findIndex((e) => e.id === 'nicolas-maduro');

/** The same data with one entity and every claim said to come from an imported pack. */
const withImported: MatcherData = {
  ...matcher.data,
  entities: matcher.data.entities.map((e, i) => (i === maduro ? { ...e, pack: 'mine' } : e)),
  claims: { ...matcher.data.claims, claims: matcher.data.claims.claims.map((c) => ({ ...c, pack: 'mine' })) },
};

describe('from a matcher finding to its record', () => {
  it('names an entity and a claim by id, with the pack only for an imported one', () => {
    expect(entityRecord(matcher.data, maduro)).toEqual({
      id: 'nicolas-maduro',
      name: 'Nicolás Maduro',
      type: 'person',
    });
    expect(entityRecord(withImported, maduro)).toMatchObject({ id: 'nicolas-maduro', pack: 'mine' });
    expect(claimRecord(matcher.data, claims[0]!.claim)).toEqual({
      id: 'maduro-arrest-reward-doubled-to-50-million',
      statement: expect.any(String),
      status: 'supported',
    });
  });

  it('gives one export record per mention, and the matched words only when asked (the CLI)', () => {
    const first = entities[0]!;
    expect(entityFindingData(matcher.data, first)).toEqual({
      id: 'nicolas-maduro',
      name: 'Nicolás Maduro',
      type: 'person',
      start: 0,
      end: 14,
      alias: first.alias,
      rule: first.rule,
    });
    expect(entityFindingData(matcher.data, first, text)).toMatchObject({ text: 'Nicolás Maduro' });
    const confirmed = entities.find((e) => text.slice(e.start, e.end) === 'Maduro')!;
    expect(entityFindingData(matcher.data, confirmed).cue).toBe(confirmed.cue);
    expect(claimFindingData(matcher.data, claims[0]!, text).text).toBe(
      'The bounty on Maduro has been doubled to $50 million.',
    );
    expect(claimFindingData(matcher.data, claims[0]!)).not.toHaveProperty('text');
  });

  it('exports a page from the bundled pack only', () => {
    const page = { url: 'https://news.example/a', title: 'A', text };
    const all = pageFindingsData(matcher.data, page, { entities, claims });
    expect(all).toMatchObject(page);
    expect(all.entities).toHaveLength(entities.length);
    expect(all.claims).toHaveLength(claims.length);
    const bundledOnly = pageFindingsData(withImported, page, { entities, claims });
    expect(bundledOnly.entities.map((e) => e.id)).not.toContain('nicolas-maduro');
    expect(bundledOnly.entities).toHaveLength(entities.filter((e) => e.entity !== maduro).length);
    expect(bundledOnly.claims).toEqual([]);
  });
});
