/**
 * Typo-tolerant search over the whole pack (entities, claims, archive passages) for the popup and the
 * archive browser. Never used for page scanning.
 */
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { KnowledgePack } from './types';

export interface SearchResult {
  kind: 'entity' | 'claim' | 'passage';
  /** Entity or claim id; for a passage, its index in the pack. */
  id: string;
  title: string;
  /** Where the match is: [start, end) pairs in `title` or `snippet`, for marking. */
  snippet: string;
  marks: [number, number][];
  sourceId?: string;
  score: number;
  /** The pack it was found in, when several are searched. */
  pack?: string;
}

interface Doc {
  kind: SearchResult['kind'];
  id: string;
  title: string;
  names: string[];
  text: string;
  sourceId?: string;
}

export interface Search {
  search(query: string, limit?: number): SearchResult[];
}

export function createSearch(pack: KnowledgePack): Search {
  const docs: Doc[] = [
    ...pack.entities.map((e) => ({
      kind: 'entity' as const,
      id: e.id,
      title: e.name,
      names: [e.name, ...e.aliases],
      text: e.summary,
    })),
    ...pack.claims.map((c) => ({ kind: 'claim' as const, id: c.id, title: c.statement, names: [], text: c.statement })),
    ...pack.passages.map((p, i) => {
      const source = pack.sources.find((s) => s.id === p.source);
      return {
        kind: 'passage' as const,
        id: String(i),
        title: `${source?.publisher ?? p.source}, ${source?.date ?? ''}`,
        names: [],
        text: p.text,
        sourceId: p.source,
      };
    }),
  ];
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'names', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'text', weight: 1 },
    ],
    includeMatches: true,
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
      return fuse.search(trimmed, { limit }).map(({ item, matches, score }) => {
        const best = bestMatch(matches ?? []);
        const source =
          best?.key === 'text' ? item.text : best?.key === 'names' ? (best.value ?? item.title) : item.title;
        const { snippet, marks } = excerpt(source, best?.indices ?? []);
        return {
          kind: item.kind,
          id: item.id,
          title:
            item.kind === 'entity' && best?.key === 'names' && best.value !== item.title
              ? `${item.title} (${best.value})`
              : item.title,
          snippet,
          marks,
          ...(item.sourceId ? { sourceId: item.sourceId } : {}),
          score: score ?? 1,
        };
      });
    },
  };
}

function bestMatch(matches: readonly FuseResultMatch[]): FuseResultMatch | undefined {
  const span = (m: FuseResultMatch) => Math.max(0, ...m.indices.map(([a, b]) => b - a + 1));
  return [...matches].sort((a, b) => span(b) - span(a))[0];
}

/** Up to ~160 characters around the longest matched run, with match offsets relative to the excerpt. */
function excerpt(
  text: string,
  indices: readonly (readonly [number, number])[],
): { snippet: string; marks: [number, number][] } {
  const runs = indices.filter(([a, b]) => b - a >= 1);
  const longest = [...runs].sort((x, y) => y[1] - y[0] - (x[1] - x[0]))[0];
  const center = longest ? longest[0] : 0;
  const from = text.length <= 160 ? 0 : Math.max(0, Math.min(center - 60, text.length - 160));
  const to = Math.min(text.length, from + 160);
  const marks = runs
    .filter(([a, b]) => a >= from && b < to)
    .map(([a, b]) => [a - from, b - from + 1] as [number, number]);
  return {
    snippet: (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : ''),
    marks: from > 0 ? marks.map(([a, b]) => [a + 1, b + 1]) : marks,
  };
}
