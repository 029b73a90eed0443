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

  it('does not end a sentence at a middle initial', () => {
    expect(found('The bounty set by John Q. Maduro-Critic is $50 million.')).toEqual(['reward-50m']);
    expect(found('The reward went to A. Maduro. It was $50 million.')).toEqual([]);
  });

  it('accepts inflected terms but not longer words', () => {
    expect(found('Fentanyls are now a weapon of mass destruction.')).toEqual(['fentanyl-wmd']);
    expect(found('Unfentanyl is a weapon of mass destruction.')).toEqual([]);
  });
});

describe('findClaims in Spanish', () => {
  const SPANISH: MatchableClaim[] = [
    {
      id: 'wmd',
      statement: 'Fentanyl was declared a weapon of mass destruction.',
      status: 'reported',
      match: {
        terms: [
          ['fentanyl', 'fentanilo'],
          ['weapon of mass destruction', 'arma de destrucción masiva'],
        ],
        figures: [],
      },
    },
    {
      id: 'envoy-six',
      statement: 'The envoy came home with six detainees.',
      status: 'reported',
      match: {
        terms: [
          ['envoy', 'enviado'],
          ['detainees', 'detenidos'],
        ],
        figures: ['6'],
      },
    },
    {
      id: 'troops-10000',
      statement: 'Ten thousand troops were sent.',
      status: 'reported',
      match: { terms: [['troops', 'militares']], figures: ['10,000'] },
    },
    {
      id: 'dead-32',
      statement: 'The strikes killed 32.',
      status: 'reported',
      match: { terms: [['muertos']], figures: ['32'] },
    },
    {
      id: 'boats-22',
      statement: 'Strikes hit 22 boats.',
      status: 'reported',
      match: { terms: [['lanchas']], figures: ['22'] },
    },
    {
      id: 'migrants-11m',
      statement: 'Eleven million migrants.',
      status: 'reported',
      match: { terms: [['migrantes']], figures: ['11 million'] },
    },
  ];
  const spanish = loadClaimMatcher(compileClaimMatcherData(SPANISH));
  const ids = (text: string) => findClaims(spanish, text).map((f) => SPANISH[f.claim]!.id);

  it.each([
    ['La Casa Blanca declaró el fentanilo un arma de destrucción masiva.', 'wmd'],
    ['El enviado volvió con seis detenidos liberados.', 'envoy-six'],
    ['Llegaron unos 10.000 militares a la zona.', 'troops-10000'],
    ['Los ataques dejaron treinta y dos muertos.', 'dead-32'],
    ['Los ataques dejaron Treinta y dos muertos.', 'dead-32'],
    ['Los ataques alcanzaron a veintidós lanchas.', 'boats-22'],
    ['Hay once millones de migrantes sin papeles.', 'migrants-11m'],
  ])('finds %s', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it('reads Spanish counts only where they are counts', () => {
    expect(ids('El enviado volvió con siete detenidos.')).toEqual([]);
    expect(ids('Troops: 10.000 Million was a typo.')).toEqual([]);
    // Tens and units add up to one count: neither "treinta" nor "dos" alone is the figure.
    expect(ids('Los ataques dejaron treinta y tres muertos.')).toEqual([]);
    expect(ids('Los ataques dejaron treinta muertos y dos heridos, 32 en total.')).toEqual(['dead-32']);
    expect(ids('Los ataques dejaron veintitrés muertos en lanchas.')).toEqual([]);
  });
});

describe('findClaims tells events apart', () => {
  const EVENTS: MatchableClaim[] = [
    {
      id: 'licence-reissued',
      statement: 'The oil company’s licence was reissued.',
      status: 'reported',
      match: {
        terms: [['licence', 'license', 'licencia'], ['oilco']],
        figures: [],
        exclude: ['revoked', 'revoking', 'ending', 'revocó'],
      },
    },
    {
      id: 'july-listing',
      statement: 'The group was listed as terrorist in July.',
      status: 'reported',
      match: {
        terms: [['sun cartel'], ['terrorist', 'terrorista']],
        figures: [],
        exclude: ['november', 'noviembre', 'plans to'],
      },
    },
  ];
  const events = loadClaimMatcher(compileClaimMatcherData(EVENTS));
  const ids = (text: string) => findClaims(events, text).map((f) => EVENTS[f.claim]!.id);

  it('finds the event itself', () => {
    expect(ids('Washington gave OilCo a new license to pump crude.')).toEqual(['licence-reissued']);
    expect(ids('The Sun Cartel was put on the terrorist list.')).toEqual(['july-listing']);
  });

  it.each([
    ['The president said he was revoking the license granted to OilCo.', 'the opposite event'],
    ['El gobierno revocó la licencia de OilCo.', 'the opposite event, in Spanish'],
    ['In November the Sun Cartel was designated a terrorist group.', 'a later designation'],
    ['The State Department plans to list the Sun Cartel as terrorist.', 'a designation not yet made'],
  ])('does not take %s for it (%s)', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('vetoes only in the sentence with the excluded word', () => {
    expect(ids('OilCo got its license back. Rivals were ending talks.')).toEqual(['licence-reissued']);
  });
});

describe('findClaims on a dated series', () => {
  const toll = (id: string, figures: string[]): MatchableClaim => ({
    id,
    statement: `Toll entry ${id}.`,
    status: 'reported',
    match: {
      terms: [
        ['killed', 'dead', 'muertos'],
        ['strikes', 'boats', 'ataques'],
      ],
      figures,
      series: 'toll',
    },
  });
  const SERIES = [toll('7-32', ['at least 32', '7']), toll('16-60', ['more than 60', '16'])];
  const series = loadClaimMatcher(compileClaimMatcherData(SERIES));
  const ids = (text: string) => findClaims(series, text).map((f) => SERIES[f.claim]!.id);

  it.each([
    ['At least 32 people were killed in the strikes.', '7-32'],
    ['Strikes on seven boats left 32 dead.', '7-32'],
    ['More than 60 people have been killed in 16 strikes.', '16-60'],
    ['The strikes have killed 62 people so far.', '16-60'],
    ['More than a dozen strikes have killed more than 60 people.', '16-60'],
    ['Los ataques contra 16 lanchas dejaron más de 60 muertos.', '16-60'],
  ])('matches the entry the figure agrees with: %s', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it.each([
    ['At least 43 people have been killed in the strikes.', 'a toll between entries'],
    ['The strikes have killed 75 people.', 'a toll far above the bound'],
    ['At least 32 people have been killed in eight strikes.', 'a strike count of no entry'],
    ['At least 64 people have been killed in the strikes.', 'a later lower bound'],
  ])('matches no entry for %s (%s)', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('findClaims on a sentence that continues the one before', () => {
  const claim = (id: string, terms: string[][], figures: string[] = [], exclude: string[] = []): MatchableClaim => ({
    id,
    statement: `Claim ${id}.`,
    status: 'reported',
    match: { terms, figures, exclude },
  });
  const CONTINUED = [
    claim('next', [
      ['petro', 'colombian leader'],
      ['be next', 'será el siguiente'],
    ]),
    claim('listed', [['terrorist'], ['designated'], ['cartel', 'cartels', 'gangs']]),
    claim('first-boat', [['boat'], ['traffickers'], ['venezuela']], [], ['second']),
    claim('toll-11', [['venezuela'], ['killed']], ['11']),
  ];
  const continued = loadClaimMatcher(compileClaimMatcherData(CONTINUED));
  const ids = (text: string) => findClaims(continued, text).map((f) => CONTINUED[f.claim]!.id);

  it.each([
    ['Trump was asked about Petro. He said the man would be next.', 'next'],
    ['Trump habló de Petro. Él dijo que será el siguiente.', 'next'],
    ['The order named them terrorist groups. Officials then designated six gangs as such.', 'listed'],
    ['A strike hit a boat from Venezuela. They said the boat carried traffickers.', 'first-boat'],
    ['A vessel from Venezuela was struck. They said 11 people were killed.', 'toll-11'],
  ])('takes the subject from the sentence before a pronoun or "as such": %s', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it.each([
    ['Trump was asked about Petro. Maduro will be next, he said.', 'no pronoun opens the sentence'],
    ['Trump was asked about Petro. Markets fell. He said the rival would be next.', 'a sentence between'],
    ['Trump was asked about Petro.\u2029He said the rival would be next.', 'another paragraph'],
    ['The second strike hit a boat from Venezuela. They said the boat carried traffickers.', 'an excluded term before'],
    ['The cartels were named terrorist groups. They were designated in February.', 'two groups from before'],
    ['A vessel from Venezuela was struck. They said 12 people were killed.', 'a figure that differs'],
  ])('needs a continuing sentence with all but one group and its figures: %s (%s)', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('leaves a claim the sentence before states on its own to that sentence', () => {
    const findings = findClaims(continued, 'Trump said Petro would be next. He repeated: “You will be next.”');
    expect(findings.map((f) => [CONTINUED[f.claim]!.id, f.start])).toEqual([['next', 0]]);
  });
});

describe('findClaims on quotations', () => {
  const QUOTE: MatchableClaim[] = [
    {
      id: 'again',
      statement: 'The minister said the blast would happen again.',
      status: 'reported',
      match: { terms: [['minister'], ['happen again']], figures: [] },
    },
  ];
  const quotes = loadClaimMatcher(compileClaimMatcherData(QUOTE));
  const ids = (text: string) => findClaims(quotes, text).map((f) => QUOTE[f.claim]!.id);

  it('reads a quotation of several sentences with its attribution as one statement', () => {
    expect(ids('“We did it. And it will happen again,” the minister said. Other news.')).toEqual(['again']);
    expect(ids('"We did it. It will happen again," the minister said.')).toEqual(['again']);
  });

  it('does not join sentences outside a quotation', () => {
    expect(ids('It will happen again. The minister left.')).toEqual([]);
  });
});

describe('ClaimTally', () => {
  const { tally } = matcher;
  const term = (key: string) => matcher.data.termKeys.indexOf(key);
  const candidates = (terms: string[], inSentence: boolean) => {
    tally.begin();
    for (const key of terms) tally.add(term(key));
    return tally.candidates(inSentence).map((claim) => CLAIMS[claim]!.id);
  };

  it('counts a claim when every one of its groups has a term, however many terms a group has', () => {
    expect(candidates(['sea', 'drugs', 'fell'], false)).toEqual(['sea-94']);
    expect(candidates(['maritime', 'sea', 'narcotics', 'drugs', 'down', 'sea'], false)).toEqual(['sea-94']);
    expect(candidates(['sea', 'maritime', 'drugs'], false)).toEqual([]);
  });

  it('gives the claims in pack order, and starts each round afresh', () => {
    expect(candidates(['wmd', 'maduro', 'fentanyl', 'reward'], false)).toEqual(['reward-50m', 'fentanyl-wmd']);
    expect(candidates(['fentanyl'], false)).toEqual([]);
    expect(candidates([], false)).toEqual([]);
  });
});

describe('ClaimTally with excluded terms', () => {
  const excluding = loadClaimMatcher(
    compileClaimMatcherData([
      {
        id: 'first-strike',
        statement: 'The first strike killed 11.',
        status: 'reported',
        match: { terms: [['strike'], ['killed']], figures: [], exclude: ['second'] },
      },
    ]),
  );
  const { tally } = excluding;
  const run = (terms: string[], inSentence: boolean) => {
    tally.begin();
    for (const key of terms) tally.add(excluding.data.termKeys.indexOf(key));
    return tally.candidates(inSentence);
  };

  it('vetoes a claim within a sentence only', () => {
    expect(run(['strike', 'killed'], true)).toEqual([0]);
    expect(run(['strike', 'second', 'killed'], true)).toEqual([]);
    expect(run(['strike', 'second', 'killed'], false)).toEqual([0]);
    expect(run(['strike', 'killed'], true)).toEqual([0]);
  });

  it("keeps each term's groups and vetoes apart when terms are shared by several claims", () => {
    const shared = loadClaimMatcher(
      compileClaimMatcherData(
        ['a', 'b', 'c'].map((id) => ({
          id,
          statement: `Claim ${id}.`,
          status: 'reported',
          match: {
            terms: id === 'c' ? [['second'], ['strike', 'boat']] : [['strike'], ['killed', 'boat']],
            figures: [],
            exclude: id === 'c' ? [] : ['second'],
          },
        })),
      ),
    );
    const add = (terms: string[], inSentence: boolean) => {
      shared.tally.begin();
      for (const key of terms) shared.tally.add(shared.data.termKeys.indexOf(key));
      return shared.tally.candidates(inSentence);
    };
    expect(add(['strike', 'boat'], true)).toEqual([0, 1]);
    expect(add(['strike', 'boat', 'second'], true)).toEqual([2]);
    expect(add(['strike', 'boat', 'second'], false)).toEqual([0, 1, 2]);
    expect(add(['second', 'killed'], true)).toEqual([]);
  });
});
