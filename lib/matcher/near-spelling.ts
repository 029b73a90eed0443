/**
 * Long names written with a typo ("Nicolas Madura", "Pete Hegseht"): a run of capitalised words that
 * is an entity's name of two words or more, with one typo in some of its long words (six
 * letters or more, the first letter right, not a letter added at the end: "Latin American") and at
 * least one word exact. Short names ("Marco Rubio", "Gustavo Petro") are left out: one letter off,
 * they are someone else ("Gustavo Pedro"). The caller keeps only those in stories already on the
 * pack's subject.
 */
import { foldCode, foldKey } from '../text/fold';
import { oneEditApart } from '../text/one-edit';
import type { MatcherData, MatcherEntity } from './compile';

/** Shortest word, folded, that may carry a typo. */
const MIN_TYPO_WORD = 6;

interface LongName {
  entity: number;
  /** The alias as curated. */
  text: string;
  /** Its words, folded. */
  words: string[];
}

interface NameIndex {
  names: LongName[];
  /** Folded word → the names holding it and where. */
  byWord: Map<string, { name: number; position: number }[]>;
  /** wordHash of every key of byWord. */
  hashes: Set<number>;
  /**
   * The misspelt names of runs already read, by the run's text, with offsets from its start: a page on
   * the subject writes the same names again and again (the roundup: over a thousand runs, most of them
   * names spelt right), and a run's names depend on its text alone.
   */
  runs: Map<string, NearSpelling[]>;
}

/** Runs remembered per matcher data before the memory starts over (a long-lived tab reads many pages). */
const MAX_REMEMBERED_RUNS = 4096;

export interface NearSpelling {
  entity: number;
  start: number;
  end: number;
  /** The name it stands for, as curated. */
  alias: string;
}

const PROPER_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

const indexes = new WeakMap<MatcherData, NameIndex>();

/**
 * The entities' long names written as proper names, made once per matcher data. Their canonical names
 * only: the aliases travel in chunks (lib/matcher/lazy-data.ts) that a page parses only when its
 * matches point to them, and reading them all here cost every page the parse.
 */
function nameIndex(data: MatcherData): NameIndex {
  const index = indexes.get(data);
  if (index) return index;
  const names = madeAtBuild.get(data);
  if (names) {
    const made = indexOfLongNames(data, names);
    indexes.set(data, made);
    return made;
  }
  const made = emptyIndex();
  for (let entity = 0; entity < data.entities.length; entity++) {
    const text = data.entities[entity]!.name;
    const words = longNameWords(text);
    if (words) addName(made, entity, text, words);
  }
  indexes.set(data, made);
  return made;
}

function emptyIndex(): NameIndex {
  return { names: [], byWord: new Map(), hashes: new Set(), runs: new Map() };
}

/** A name's words folded, when it is a long name written as a proper name (else undefined). */
function longNameWords(text: string): string[] | undefined {
  const words = text.split(/\s+/);
  if (words.length < 2 || !words.every((word) => PROPER_WORD.test(word))) return undefined;
  const folded = words.map((word) => foldKey(word));
  return folded.some((word) => word.length >= MIN_TYPO_WORD) ? folded : undefined;
}

function addName(index: NameIndex, entity: number, text: string, words: string[]): void {
  const name = index.names.push({ entity, text, words }) - 1;
  words.forEach((word, position) => {
    index.hashes.add(wordHash(word));
    const list = index.byWord.get(word);
    if (list) list.push({ name, position });
    else index.byWord.set(word, [{ name, position }]);
  });
}

/** An entity's long name as the index holds it: the entity, then the name's words folded. */
export type LongNameWords = [entity: number, ...words: string[]];

/** Build time: the long names of a small pack's entities, so that a page does not split and fold them. */
export function longNames(entities: readonly MatcherEntity[]): LongNameWords[] {
  const names: LongNameWords[] = [];
  entities.forEach(({ name }, entity) => {
    const words = longNameWords(name);
    if (words) names.push([entity, ...words]);
  });
  return names;
}

/** Long names made at build time, by matcher data, until a search makes its index from them. */
const madeAtBuild = new WeakMap<MatcherData, readonly LongNameWords[]>();

/** Page: `data`'s name index is to be made from `names` (longNames of its entities), not from its entities. */
export function useLongNames(data: MatcherData, names: readonly LongNameWords[]): void {
  madeAtBuild.set(data, names);
}

function indexOfLongNames(data: MatcherData, names: readonly LongNameWords[]): NameIndex {
  const index = emptyIndex();
  for (const [entity, ...words] of names) addName(index, entity, data.entities[entity]!.name, words);
  return index;
}

interface PageWord {
  start: number;
  end: number;
  /** Folded when a name is checked against it (most words never are). */
  folded?: string;
}

/** Per UTF-16 code below U+3000: 0 not yet seen, 1 letter or mark, 2 neither. */
const letterKinds = new Uint8Array(0x3000);

function letterKind(code: number): number {
  if (code >= 0x3000) return 2;
  let kind = letterKinds[code]!;
  if (kind === 0) {
    const ch = String.fromCharCode(code);
    kind = /[\p{L}\p{M}]/u.test(ch) ? 1 : 2;
    letterKinds[code] = kind;
  }
  return kind;
}

/** A letter or a mark, with ASCII checked inline. */
function isLetter(code: number): boolean {
  return code < 0x80 ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a : letterKind(code) === 1;
}

const uppers = new Map<number, boolean>();

/** Whether a letter past ASCII is a capital ("Á", "Ł"). */
function isUpper(code: number): boolean {
  let upper = uppers.get(code);
  if (upper === undefined) uppers.set(code, (upper = /\p{Lu}/u.test(String.fromCharCode(code))));
  return upper;
}

/** The hash nearSpellings computes of a folded word as it reads the page. */
function wordHash(folded: string): number {
  let hash = 0;
  for (let i = 0; i < folded.length; i++) hash = (hash * 31 + folded.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Every code unit that may begin a capitalised word: ASCII capitals, and anything past ASCII below
 * U+3000 (letterKind and isUpper decide). Without the u flag the regex reads code units, as charCodeAt.
 */
const MAYBE_CAPITAL = /[A-Z\u0080-\u2fff]/g;

/**
 * Misspelt long names in text, in text order, none overlapping another. One pass over the text: the
 * regex engine skips to each code unit that may begin a capitalised word (most of a page's characters
 * are not: a loop in script paid for each of them, cold, on every page), and a capitalised word is
 * hashed as it is read and folded only when the hash is one of a name's words.
 */
export function nearSpellings(data: MatcherData, text: string): NearSpelling[] {
  const index = nameIndex(data);
  if (!index.names.length) return [];
  const found: NearSpelling[] = [];
  let run: PageWord[] = [];
  let anchored = false;
  const flush = () => {
    if (anchored && run.length >= 2) namesInRun(index, text, run, found);
    run = [];
    anchored = false;
  };
  const length = text.length;
  const next = MAYBE_CAPITAL;
  next.lastIndex = 0;
  while (next.test(text)) {
    const start = next.lastIndex - 1;
    const code = text.charCodeAt(start);
    // A capital that starts a word.
    if (code < 0x80 ? code < 0x41 || code > 0x5a : letterKind(code) !== 1 || !isUpper(code)) continue;
    if (start > 0 && isLetter(text.charCodeAt(start - 1))) continue;
    let at = start;
    let hash = 0;
    for (; at < length; at++) {
      const code = text.charCodeAt(at);
      if (!isLetter(code)) break;
      // ASCII folds to lower case; the rest through the shared fold table.
      hash = (hash * 31 + (code < 0x80 ? code | 0x20 : foldCode(code))) | 0;
    }
    const last = run.at(-1);
    // Words of one name are one space apart.
    if (last && !(start === last.end + 1 && (text[last.end] === ' ' || text[last.end] === '\u00a0'))) flush();
    run.push({ start, end: at });
    if (index.hashes.has(hash)) anchored = true;
    // text[at] is no letter: no word begins there.
    next.lastIndex = at + 1;
  }
  flush();
  return found;
}

/** Adds the misspelt names in one run of capitalised words, read once per run text. */
function namesInRun(index: NameIndex, text: string, run: PageWord[], found: NearSpelling[]): void {
  const start = run[0]!.start;
  const key = text.slice(start, run.at(-1)!.end);
  let names = index.runs.get(key);
  if (!names) {
    names = [];
    readRun(
      index,
      key,
      run.map((word) => ({ start: word.start - start, end: word.end - start })),
      names,
    );
    if (index.runs.size >= MAX_REMEMBERED_RUNS) index.runs.clear();
    index.runs.set(key, names);
  }
  for (const name of names) found.push({ ...name, start: name.start + start, end: name.end + start });
}

/** Adds the misspelt names in one run of capitalised words. */
function readRun(index: NameIndex, text: string, run: PageWord[], found: NearSpelling[]): void {
  for (const word of run) word.folded = foldKey(text.slice(word.start, word.end));
  let taken = -1;
  for (let k = 0; k < run.length; k++) {
    for (const { name, position } of index.byWord.get(run[k]!.folded!) ?? []) {
      const { words, entity, text } = index.names[name]!;
      const first = k - position;
      if (first < 0 || first + words.length > run.length || run[first]!.start < taken) continue;
      let typos = 0;
      const fits = words.every((word, j) => {
        const written = run[first + j]!.folded!;
        if (written === word) return true;
        typos++;
        // A letter added at the end makes another word ("Latin American"), not a typo.
        return (
          word.length >= MIN_TYPO_WORD &&
          written[0] === word[0] &&
          !written.startsWith(word) &&
          oneEditApart(written, word)
        );
      });
      if (!fits || !typos) continue;
      const end = run[first + words.length - 1]!.end;
      found.push({ entity, start: run[first]!.start, end, alias: text });
      taken = end;
    }
  }
}
