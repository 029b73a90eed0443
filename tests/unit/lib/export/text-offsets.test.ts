import { describe, expect, it } from 'vitest';
import { offsetMap, quoteContext } from '../../../../lib/export/text-offsets';

/** Code points before a UTF-16 offset, counted the slow, obvious way. */
const codePointsBefore = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

describe('offsetMap', () => {
  it('is the identity for text without astral characters', () => {
    const map = offsetMap('Nicolás Maduro\u2029met');
    expect(map.codePointLength).toBe(18);
    expect(map.toCodePoint(8)).toBe(8);
    expect(map.toUtf16(8)).toBe(8);
    expect(map.toCodePoint(99)).toBe(18);
    expect(map.toUtf16(-3)).toBe(0);
  });

  it('counts an emoji, a flag and mathematical bold letters as their code points', () => {
    const text = '🇻🇪 a😀b 𝐁c\u2029d🎉';
    const map = offsetMap(text);
    expect(map.codePointLength).toBe([...text].length);
    for (let u = 0; u <= text.length; u++) {
      const inPair = u > 0 && /[\uD800-\uDBFF]/.test(text[u - 1]!) && /[\uDC00-\uDFFF]/.test(text[u] ?? '');
      // Inside a pair the offset rounds down to the pair's code point.
      expect(map.toCodePoint(u)).toBe(codePointsBefore(text, inPair ? u - 1 : u));
      if (!inPair) expect(map.toUtf16(map.toCodePoint(u))).toBe(u);
    }
    expect(map.toCodePoint(text.indexOf('b'))).toBe(5);
    expect(map.toUtf16(5)).toBe(text.indexOf('b'));
  });

  it('counts a lone surrogate as one code point', () => {
    const text = 'a\uD83Db😀';
    const map = offsetMap(text);
    expect(map.codePointLength).toBe(4);
    expect(map.toCodePoint(2)).toBe(2);
    expect(map.toUtf16(3)).toBe(3);
    expect(map.toUtf16(4)).toBe(5);
  });
});

describe('quoteContext', () => {
  it('takes up to 32 code points each side without splitting a surrogate pair', () => {
    const text = `${'😀'.repeat(40)}Maduro${'🎉'.repeat(40)}`;
    const start = text.indexOf('Maduro');
    const { prefix, suffix } = quoteContext(text, offsetMap(text), start, start + 6);
    expect(prefix).toBe('😀'.repeat(32));
    expect(suffix).toBe('🎉'.repeat(32));
    expect(prefix.length).toBe(64);
  });

  it('stops at the ends of the text', () => {
    const text = 'ab Maduro cd';
    expect(quoteContext(text, offsetMap(text), 3, 9)).toEqual({ prefix: 'ab ', suffix: ' cd' });
    expect(quoteContext(text, offsetMap(text), 3, 9, 2)).toEqual({ prefix: 'b ', suffix: ' c' });
  });
});
