/**
 * UTF-16 code units (what JavaScript strings, the text index and the matcher count) against Unicode
 * code points (what the W3C Web Annotation TextPositionSelector counts). They differ once the text
 * holds a character outside the Basic Multilingual Plane (an emoji, some CJK): one code point, two
 * code units. A lone surrogate counts as one code point, as the string iterator does.
 */

export interface OffsetMap {
  /** Code points in the text. */
  readonly codePointLength: number;
  /** The code point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down to the pair. */
  toCodePoint(utf16: number): number;
  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number;
}

const clamp = (value: number, max: number) => Math.min(Math.max(0, Math.trunc(value)), max);

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Offsets counted both ways for `text`; O(length) once, O(1) per conversion. */
export function offsetMap(text: string): OffsetMap {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    const length = text.length;
    return { codePointLength: length, toCodePoint: (u) => clamp(u, length), toUtf16: (c) => clamp(c, length) };
  }
  // codePointAt[u]: code points before UTF-16 offset u; utf16At[c]: UTF-16 offset of code point c.
  const codePointAt = new Uint32Array(text.length + 1);
  const utf16At: number[] = [];
  let codePoints = 0;
  for (let u = 0; u < text.length; u++) {
    codePointAt[u] = codePoints;
    utf16At.push(u);
    if (isHigh(text.charCodeAt(u)) && u + 1 < text.length && isLow(text.charCodeAt(u + 1))) {
      codePointAt[u + 1] = codePoints; // inside the pair: rounds down
      u++;
    }
    codePoints++;
  }
  codePointAt[text.length] = codePoints;
  utf16At.push(text.length);
  return {
    codePointLength: codePoints,
    toCodePoint: (u) => codePointAt[clamp(u, text.length)]!,
    toUtf16: (c) => utf16At[clamp(c, codePoints)]!,
  };
}

/** Up to `size` code points of text before `start` and after `end` (UTF-16 offsets), never splitting a pair. */
export function quoteContext(
  text: string,
  map: OffsetMap,
  start: number,
  end: number,
  size = 32,
): { prefix: string; suffix: string } {
  const from = map.toUtf16(map.toCodePoint(start) - size);
  const to = map.toUtf16(map.toCodePoint(end) + size);
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}
