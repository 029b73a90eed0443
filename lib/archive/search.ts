/**
 * Full-text search for the archive browser: lib/knowledge/search.ts (fuse.js, typo tolerant, marked snippets)
 * as the popup uses it, made to scale. Fuse scans every document on every query, which takes seconds
 * with a pack 100 times today's; so on big packs a word index picks the candidates first:
 *
 *   1. each query word is matched against the pack's vocabulary with the tolerance fuse.js uses
 *      (edit distance to some part of the word at most 0.34 × the query word's length);
 *   2. documents holding matched words are ranked by how well they hold the query words (an exact word
 *      counts more than a prefix, a prefix more than a near miss; a name more than a title, a title
 *      more than body text, as lib/knowledge/search.ts weighs its keys), and the best `maxCandidates` kept;
 *   3. lib/knowledge/search.ts runs over those candidates only, so ranking, snippets and marks are its own.
 *
 * Small packs (today's) skip the word index and search everything, exactly as the popup does. The word
 * index can be built in slices (`prepare`) while the page is idle; `search` finishes it when needed.
 */
import type { Claim, Entity, KnowledgePack, Passage } from '../knowledge/types';
import { type SearchResult, createSearch } from '../knowledge/search';
import { foldCode, foldKey } from '../text/fold';

export interface ArchiveSearchOptions {
  /** Packs with fewer searchable documents than this are searched whole. */
  directBelow?: number;
  /** How many candidate documents lib/knowledge/search.ts ranks on a big pack. */
  maxCandidates?: number;
}

export interface ArchiveSearch {
  search(query: string, limit?: number): SearchResult[];
  /** Builds the word index for about `budgetMs`; true once it is complete (always, on small packs). */
  prepare(budgetMs?: number): boolean;
  /** Whether `search` runs over candidates from the word index (big packs) or over everything. */
  readonly indexed: boolean;
}

const DEFAULTS: Required<ArchiveSearchOptions> = { directBelow: 5_000, maxCandidates: 400 };

/** lib/knowledge/search.ts's fuse.js threshold: errors allowed per character of the query. */
const THRESHOLD = 0.34;
/** Vocabulary words one query word may stand for, best first. */
const MAX_WORD_MATCHES = 300;

/**
 * Whether `pattern` occurs in `text` with at most `maxErrors` insertions, deletions or substitutions
 * (Sellers' algorithm: edit distance to the closest substring).
 */
export function approxContains(text: string, pattern: string, maxErrors: number): boolean {
  const m = pattern.length;
  if (m === 0) return true;
  if (maxErrors === 0) return text.includes(pattern);
  if (text.length < m - maxErrors) return false;
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  if (column[m]! <= maxErrors) return true;
  for (let j = 0; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    let diagonal = 0; // column[0] of the previous step: a match may start anywhere
    for (let i = 1; i <= m; i++) {
      const above = column[i]!;
      const cost = pattern.charCodeAt(i - 1) === ch ? 0 : 1;
      column[i] = Math.min(above + 1, column[i - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
    if (column[m]! <= maxErrors) return true;
  }
  return false;
}

/** Word characters after folding: letters and digits (the fold table maps each code unit to one). */
const wordCodeCache = new Uint8Array(0x3000); // 0 unknown, 1 word, 2 not

function isFoldedWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
  if (code >= 0x3000) return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
  let known = wordCodeCache[code]!;
  if (known === 0) wordCodeCache[code] = known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

function foldWord(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) out += String.fromCharCode(foldCode(raw.charCodeAt(i)));
  return out;
}

/**
 * Calls `emit` with each folded word of `text`: what foldKey gives, split at anything but letters and
 * digits. Lower-case ASCII words, the bulk of any text, are sliced out rather than built a character
 * at a time (which left the garbage collector most of the work on a big pack).
 */
function eachWord(text: string, emit: (word: string) => void): void {
  let start = -1;
  let plain = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    let word: boolean;
    if (code < 0x80) {
      const upper = code >= 0x41 && code <= 0x5a;
      word = upper || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
      if (upper) plain = false;
    } else {
      word = isFoldedWordCode(foldCode(code));
      if (word) plain = false;
    }
    if (word) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) emit(plain ? text.slice(start, i) : foldWord(text.slice(start, i)));
      start = -1;
      plain = true;
    }
  }
}

function queryWords(query: string): string[] {
  const found = new Set<string>();
  eachWord(foldKey(query), (word) => found.add(word));
  let list = [...found].filter((word) => word.length >= 2);
  if (list.some((word) => word.length >= 3)) list = list.filter((word) => word.length >= 3);
  return list;
}

export function createArchiveSearch(pack: KnowledgePack, options: ArchiveSearchOptions = {}): ArchiveSearch {
  const { directBelow, maxCandidates } = { ...DEFAULTS, ...options };
  const entityCount = pack.entities.length;
  const claimCount = pack.claims.length;
  const docCount = entityCount + claimCount + pack.passages.length;
  if (docCount < directBelow) {
    let whole: ReturnType<typeof createSearch> | undefined;
    return {
      indexed: false,
      prepare() {
        whole ??= createSearch(pack);
        return true;
      },
      search(query, limit) {
        whole ??= createSearch(pack);
        return whole.search(query, limit);
      },
    };
  }

  // Documents are numbered as lib/knowledge/search.ts orders them: entities, then claims, then passages. A
  // posting is doc × 4 + the weight of the field the word was found in (names 3, title 2, text 1);
  // fields are indexed heaviest first, so a document's first posting for a word is its best.
  const vocabulary = new Map<string, number>();
  const words: string[] = [];
  const postings: number[][] = [];
  const sourceTitles = new Map(pack.sources.map((s) => [s.id, `${s.publisher} ${s.date}`]));
  let nextDoc = 0;

  function indexDoc(doc: number): void {
    let field = 0;
    const add = (word: string) => {
      const posting = doc * 4 + field;
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = words.length;
        vocabulary.set(word, id);
        words.push(word);
        postings.push([posting]);
      } else {
        const list = postings[id]!;
        if (list[list.length - 1]! >> 2 !== doc) list.push(posting);
      }
    };
    if (doc < entityCount) {
      const entity = pack.entities[doc]!;
      field = 3;
      eachWord(entity.name, add);
      for (const alias of entity.aliases) eachWord(alias, add);
      field = 1;
      eachWord(entity.summary, add);
    } else if (doc < entityCount + claimCount) {
      field = 2;
      eachWord(pack.claims[doc - entityCount]!.statement, add);
    } else {
      const passage = pack.passages[doc - entityCount - claimCount]!;
      field = 2;
      eachWord(sourceTitles.get(passage.source) ?? passage.source, add);
      field = 1;
      eachWord(passage.text, add);
    }
  }

  function prepare(budgetMs = Infinity): boolean {
    const until = performance.now() + budgetMs;
    while (nextDoc < docCount) {
      const sliceEnd = Math.min(docCount, nextDoc + 512);
      for (; nextDoc < sliceEnd; nextDoc++) indexDoc(nextDoc);
      if (performance.now() >= until) break;
    }
    return nextDoc >= docCount;
  }

  /** Vocabulary words matching a query word, with their weight: 3 exact, 2 prefix, 1 near miss. */
  function wordMatches(queryWord: string): { id: number; weight: number }[] {
    const maxErrors = Math.floor(queryWord.length * THRESHOLD);
    const found: { id: number; weight: number }[] = [];
    words.forEach((word, id) => {
      if (word === queryWord) found.push({ id, weight: 3 });
      else if (word.startsWith(queryWord)) found.push({ id, weight: 2 });
      else if (approxContains(word, queryWord, maxErrors)) found.push({ id, weight: 1 });
    });
    if (found.length <= MAX_WORD_MATCHES) return found;
    // Too many (a short word): keep the best, the most frequent first among equals.
    return found
      .sort((a, b) => b.weight - a.weight || postings[b.id]!.length - postings[a.id]!.length)
      .slice(0, MAX_WORD_MATCHES);
  }

  const scores = new Uint16Array(docCount);
  const best = new Uint8Array(docCount);

  function candidates(query: string): number[] {
    const touched: number[] = [];
    for (const queryWord of queryWords(query)) {
      const seen: number[] = [];
      for (const { id, weight } of wordMatches(queryWord)) {
        for (const posting of postings[id]!) {
          const doc = posting >> 2;
          const score = weight * (posting & 3);
          if (best[doc] === 0) seen.push(doc);
          if (score > best[doc]!) best[doc] = score;
        }
      }
      for (const doc of seen) {
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = scores[doc]! + best[doc]!;
        best[doc] = 0;
      }
    }
    let chosen = touched;
    if (touched.length > maxCandidates) {
      // Best score first; ties in document order (entities, then claims, then passages).
      chosen = touched.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, maxCandidates);
    }
    for (const doc of touched) scores[doc] = 0;
    return chosen.sort((a, b) => a - b);
  }

  return {
    indexed: true,
    prepare,
    search(query, limit = 30) {
      if (query.trim().length < 2) return [];
      prepare();
      const docs = candidates(query);
      if (!docs.length) return [];
      const entities: Entity[] = [];
      const claims: Claim[] = [];
      const passages: Passage[] = [];
      const passageIds: number[] = [];
      for (const doc of docs) {
        if (doc < entityCount) entities.push(pack.entities[doc]!);
        else if (doc < entityCount + claimCount) claims.push(pack.claims[doc - entityCount]!);
        else {
          const index = doc - entityCount - claimCount;
          passages.push(pack.passages[index]!);
          passageIds.push(index);
        }
      }
      const usedSources = new Set(passages.map((p) => p.source));
      const subset: KnowledgePack = {
        ...pack,
        sources: pack.sources.filter((s) => usedSources.has(s.id)),
        entities,
        claims,
        passages,
      };
      return createSearch(subset)
        .search(query, limit)
        .map((result): SearchResult =>
          result.kind === 'passage' ? { ...result, id: String(passageIds[Number(result.id)]) } : result,
        );
    },
  };
}
