import { describe, expect, it } from 'vitest';
import { type MatchableEntity, compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { MAX_MISSPELT_TEXT, findEntities } from '../../../../lib/matcher/find';
import { decodeMatcherData, encodeMatcherData } from '../../../../lib/matcher/lazy-data';
import { longNames, nearSpellings } from '../../../../lib/matcher/near-spelling';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { matcherDataFromPack } from '../../../../lib/matcher/compile';

function entity(id: string, name: string, rest: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, name, type: 'person', aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const matcher = loadMatcher(
  compileMatcherData(
    'test',
    [
      entity('nicolas-maduro', 'Nicolás Maduro', { aliases: ['Nicolas Maduro'] }),
      entity('pete-hegseth', 'Pete Hegseth'),
      entity('gustavo-petro', 'Gustavo Petro'),
      entity('claudia-sheinbaum', 'Claudia Sheinbaum', { aliases: ['Sheinbaum'] }),
      entity('donald-trump', 'Donald Trump', { aliases: ['Trump'] }),
      entity('latin-america', 'Latin America', { type: 'place', background: true }),
      entity('venezuela', 'Venezuela', { type: 'place' }),
      entity('oscar-ramirez', 'Óscar Ramírez'),
    ],
    [],
    { terms: ['cartel', 'cartels', 'drug boats', 'cocaine'], minDistinct: 2 },
  ),
);

const found = (text: string) =>
  findEntities(matcher, text).map((f) => [matcher.data.entities[f.entity]!.id, text.slice(f.start, f.end), f.rule]);

describe('long names written with a typo', () => {
  it('reads them as the name in a story on the subject, and says so', () => {
    expect(found('Nicolas Madura accused Washington of arming the cartels that ship cocaine.')).toEqual([
      ['nicolas-maduro', 'Nicolas Madura', 'near-spelling'],
    ]);
    expect(found('Venezuela says Pete Hegsteh ordered more strikes.')).toEqual([
      ['venezuela', 'Venezuela', 'alias'],
      ['pete-hegseth', 'Pete Hegsteh', 'near-spelling'],
    ]);
    expect(found("Strikes on drug boats went on, and Pete Hegset's aides defended the cartels policy.")).toEqual([
      ['pete-hegseth', 'Pete Hegset', 'near-spelling'],
    ]);
  });

  it('says which name it stands for and how the page wrote it', () => {
    const [finding] = findEntities(matcher, 'Venezuela: Nicolás Madura spoke on Monday.').slice(1);
    expect(finding).toMatchObject({ alias: 'Nicolás Maduro', cue: 'Nicolás Madura', rule: 'near-spelling' });
  });

  it('leaves them alone in a story about something else', () => {
    expect(found('Nicolas Madura won the regional chess open on Sunday.')).toEqual([]);
  });

  it('leaves short names, words that only add letters, and two typos alone', () => {
    // "Petro" is too short to carry a typo: "Gustavo Pedro" is someone else.
    expect(found('Venezuela hosted Gustavo Pedro.')).toEqual([['venezuela', 'Venezuela', 'alias']]);
    // A demonym is not a typo of the place.
    expect(found('Cartels move cocaine through Latin American ports.')).toEqual([]);
    // Every word off, or two typos in one word, is too far.
    expect(found('Venezuela: Nicolaz Madura and Pete Hgesteh.')).toEqual([['venezuela', 'Venezuela', 'alias']]);
    // The first letter must be right.
    expect(found('Venezuela: Nicolas Naduro spoke.')).toEqual([['venezuela', 'Venezuela', 'alias']]);
  });

  it('needs the words written as a name: capitalised, one space apart', () => {
    expect(found('Venezuela: nicolas madura spoke.')).toEqual([['venezuela', 'Venezuela', 'alias']]);
    expect(found('Venezuela: Nicolas\n\nMadura spoke.')).toEqual([['venezuela', 'Venezuela', 'alias']]);
  });

  it('is the outermost name: it takes over the names found inside it', () => {
    expect(found('Cluadia Sheinbaum spoke about the cartels and fentanyl... cocaine.')).toEqual([
      ['claudia-sheinbaum', 'Cluadia Sheinbaum', 'near-spelling'],
    ]);
    // "Donlad" joined to "Trump" alone reads as someone else's name; misspelt, it is his.
    expect(found('Donlad Trump threatened the cartels that move cocaine.')).toEqual([
      ['donald-trump', 'Donlad Trump', 'near-spelling'],
    ]);
    // Off the subject nothing changes: joined to another capitalised word, the surname is someone else's.
    expect(found('Cluadia Sheinbaum opened the book fair.')).toEqual([]);
  });

  it('are looked for in texts up to MAX_MISSPELT_TEXT long, not in longer ones', () => {
    const story = 'Nicolas Madura accused Washington of arming the cartels that ship cocaine.';
    const padding = (length: number) =>
      `${'Harbour news of the day. '.repeat(Math.ceil(length / 25)).slice(0, length)}\n\n`;
    const atLimit = padding(MAX_MISSPELT_TEXT - story.length - 2) + story;
    expect(atLimit.length).toBe(MAX_MISSPELT_TEXT);
    expect(found(atLimit).map(([id, , rule]) => [id, rule])).toEqual([['nicolas-maduro', 'near-spelling']]);
    expect(found(padding(MAX_MISSPELT_TEXT) + story)).toEqual([]);
  });

  it('never overrides a name spelt right', () => {
    expect(found('Venezuela: Nicolás Maduro spoke.')).toEqual([
      ['venezuela', 'Venezuela', 'alias'],
      ['nicolas-maduro', 'Nicolás Maduro', 'alias'],
    ]);
  });
});

describe('nearSpellings, where capitalised words begin', () => {
  const spelt = (text: string) => nearSpellings(matcher.data, text).map((f) => text.slice(f.start, f.end));

  it('reads words that begin with a capital past ASCII, and a name after a quotation mark', () => {
    expect(spelt('Then Óscar Ramirex spoke.')).toEqual(['Óscar Ramirex']);
    expect(spelt('“Nicolas Madura” was named, and ‘Pete Hegsteh’ too.')).toEqual(['Nicolas Madura', 'Pete Hegsteh']);
  });

  it('reads a name at the very start and the very end of the text, and words a no-break space apart', () => {
    expect(spelt('Nicolas Madura')).toEqual(['Nicolas Madura']);
    expect(spelt('They met Pete\u00a0Hegsteh')).toEqual(['Pete\u00a0Hegsteh']);
  });

  it('takes no capital inside a word as a word of its own', () => {
    expect(spelt('xNicolas Madura')).toEqual([]);
    expect(spelt('éNicolas Madura')).toEqual([]);
    expect(spelt('Mr Nicolas Madura')).toEqual(['Nicolas Madura']);
  });

  it('finds every name of a long text with many capitalised words between them', () => {
    const filler = 'The Quick Brown Fox, Jumps Over. '.repeat(200);
    expect(spelt(`${filler}Nicolas Madura ${filler}Pete Hegsteh, ${filler}`)).toEqual([
      'Nicolas Madura',
      'Pete Hegsteh',
    ]);
  });

  it('gives a name written again, in this text or another, at the place it is written there', () => {
    const text = 'Nicolas Madura spoke. Then Nicolas Madura left, and Pete Hegsteh came.';
    expect(nearSpellings(matcher.data, text).map((f) => [f.start, f.end, f.alias])).toEqual([
      [0, 14, 'Nicolás Maduro'],
      [27, 41, 'Nicolás Maduro'],
      [52, 64, 'Pete Hegseth'],
    ]);
    expect(nearSpellings(matcher.data, `Today ${text}`).map((f) => f.start)).toEqual([6, 33, 58]);
    // The same words in a longer run read as that run: here the name starts a word later.
    expect(spelt('Minister Nicolas Madura spoke.')).toEqual(['Nicolas Madura']);
  });

  it('stays right past the number of runs it remembers', () => {
    // 5,000 different runs: the name followed by a different word each time.
    const word = (i: number) => [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
    const text = Array.from({ length: 5000 }, (_, i) => `Nicolas Madura Z${word(i)}`).join('. ');
    const found = nearSpellings(matcher.data, text);
    expect(found).toHaveLength(5000);
    expect(found.every((f) => text.slice(f.start, f.end) === 'Nicolas Madura')).toBe(true);
    expect(spelt('Then Nicolas Madura Zb spoke.')).toEqual(['Nicolas Madura']);
  });
});

describe('long names made at build time', () => {
  const found = (data: typeof matcher.data, text: string) =>
    nearSpellings(data, text).map((f) => [f.entity, f.start, f.end, f.alias]);

  it('travel in the head of a small pack, folded, and the search finds the same names with them', () => {
    const encoded = encodeMatcherData(matcher.data);
    expect((JSON.parse(encoded.head) as { longNames: unknown }).longNames).toEqual([
      [0, 'nicolas', 'maduro'],
      [1, 'pete', 'hegseth'],
      [2, 'gustavo', 'petro'],
      [3, 'claudia', 'sheinbaum'],
      [4, 'donald', 'trump'],
      [5, 'latin', 'america'],
      [7, 'oscar', 'ramirez'],
    ]);
    const decoded = decodeMatcherData(encoded);
    const text = 'Nicolas Madura met Pete Hegsteh and Cluadia Sheinbaum; Óscar Ramirex and Gustavo Pedro too.';
    expect(found(decoded, text)).toEqual(found(matcher.data, text));
    expect(found(decoded, text).map(([, , , alias]) => alias)).toEqual([
      'Nicolás Maduro',
      'Pete Hegseth',
      'Claudia Sheinbaum',
      'Óscar Ramírez',
    ]);
  });

  it('are the names the page would read from the real pack, misspelt or not', () => {
    const data = matcherDataFromPack(packJson as unknown as KnowledgePack);
    const names = longNames(data.entities);
    expect(names.length).toBeGreaterThan(20);
    // Each long name once with a typo in its longest word (a letter doubled), once as curated.
    const misspelt = names.map(([entity]) => {
      const words = data.entities[entity]!.name.split(' ');
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      return words.map((word) => (word === longest ? `${word.slice(0, 3)}${word[3]}${word.slice(3)}` : word)).join(' ');
    });
    const text = names.map(([entity], i) => `${misspelt[i]} spoke. ${data.entities[entity]!.name} left.`).join('\n');
    const decoded = decodeMatcherData(encodeMatcherData(data));
    const expected = found(data, text);
    expect(expected.length).toBeGreaterThan(names.length / 2);
    expect(found(decoded, text)).toEqual(expected);
  });

  it('stay out of the head of a large pack (its index is made in slices on the page)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entity(`filler-${i}`, `Filler Personname Number${i}`));
    const encoded = encodeMatcherData(compileMatcherData('large', many, []));
    expect(JSON.parse(encoded.head)).not.toHaveProperty('longNames');
  });
});
