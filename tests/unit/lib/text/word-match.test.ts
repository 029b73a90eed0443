import { describe, expect, it } from 'vitest';
import { holdsEveryWord, markWords, queryWords, textWords, wordMatches } from '../../../../lib/text/word-match';

const marked = (text: string, query: string) =>
  markWords(text, queryWords(query)).map(([start, end]) => text.slice(start, end));

describe('whole-word matching for search results', () => {
  it('splits text into folded words with their offsets', () => {
    expect(textWords('Nicolás Maduro’s “narco-state”')).toEqual([
      { start: 0, end: 7, folded: 'nicolas' },
      { start: 8, end: 14, folded: 'maduro' },
      { start: 15, end: 16, folded: 's' },
      { start: 18, end: 23, folded: 'narco' },
      { start: 24, end: 29, folded: 'state' },
    ]);
    expect(queryWords('  Hegset  a hegset ')).toEqual(['hegset']);
  });

  it('matches the same word, its beginning, and typos by the query’s length', () => {
    expect(wordMatches('hegset', 'hegseth')).toBe(true);
    expect(wordMatches('madurro', 'maduro')).toBe(true);
    expect(wordMatches('petor', 'petro')).toBe(true); // two letters swapped: one typo
    expect(wordMatches('sheinbam', 'sheinbaum')).toBe(true);
    expect(wordMatches('hegset', 'netherlands')).toBe(false);
    expect(wordMatches('hegset', 'the')).toBe(false);
    expect(wordMatches('dea', 'deal')).toBe(true);
    expect(wordMatches('dea', 'sea')).toBe(false); // no typo allowed in three letters
  });

  it('marks whole words, never fragments of them', () => {
    expect(marked('Pete Hegseth, the defense secretary', 'Hegset')).toEqual(['Hegseth']);
    expect(marked('The Netherlands and the Hegseth memo', 'Hegset')).toEqual(['Hegseth']);
    expect(marked('Nicolás Maduro', 'maduro nicolas')).toEqual(['Nicolás', 'Maduro']);
    expect(marked('a narco-state, said Belgium', 'narco state')).toEqual(['narco', 'state']);
  });

  it('holds a result only when every query word stands for one of its words', () => {
    expect(holdsEveryWord(['The Netherlands', 'a port in Europe'], queryWords('Hegset'))).toBe(false);
    expect(holdsEveryWord(['Pete Hegseth'], queryWords('Hegset'))).toBe(true);
    expect(holdsEveryWord(['Tren de Aragua', 'a gang'], queryWords('tren aragua'))).toBe(true);
    expect(holdsEveryWord(['Tren de Aragua'], queryWords('tren sinaloa'))).toBe(false);
  });
});
