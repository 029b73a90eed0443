import { describe, expect, it } from 'vitest';
import {
  BLOCK_SEPARATOR,
  BREAK,
  SPACE,
  foldCode,
  foldCodeKeepCase,
  foldKey,
  isWordCharAt,
  isWordCode,
} from '../../../../lib/text/fold';

const fold = (text: string) => String.fromCharCode(...[...text].map((ch) => foldCode(ch.charCodeAt(0))));

describe('foldKey: case and diacritics', () => {
  it.each([
    ['Nicolás Maduro', 'nicolas maduro'],
    ['Nicolas Maduro', 'nicolas maduro'],
    ['NICOLÁS MADURO', 'nicolas maduro'],
    ['nicolás maduro', 'nicolas maduro'],
    ['Andrés Manuel López Obrador', 'andres manuel lopez obrador'],
    ['Bogotá', 'bogota'],
    ['Culiacán', 'culiacan'],
    ['São Paulo', 'sao paulo'],
    ['Müller', 'muller'],
    ['Ñuñoa', 'nunoa'],
    ['Çatalhöyük', 'catalhoyuk'],
    ['Łódź', 'lodz'],
    ['Ørsted', 'orsted'],
    ['Đorđević', 'dordevic'],
    ['İstanbul', 'istanbul'],
  ])('%j folds to %j', (text, key) => {
    expect(foldKey(text)).toBe(key);
  });

  it.each([
    ['Nicolas Maduro', 'Nicolás Maduro'],
    ['nicolás maduro', 'NICOLAS MADURO'],
    ['Gustavo Petro', 'GUSTAVO PETRO'],
  ])('%j and %j share a key', (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });

  it('keeps distinct names distinct', () => {
    expect(foldKey('Maduro')).not.toBe(foldKey('Madura'));
    expect(foldKey('Petro')).not.toBe(foldKey('Petrobras'));
  });
});

describe('foldKey: apostrophes and quotes', () => {
  it.each([
    ['Petro’s', "petro's"],
    ['Petro‘s', "petro's"],
    ["Petro's", "petro's"],
    ['Petroʼs', "petro's"],
    ['Petro`s', "petro's"],
    ['O’Rourke', "o'rourke"],
    ['“narco-state”', '"narco state"'],
    ['„Zitat“', '"zitat"'],
  ])('%j folds to %j', (text, key) => {
    expect(foldKey(text)).toBe(key);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(foldKey('al-Qa’ida')).toBe(foldKey("al-Qa'ida"));
  });
});

describe('foldKey: separators fold to one space', () => {
  it.each([
    ['MS-13'],
    ['MS 13'],
    ['MS\u00a013'],
    ['MS\n13'],
    ['MS\r\n13'],
    ['MS\t13'],
    ['MS  13'],
    ['MS - 13'],
    ['MS\u201013'], // hyphen
    ['MS\u201113'], // non-breaking hyphen
    ['MS\u201313'], // en dash
    ['MS\u201413'], // em dash
    ['MS\u202f13'], // narrow no-break space
    ['MS\u200913'], // thin space
  ])('%j folds to "ms 13"', (text) => {
    expect(foldKey(text)).toBe('ms 13');
    expect(foldKey(text)).toBe(foldKey('MS 13'));
  });

  it('trims leading and trailing separators', () => {
    expect(foldKey('  \u00a0Nicolás Maduro -\n')).toBe('nicolas maduro');
    expect(foldKey(' - ')).toBe('');
    expect(foldKey('')).toBe('');
  });

  it('keeps block separators as hard breaks, distinct from spaces', () => {
    expect(foldKey(`Nicolás${BLOCK_SEPARATOR}Maduro`)).toBe(`nicolas${String.fromCharCode(BREAK)}maduro`);
    expect(foldKey(`Nicolás${BLOCK_SEPARATOR}Maduro`)).not.toBe(foldKey('Nicolás Maduro'));
    expect(foldKey('Nicolás\u2028Maduro')).not.toBe(foldKey('Nicolás Maduro'));
  });
});

describe('foldCode', () => {
  it.each([
    ['A', 'a'],
    ['z', 'z'],
    ['É', 'e'],
    ['á', 'a'],
    ['ç', 'c'],
    ['ø', 'o'],
    ['Ł', 'l'],
    ['ı', 'i'],
    ['’', "'"],
    ['”', '"'],
    ['7', '7'],
    ['.', '.'],
    ['Σ', 'σ'],
    ['Д', 'д'],
    ['Ａ', 'ａ'], // full-width, above the table
    ['中', '中'],
  ])('%j -> %j', (ch, folded) => {
    expect(String.fromCharCode(foldCode(ch.charCodeAt(0)))).toBe(folded);
  });

  it.each([
    [' '],
    ['\u00a0'],
    ['\n'],
    ['\r'],
    ['\t'],
    ['-'],
    ['\u2010'],
    ['\u2013'],
    ['\u2014'],
    ['\u202f'],
    ['\u3000'],
    ['\ufeff'],
  ])('%j is a separator', (ch) => {
    expect(foldCode(ch.charCodeAt(0))).toBe(SPACE);
  });

  it.each([['\u2029'], ['\u2028']])('%j is a hard break', (ch) => {
    expect(foldCode(ch.charCodeAt(0))).toBe(BREAK);
  });

  it('maps one code unit to one code unit, so offsets carry over', () => {
    const text = 'Nicolás\u00a0MADURO’s “MS-13” Łódź';
    const folded = fold(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('nicolas maduro\'s "ms 13" lodz');
  });

  it('leaves lone surrogates alone', () => {
    const text = '𝐀'; // a surrogate pair
    expect(foldCode(text.charCodeAt(0))).toBe(text.charCodeAt(0));
    expect(foldCode(text.charCodeAt(1))).toBe(text.charCodeAt(1));
  });
});

describe('foldKey with keepCase / foldCodeKeepCase', () => {
  it.each([
    ['DEA', 'DEA'],
    ['dea', 'dea'],
    ['Dea', 'Dea'],
    ['Nicolás Maduro', 'Nicolas Maduro'],
    ['NICOLÁS', 'NICOLAS'],
    ['ÉLYSÉE', 'ELYSEE'],
    ['ŁÓDŹ', 'LODZ'],
    ['łódź', 'lodz'],
    ['ØRSTED', 'ORSTED'],
    ['MS-13', 'MS 13'],
    ['MS\u00a013', 'MS 13'],
    ['Petro’s', "Petro's"],
  ])('%j -> %j', (text, key) => {
    expect(foldKey(text, true)).toBe(key);
  });

  it('still tells upper from lower case after folding diacritics', () => {
    expect(foldKey('MADURO', true)).not.toBe(foldKey('maduro', true));
    expect(foldKey('Łukasz', true)).not.toBe(foldKey('łukasz', true));
    expect(foldKey('Ørsted', true)).not.toBe(foldKey('ørsted', true));
  });

  it('agrees with foldCode apart from case', () => {
    for (const ch of 'AÁáÉŁłØøzZ9-\u00a0’') {
      const code = ch.charCodeAt(0);
      expect(String.fromCharCode(foldCodeKeepCase(code)).toLowerCase()).toBe(String.fromCharCode(foldCode(code)));
    }
  });
});

describe('isWordCharAt', () => {
  it.each([
    ['Maduro', 0, true],
    ['Nicolás', 5, true],
    ['Ελλάδα', 3, true],
    ['Москва', 2, true],
    ['中国', 1, true],
    ['ñ', 0, true],
    ['e\u0301', 1, true], // combining acute accent
    ['MS13', 3, true],
    ['٣', 0, true], // Arabic-Indic digit
    ["Maduro's", 6, false],
    ['Petro’s', 5, false],
    ['a b', 1, false],
    ['a\u00a0b', 1, false],
    ['a-b', 1, false],
    ['a_b', 1, false],
    ['a.b', 1, false],
    ['a\u2029b', 1, false],
    ['(x)', 0, false],
  ])('%j at %d -> %s', (text, index, expected) => {
    expect(isWordCharAt(text, index)).toBe(expected);
  });

  it('is false outside the string', () => {
    expect(isWordCharAt('Maduro', -1)).toBe(false);
    expect(isWordCharAt('Maduro', 6)).toBe(false);
    expect(isWordCharAt('', 0)).toBe(false);
  });
});

describe('isWordCode', () => {
  it('agrees with the letter, digit and mark classes for every code unit, asked twice (the second from its table)', () => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    for (let round = 0; round < 2; round++) {
      for (let code = 0; code <= 0xffff; code++) {
        if (isWordCode(code) !== word.test(String.fromCharCode(code))) throw new Error(`U+${code.toString(16)}`);
      }
    }
    expect(isWordCode(0xd83d)).toBe(false); // a lone surrogate
  });
});
