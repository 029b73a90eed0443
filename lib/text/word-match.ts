/**
 * Whole-word matching of a typed query, for search results: which words of a text a query word stands
 * for (the same word, its beginning, or either with a typo or two), so that marks cover whole words
 * ("Hegseth" for "Hegset", never "Hegset" inside it) and a result that holds no such word for some query
 * word can be dropped as far-fetched.
 */
import { foldCode, isWordCharAt } from './fold';

export interface TextWord {
  /** UTF-16 offsets of the word in the text. */
  start: number;
  end: number;
  /** Lower case, without diacritics. */
  folded: string;
}

/** The words of a text: runs of letters, digits and combining marks. */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let start = -1;
  let folded = '';
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isWordCharAt(text, i)) {
      if (start < 0) start = i;
      folded += String.fromCharCode(foldCode(text.charCodeAt(i)));
    } else if (start >= 0) {
      words.push({ start, end: i, folded });
      start = -1;
      folded = '';
    }
  }
  return words;
}

/** The query's words, folded; one-letter words are left out when longer ones are there. */
export function queryWords(query: string): string[] {
  const words = [...new Set(textWords(query).map((w) => w.folded))];
  return words.some((w) => w.length >= 2) ? words.filter((w) => w.length >= 2) : words;
}

/** Typos allowed in a query word of this length: none up to 3 letters, one up to 6, then two. */
export function allowedTypos(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/**
 * Whether `word` is `query` or begins with it, with at most allowedTypos(query) insertions, deletions,
 * substitutions or swaps of neighbours (optimal string alignment distance to some prefix of `word`).
 */
export function wordMatches(query: string, word: string): boolean {
  if (word.startsWith(query)) return true;
  const typos = allowedTypos(query.length);
  if (!typos || word.length < query.length - typos) return false;
  const width = Math.min(word.length, query.length + typos);
  // rows[i][j]: distance between query[0, i) and word[0, j).
  let before: number[] = [];
  let previous = Array.from({ length: width + 1 }, (_, j) => j);
  for (let i = 1; i <= query.length; i++) {
    const current = [i];
    for (let j = 1; j <= width; j++) {
      const cost = query[i - 1] === word[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && query[i - 1] === word[j - 2] && query[i - 2] === word[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current.push(best);
    }
    [before, previous] = [previous, current];
  }
  // The closest prefix of the word at least as long as the query less its typos.
  return previous.slice(Math.max(0, query.length - typos)).some((distance) => distance <= typos);
}

/** [start, end) of each word in `text` that some query word stands for. */
export function markWords(text: string, query: readonly string[]): [number, number][] {
  if (!query.length) return [];
  return textWords(text)
    .filter((word) => query.some((q) => wordMatches(q, word.folded)))
    .map((word) => [word.start, word.end]);
}

/** Whether every query word stands for some word of the texts. */
export function holdsEveryWord(texts: readonly string[], query: readonly string[]): boolean {
  const words = texts.flatMap((text) => textWords(text).map((w) => w.folded));
  return query.every((q) => words.some((word) => wordMatches(q, word)));
}
