import { describe, expect, it } from 'vitest';
import {
  type MatchableClaim,
  compileClaimMatcherData,
  findClaims,
  loadClaimMatcher,
} from '../../../../lib/claims/match';

const CLAIMS: MatchableClaim[] = [
  {
    id: 'sea-94',
    statement: 'Drugs arriving by sea fell by 94 percent.',
    status: 'needs-context',
    match: {
      terms: [
        ['sea', 'maritime'],
        ['drugs', 'narcotics'],
        ['fell', 'dropped', 'down'],
      ],
      figures: ['94%'],
    },
  },
  {
    id: 'reward-50m',
    statement: 'The reward for Maduro is $50 million.',
    status: 'supported',
    match: { terms: [['reward', 'bounty'], ['maduro']], figures: ['$50 million'] },
  },
  {
    id: 'fentanyl-wmd',
    statement: 'Fentanyl was declared a weapon of mass destruction.',
    status: 'reported',
    match: { terms: [['fentanyl'], ['weapon of mass destruction', 'wmd']], figures: [] },
  },
];

const matcher = loadClaimMatcher(compileClaimMatcherData(CLAIMS));
const found = (text: string) => findClaims(matcher, text).map((f) => CLAIMS[f.claim]!.id);

describe('findClaims', () => {
  it.each([
    ['Maritime narcotics traffic has dropped 94% this year, the president said.', 'sea-94'],
    ['Drugs reaching the US by sea are down by ninety-four per cent.', 'sea-94'],
    ['The bounty on Maduro’s head now stands at $50m.', 'reward-50m'],
    ['A reward of 50 million dollars is offered for Nicolás Maduro.', 'reward-50m'],
    ['The order classifies fentanyl as a WMD.', 'fentanyl-wmd'],
    ['Fentanyl is now legally a weapon of mass destruction.', 'fentanyl-wmd'],
  ])('finds a paraphrase: %s', (text, id) => {
    expect(found(text)).toEqual([id]);
  });

  it.each([
    ['Drugs arriving by sea fell by 97 percent.', 'a different percentage'],
    ['The reward for Maduro was raised to $25 million.', 'a different amount'],
    ['Drugs arriving by sea fell sharply.', 'the figure is missing'],
    ['The sea was calm and the fishing fell off.', 'a term group is missing'],
    ['Fentanyl deaths fell in Ohio.', 'only one term group'],
  ])('does not match when %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('returns the sentence that states the claim, with offsets into the original text', () => {
    const text = 'Other news first. The\nreward for Maduro is $50\u00a0million now. More later.';
    const [finding] = findClaims(matcher, text);
    expect(text.slice(finding!.start, finding!.end)).toBe('The\nreward for Maduro is $50\u00a0million now.');
  });

  it('needs every term inside one sentence', () => {
    expect(found('Drugs come by sea. Traffic fell by 94 percent.')).toEqual([]);
  });

  it('accepts inflected terms but not longer words', () => {
    expect(found('Fentanyls are now a weapon of mass destruction.')).toEqual(['fentanyl-wmd']);
    expect(found('Unfentanyl is a weapon of mass destruction.')).toEqual([]);
  });
});
