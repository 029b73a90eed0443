/**
 * A page's findings as plain data: the input of every export format (lib/export/*). The content
 * script has all of it (the text index's text and the matcher's findings); the annotate CLI builds
 * it from a file. Offsets here are UTF-16 code units into `text`, as JavaScript counts; the
 * Web Annotation export converts them to code points (lib/export/text-offsets.ts).
 */
import type { ClaimStatus, Entity, EntityType, KnowledgePack, Source } from '../knowledge/types';

export interface EntityFindingData {
  /** Entity id in the knowledge pack. */
  id: string;
  /** Canonical name. */
  name: string;
  type: EntityType;
  /** UTF-16 offsets into `PageFindingsData.text`. */
  start: number;
  end: number;
  /** The curated alias that matched. */
  alias?: string;
  /** Why it was highlighted: 'alias', 'name-on-page', 'cue-nearby', 'page-topic' or 'near-spelling'. */
  rule?: string;
  /** What confirmed an ambiguous alias. */
  cue?: string;
}

export interface ClaimFindingData {
  /** Claim id in the knowledge pack. */
  id: string;
  statement: string;
  status: ClaimStatus;
  /** UTF-16 offsets of the sentence stating the claim. */
  start: number;
  end: number;
}

export interface PageFindingsData {
  /** The page's address (for a file: its file: URL). */
  url: string;
  title: string;
  /** The page text as lib/dom/text-index.ts builds it (U+2029 between blocks), or a text file's content. */
  text: string;
  entities: EntityFindingData[];
  claims: ClaimFindingData[];
}

/** One finding with its kind, for formats that list entities and claims together in text order. */
export type OrderedFinding = ({ kind: 'entity' } & EntityFindingData) | ({ kind: 'claim' } & ClaimFindingData);

/** Entities and claims of a page in text order (claims after entities that start at the same offset). */
export function inTextOrder(findings: PageFindingsData): OrderedFinding[] {
  const all: OrderedFinding[] = [
    ...findings.entities.map((e): OrderedFinding => ({ kind: 'entity', ...e })),
    ...findings.claims.map((c): OrderedFinding => ({ kind: 'claim', ...c })),
  ];
  // Array.prototype.sort is stable: entities stay before claims at equal offsets.
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Lookups into the pack the exports share; ids that are missing from the pack resolve to undefined. */
export interface PackIndex {
  pack: KnowledgePack;
  entity(id: string): Entity | undefined;
  claim(id: string): KnowledgePack['claims'][number] | undefined;
  source(id: string): Source | undefined;
  /** Ids of the sources behind an entity's summary or a claim's evidence, without repeats, in pack order. */
  sourceIds(kind: 'entity' | 'claim', id: string): string[];
}

export function indexPack(pack: KnowledgePack): PackIndex {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  return {
    pack,
    entity: (id) => entities.get(id),
    claim: (id) => claims.get(id),
    source: (id) => sources.get(id),
    sourceIds(kind, id) {
      const ids =
        kind === 'entity' ? (entities.get(id)?.sources ?? []) : (claims.get(id)?.evidence ?? []).map((e) => e.source);
      return [...new Set(ids)].filter((sourceId) => sources.has(sourceId));
    },
  };
}

/**
 * Checks that a parsed pack has what the exports read beyond the matcher's needs (sources,
 * passages, entity summaries); throws with a reason.
 */
export function asExportPack(value: unknown): KnowledgePack {
  const pack = value as Partial<KnowledgePack> | null;
  if (!pack || typeof pack !== 'object') throw new Error('the pack is not a JSON object');
  for (const key of ['sources', 'entities', 'claims'] as const) {
    if (!Array.isArray(pack[key])) throw new Error(`the pack has no "${key}" array`);
  }
  if (typeof pack.version !== 'string') throw new Error('the pack has no "version" string');
  return pack as KnowledgePack;
}

/** The status labels the popup shows (components/StatusLabel.tsx). */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  supported: 'Supported',
  disputed: 'Disputed',
  'needs-context': 'Needs context',
  reported: 'Reported',
};

export function statusLabel(status: string): string {
  return (CLAIM_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** Wikidata's concept IRI for a QID ("Q889" → http://www.wikidata.org/entity/Q889); undefined unless it is one. */
export function wikidataIri(qid: string | undefined): string | undefined {
  return qid && /^Q[1-9]\d*$/.test(qid) ? `http://www.wikidata.org/entity/${qid}` : undefined;
}
