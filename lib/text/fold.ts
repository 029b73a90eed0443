/**
 * Character folding shared by the knowledge compiler and the page scanner.
 *
 * Folding maps one UTF-16 code unit to one code unit, so offsets in folded text map straight back to
 * the original. Runs of separators (spaces, line breaks, non-breaking spaces, hyphens) fold to a
 * single space; the matcher collapses the run, which is why "MS-13", "MS 13" and "MS\u00a013" agree.
 */

/** Folded code for separators: they all become one space. */
export const SPACE = 0x20;
/** Folded code for a hard break (block boundary): never part of a name. */
export const BREAK = 0x01;
/** Marks the boundary between block elements in extracted page text. */
export const BLOCK_SEPARATOR = '\u2029';

/**
 * Folded codes below U+3000, filled as characters are first seen (0: not yet folded). Filling the
 * whole table up front cost tens of milliseconds on every page load; a page uses a few hundred codes.
 */
const table = new Uint16Array(0x3000);

/** The fold cache itself, for the scanner's inner loop (0 means: call foldCode). */
export const FOLD_CACHE: Readonly<Uint16Array> = table;

function foldSlow(code: number): number {
  const ch = String.fromCharCode(code);
  // Before the separators: \s also matches U+2028/U+2029, which must stay hard breaks.
  if (code === 0x2029 || code === 0x2028) return BREAK;
  if (/[\s\u00a0\u2000-\u200a\u202f\u205f-]/.test(ch) || (code >= 0x2010 && code <= 0x2015)) return SPACE;
  if (code === 0x2018 || code === 0x2019 || code === 0x02bc || code === 0x2032 || code === 0x0060) return 0x27;
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) return 0x22;
  const special: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i' };
  const mapped = special[ch];
  if (mapped) return mapped.charCodeAt(0);
  const base = ch.normalize('NFD').charAt(0).toLowerCase();
  return base.length === 1 ? base.charCodeAt(0) : code;
}

/** Folds one UTF-16 code unit: lower case, no diacritics, one apostrophe, one space. */
export function foldCode(code: number): number {
  if (code < 0x3000) {
    const folded = table[code]!;
    if (folded !== 0) return folded;
    return (table[code] = code === 0 ? 0 : foldSlow(code));
  }
  if (code >= 0xd800 && code <= 0xdfff) return code;
  // The only separators past the table: ideographic space and the zero-width no-break space.
  if (code === 0x3000 || code === 0xfeff) return SPACE;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** Like foldCode but keeps letter case (for case-sensitive aliases such as acronyms). */
export function foldCodeKeepCase(code: number): number {
  const folded = foldCode(code);
  if (folded === SPACE || folded === BREAK || folded === 0x27 || folded === 0x22) return folded;
  const ch = String.fromCharCode(code);
  if (ch === ch.toLowerCase()) return folded;
  // Upper case: the folded letter in upper case ("Á" → "A", and "Ł" → "L" rather than "l").
  const upper = String.fromCharCode(folded).toUpperCase();
  return upper.length === 1 ? upper.charCodeAt(0) : code;
}

/** Folds a whole string, collapsing separator runs and trimming; used for alias keys. */
export function foldKey(text: string, keepCase = false): string {
  let out = '';
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = keepCase ? foldCodeKeepCase(text.charCodeAt(i)) : foldCode(text.charCodeAt(i));
    if (code === SPACE) {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
    } else {
      out += String.fromCharCode(code);
      lastWasSpace = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Word-ness of code units below U+3000, filled as they are first asked about (0: not yet, 1: word, 2: not). */
const wordTable = new Uint8Array(0x3000);

/** True when the UTF-16 code unit is part of a word (letter, digit or combining mark); a lone surrogate is not. */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  if (code >= 0x3000) return WORD_CHAR.test(String.fromCharCode(code));
  let known = wordTable[code]!;
  if (known === 0) known = wordTable[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** True when the code unit at `index` is part of a word (letter, digit or combining mark). */
export function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCode(text.charCodeAt(index));
}

/** Every fold at once, for the prebuilt scan tables: below U+3000 a table, above it the exceptions. */
export interface FoldTables {
  /** Folded code of each code unit below U+3000. */
  low: Uint16Array;
  /** `code << 16 | folded` for each BMP code unit from U+3000 that does not fold to itself, sorted. */
  high: Uint32Array;
}

export function computeFoldTables(): FoldTables {
  const low = new Uint16Array(0x3000);
  for (let code = 0; code < low.length; code++) low[code] = foldCode(code);
  const high: number[] = [];
  for (let code = 0x3000; code <= 0xffff; code++) {
    const folded = foldCode(code);
    if (folded !== code) high.push(((code << 16) | folded) >>> 0);
  }
  return { low, high: Uint32Array.from(high) };
}

/** Fills the fold cache from prebuilt tables, so that a page never computes a fold itself. */
export function primeFoldCache(low: Uint16Array): void {
  table.set(low.subarray(0, table.length));
}
