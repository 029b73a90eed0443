/**
 * Typo-tolerant search over the whole pack (entities, claims, archive passages) for the popup and the
 * archive browser. Never used for page scanning.
 */
import Fuse from 'fuse.js';
import { holdsEveryWord, markWords, queryWords } from '../text/word-match';
import type { KnowledgePack, Source } from './types';

export interface SearchResult {
  kind: 'entity' | 'claim' | 'passage';
  /** Entity or claim id; for a passage, its index in the pack. */
  id: string;
  /** The entity's name (with the alias that matched, when it was one), the claim, the article's headline. */
  title: string;
  /** [start, end) of the whole words in `title` the query stands for. */
  titleMarks: [number, number][];
  /**
   * What the title does not say: the entity's summary, the claim's context, the passage; an excerpt
   * around the first word the query stands for. Empty when there is nothing more.
   */
  snippet: string;
  /** [start, end) of the whole words in `snippet` the query stands for. */
  marks: [number, number][];
  /** For a passage: its article's publisher and date, shown with the title. */
  publisher?: string;
  date?: string;
  dateIsEstimate?: boolean;
  sourceId?: string;
  /** For a passage: its article is a reworded copy, so the snippet is not the publisher's wording. */
  reworded?: true;
  score: number;
  /** The pack it was found in, when several are searched. */
  pack?: string;
}

interface Doc {
  kind: SearchResult['kind'];
  id: string;
  title: string;
  names: string[];
  /** What fuse.js searches besides the names and the title. */
  text: string;
  /** What the result shows under the title. */
  more: string;
  source?: Source;
}

export interface Search {
  search(query: string, limit?: number): SearchResult[];
}

/** Fuse.js gathers candidates generously; whole-word matching then keeps the relevant ones. */
const CANDIDATES_PER_RESULT = 4;

export function createSearch(pack: KnowledgePack): Search {
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const docs: Doc[] = [
    ...pack.entities.map((e) => ({
      kind: 'entity' as const,
      id: e.id,
      title: e.name,
      names: [e.name, ...e.aliases],
      text: e.summary,
      more: e.summary,
    })),
    ...pack.claims.map((c) => ({
      kind: 'claim' as const,
      id: c.id,
      title: c.statement,
      names: [],
      text: c.statement,
      more: c.context,
    })),
    ...pack.passages.map((p, i) => {
      const source = sources.get(p.source);
      return {
        kind: 'passage' as const,
        id: String(i),
        title: source?.headline ?? source?.publisher ?? p.source,
        names: [],
        text: p.text,
        more: p.text,
        ...(source ? { source } : {}),
      };
    }),
  ];
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'names', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'text', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.34,
    minMatchCharLength: 2,
  });
  return {
    search(query, limit = 30) {
      const trimmed = query.trim();
      if (trimmed.length < 2) return [];
      const words = queryWords(trimmed);
      const results: SearchResult[] = [];
      for (const { item, score } of fuse.search(trimmed, { limit: limit * CANDIDATES_PER_RESULT })) {
        // Relevance cut-off: fuse.js matches letters anywhere ("Hegset" in "the Netherlands"); a result
        // must hold, for every query word, a word that is it, begins with it, or is it with a typo.
        if (!holdsEveryWord([...item.names, item.title, item.text], words)) continue;
        results.push(toResult(item, words, score ?? 1));
        if (results.length === limit) break;
      }
      return results;
    },
  };
}

function toResult(doc: Doc, words: readonly string[], score: number): SearchResult {
  let title = doc.title;
  if (doc.kind === 'entity' && !holdsEveryWord([doc.title], words)) {
    // Found by an alias: say which, so the reader sees why ("Nicolás Maduro (Maduro Moros)").
    const alias = doc.names.find((name) => holdsEveryWord([name], words));
    if (alias) title = `${doc.title} (${alias})`;
  }
  const { snippet, marks } = excerpt(doc.more, markWords(doc.more, words));
  const source = doc.source;
  return {
    kind: doc.kind,
    id: doc.id,
    title,
    titleMarks: markWords(title, words),
    snippet,
    marks,
    ...(source
      ? {
          publisher: source.publisher,
          date: source.date,
          dateIsEstimate: source.dateIsEstimate,
          sourceId: source.id,
          ...(source.reworded ? { reworded: true as const } : {}),
        }
      : {}),
    score,
  };
}

const EXCERPT_LENGTH = 160;

/**
 * Up to about 160 characters of `text` from a little before its first marked word, cut at word
 * boundaries, with the marks that fall inside moved to the excerpt's offsets.
 */
function excerpt(text: string, marks: readonly [number, number][]): { snippet: string; marks: [number, number][] } {
  if (text.length <= EXCERPT_LENGTH) return { snippet: text, marks: [...marks] };
  const first = marks[0]?.[0] ?? 0;
  let from = Math.max(0, Math.min(first - 40, text.length - EXCERPT_LENGTH));
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, from + EXCERPT_LENGTH);
  if (to < text.length) to = text.lastIndexOf(' ', to) > first ? text.lastIndexOf(' ', to) : to;
  const lead = from > 0 ? '…' : '';
  return {
    snippet: lead + text.slice(from, to) + (to < text.length ? '…' : ''),
    marks: marks
      .filter(([start, end]) => start >= from && end <= to)
      .map(([start, end]) => [start - from + lead.length, end - from + lead.length]),
  };
}
