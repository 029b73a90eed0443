import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanText } from '../../../../lib/scan/automaton';
import { foldKey } from '../../../../lib/text/fold';

type Hit = [pattern: number, start: number, end: number];

function scan(keys: string[], text: string): Hit[] {
  const automaton = buildAutomaton(keys);
  const hits: Hit[] = [];
  scanText(automaton, text, (pattern, start, end) => hits.push([pattern, start, end]));
  return hits.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0] - b[0]);
}

/** Every occurrence of every key, found the slow way (for texts without separators). */
function naive(keys: string[], text: string): Hit[] {
  const folded = foldKey(text);
  expect(folded).toHaveLength(text.length);
  const hits: Hit[] = [];
  keys.forEach((key, pattern) => {
    if (keys.indexOf(key) !== pattern) return; // a duplicate key reports as its first copy
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
      hits.push([pattern, at, at + key.length]);
    }
  });
  return hits.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0] - b[0]);
}

/** Small deterministic PRNG (mulberry32) so the random cases are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('buildAutomaton', () => {
  it('stores one length per pattern and consistent edge tables', () => {
    const keys = ['he', 'she', 'his', 'hers'];
    const a = buildAutomaton(keys);
    expect([...a.patternLength]).toEqual([2, 3, 3, 4]);
    const states = a.fail.length;
    expect(a.edgeStart).toHaveLength(states + 1);
    expect(a.edgeStart[states]).toBe(a.edgeChar.length);
    expect(a.edgeNext).toHaveLength(a.edgeChar.length);
    // Each state's edges are sorted (the scanner binary-searches them).
    for (let s = 0; s < states; s++) {
      for (let e = a.edgeStart[s]! + 1; e < a.edgeStart[s + 1]!; e++) {
        expect(a.edgeChar[e]!).toBeGreaterThan(a.edgeChar[e - 1]!);
      }
    }
    // Root + h,e + s,h,e + i,s + r,s: a trie of 10 states.
    expect(states).toBe(10);
    expect([...a.output].filter((o) => o >= 0).sort()).toEqual([0, 1, 2, 3]);
  });

  it('handles no patterns', () => {
    expect(scan([], 'anything at all')).toEqual([]);
  });
});

describe('scanText', () => {
  it('reports every occurrence, overlapping ones included (classic he/she/his/hers)', () => {
    expect(scan(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
  });

  it('follows dictionary links to patterns that are suffixes of others', () => {
    expect(scan(['abcd', 'bc', 'c', 'bcd'], 'xabcdx')).toEqual([
      [0, 1, 5],
      [1, 2, 4],
      [3, 2, 5],
      [2, 3, 4],
    ]);
  });

  it('reports self-overlapping occurrences', () => {
    expect(scan(['aa'], 'aaaa')).toEqual([
      [0, 0, 2],
      [0, 1, 3],
      [0, 2, 4],
    ]);
  });

  it('reports a duplicated key once, as its first pattern', () => {
    expect(scan(['ab', 'ab'], 'ab ab')).toEqual([
      [0, 0, 2],
      [0, 3, 5],
    ]);
  });

  it('folds case and diacritics of the text on the fly', () => {
    const keys = [foldKey('Nicolás Maduro')];
    for (const text of ['NICOLÁS MADURO', 'nicolas maduro', 'Nicolás Maduro', 'NiCoLaS mAdUrO']) {
      expect(scan(keys, `— ${text} —`), text).toEqual([[0, 2, 2 + text.length]]);
    }
  });

  it.each([
    ['MS 13', 0, 5],
    ['MS-13', 0, 5],
    ['MS\u00a013', 0, 5],
    ['MS\n13', 0, 5],
    ['MS - 13', 0, 7],
    ['MS \u2013 13', 0, 7],
    ['MS' + ' '.repeat(100) + '13', 0, 104],
    ['  MS  13  ', 2, 8],
    ['the MS-13 gang', 4, 9],
  ])('collapses separator runs: %j matches "ms 13" at [%d, %d)', (text, start, end) => {
    expect(scan(['ms 13'], text)).toEqual([[0, start, end]]);
  });

  it('does not match across a hard break', () => {
    expect(scan(['ms 13', 'ms13'], 'MS\u202913')).toEqual([]);
    expect(scan(['ab'], 'a\u2029b')).toEqual([]);
    expect(scan(['ab'], 'a\u2028b')).toEqual([]);
    // The break resets the state: a match right after it still starts cleanly.
    expect(scan(['ab', 'xab'], 'x\u2029ab')).toEqual([[0, 2, 4]]);
  });

  it('maps starts back to the original text for long texts and long patterns', () => {
    const name = 'Cartel de los Soles';
    const key = foldKey(name);
    const filler = 'x '.repeat(5000);
    const text = `${filler}the ${name.replace(/ /g, '  \n ')} again, ${filler}${name}.`;
    const hits = scan([key, 'soles'], text);
    const names = hits.filter(([p]) => p === 0).map(([, s, e]) => text.slice(s, e));
    expect(names).toEqual([name.replace(/ /g, '  \n '), name]);
    const soles = hits.filter(([p]) => p === 1).map(([, s, e]) => text.slice(s, e));
    expect(soles).toEqual(['Soles', 'Soles']);
  });

  it('matches keys outside Latin-1 (binary-searched root edges)', () => {
    expect(scan([foldKey('Москва'), '中国', foldKey('Ελλάδα')], 'В МОСКВА и 中国, Ελλάδα')).toEqual([
      [0, 2, 8],
      [1, 11, 13],
      [2, 15, 21],
    ]);
  });

  it('scans only [from, to) when asked, with offsets in the whole text', () => {
    const automaton = buildAutomaton(['ms 13', 'dea']);
    const text = 'DEA MS-13 | DEA MS 13 | DEA';
    const hits: Hit[] = [];
    scanText(automaton, text, (pattern, start, end) => hits.push([pattern, start, end]), 12, 21);
    expect(hits).toEqual([
      [1, 12, 15],
      [0, 16, 21],
    ]);
    // A slice that ends inside a name does not report it.
    const cut: Hit[] = [];
    scanText(automaton, text, (pattern, start, end) => cut.push([pattern, start, end]), 12, 20);
    expect(cut).toEqual([[1, 12, 15]]);
  });

  it('agrees with a naive search on random texts', () => {
    const next = random(20251215);
    const alphabet = ['a', 'b', 'c', 'á', 'B'];
    const pick = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const keys = Array.from({ length: 1 + Math.floor(next() * 6) }, () => foldKey(pick(1 + Math.floor(next() * 4))));
      const text = pick(Math.floor(next() * 40));
      expect(scan(keys, text), `${JSON.stringify(keys)} in ${JSON.stringify(text)}`).toEqual(naive(keys, text));
    }
  });
});
