/**
 * The pack cut into parts for the archive browser, so a pack 100 times today's opens at once: a small
 * core in the page's script (the articles list needs nothing else), the names of every entity and
 * claim (the index, the timeline, linked names), then the full records and the passage texts in
 * chunks of consecutive indexes, each a JSON file fetched when a view first needs it.
 * lib/tools/build/archive-module.ts cuts the pack at build time; `joinArchive` puts it back together.
 */
import type { Claim, ClaimStatus, Entity, EntityType, KnowledgePack, Source, Topic } from '../knowledge/types';
import { foldKey } from '../text/fold';

export interface ArchiveCore {
  version: string;
  name: string;
  topic?: Topic;
  sources: Source[];
  /** Passages in pack order as runs from one source: [index into `sources`, how many]. */
  passageRuns: [number, number][];
  entityCount: number;
  claimCount: number;
  passageCount: number;
  /** First index of each chunk of entities, claims and passages; chunk i is part `<kind>-<i>`. */
  chunks: { entities: number[]; claims: number[]; passages: number[] };
  /** Characters of JSON in all the other parts together. */
  partsLength: number;
}

/** What the index, the timeline and linked names show of an entity; its record has the rest. */
export interface EntityName {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  passages: number[];
}

/** The `entity-names` part. */
export interface EntityNames {
  /** In pack order. */
  list: EntityName[];
  /** Indexes into `list`, A–Z (sorting 20,000 folded names in the page took longer than a frame). */
  byName: number[];
}

/** What lists show of a claim; its record has the evidence, context and match rules. */
export interface ClaimName {
  id: string;
  statement: string;
  status: ClaimStatus;
  date: string;
  claimant: string;
  claimantEntity?: string;
  about: string[];
  /** Passages holding its evidence, in evidence order. */
  evidencePassages: number[];
}

export type ChunkKind = keyof ArchiveCore['chunks'];

export const ENTITY_NAMES = 'entity-names';
export const CLAIM_NAMES = 'claim-names';

export const chunkPart = (kind: ChunkKind, chunk: number) => `${kind}-${chunk}`;

export interface ArchiveParts {
  core: ArchiveCore;
  /** Part name → its JSON value: the names, `Entity[]`, `Claim[]`, or passage texts (`string[]`). */
  parts: Map<string, unknown>;
}

/** Plain string order on precomputed keys: Intl.Collator is too slow for 20,000 names. */
export const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A–Z order of names: case and accents do not count, numbers in numeric order ("Unit 2" before "Unit 10"). */
export function nameSortKey(name: string): string {
  return foldKey(name).replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/** Chunk budgets in characters of JSON: each chunk parses in a few milliseconds. */
export interface ChunkBudgets {
  entities: number;
  claims: number;
  passages: number;
}

const DEFAULT_BUDGETS: ChunkBudgets = { entities: 512_000, claims: 512_000, passages: 256_000 };

/** Starts of runs of consecutive items of at most `budget` characters (at least one item each). */
function chunkStarts(sizes: readonly number[], budget: number): number[] {
  const starts: number[] = [];
  let used = Infinity;
  sizes.forEach((size, i) => {
    if (used + size > budget) {
      starts.push(i);
      used = 0;
    }
    used += size;
  });
  return starts;
}

function sliceChunks<T>(items: readonly T[], starts: readonly number[]): T[][] {
  return starts.map((start, i) => items.slice(start, starts[i + 1] ?? items.length));
}

export function splitPack(pack: KnowledgePack, budgets: Partial<ChunkBudgets> = {}): ArchiveParts {
  const budget = { ...DEFAULT_BUDGETS, ...budgets };
  const sourceIndex = new Map(pack.sources.map((source, i) => [source.id, i]));
  const passageRuns: [number, number][] = [];
  for (const passage of pack.passages) {
    const index = sourceIndex.get(passage.source);
    if (index === undefined) throw new Error(`passage of unknown source ${passage.source}`);
    const last = passageRuns[passageRuns.length - 1];
    if (last?.[0] === index) last[1]++;
    else passageRuns.push([index, 1]);
  }
  const texts = pack.passages.map((passage) => passage.text);
  const chunks = {
    entities: chunkStarts(
      pack.entities.map((e) => JSON.stringify(e).length),
      budget.entities,
    ),
    claims: chunkStarts(
      pack.claims.map((c) => JSON.stringify(c).length),
      budget.claims,
    ),
    passages: chunkStarts(
      texts.map((t) => t.length + 3),
      budget.passages,
    ),
  };
  const core: ArchiveCore = {
    version: pack.version,
    name: pack.name,
    ...(pack.topic ? { topic: pack.topic } : {}),
    sources: pack.sources,
    passageRuns,
    entityCount: pack.entities.length,
    claimCount: pack.claims.length,
    passageCount: pack.passages.length,
    chunks,
    partsLength: 0,
  };
  const parts = new Map<string, unknown>();
  const sortKeys = pack.entities.map((entity) => nameSortKey(entity.name));
  const entityNames: EntityNames = {
    list: pack.entities.map(({ id, name, type, aliases, passages }) => ({ id, name, type, aliases, passages })),
    byName: pack.entities
      .map((_, i) => i)
      .sort((a, b) => byKey(sortKeys[a]!, sortKeys[b]!) || byKey(pack.entities[a]!.name, pack.entities[b]!.name)),
  };
  parts.set(ENTITY_NAMES, entityNames);
  parts.set(
    CLAIM_NAMES,
    pack.claims.map(({ id, statement, status, date, claimant, claimantEntity, about, evidence }): ClaimName => ({
      id,
      statement,
      status,
      date,
      claimant,
      ...(claimantEntity ? { claimantEntity } : {}),
      about,
      evidencePassages: evidence.map((e) => e.passage),
    })),
  );
  sliceChunks(pack.entities, chunks.entities).forEach((chunk, i) => parts.set(chunkPart('entities', i), chunk));
  sliceChunks(pack.claims, chunks.claims).forEach((chunk, i) => parts.set(chunkPart('claims', i), chunk));
  sliceChunks(texts, chunks.passages).forEach((chunk, i) => parts.set(chunkPart('passages', i), chunk));
  for (const value of parts.values()) core.partsLength += JSON.stringify(value).length;
  return { core, parts };
}

/** Every part name of an archive, names first. */
export function partNames(core: ArchiveCore): string[] {
  return [
    ENTITY_NAMES,
    CLAIM_NAMES,
    ...(['entities', 'claims', 'passages'] as const).flatMap((kind) =>
      core.chunks[kind].map((_, i) => chunkPart(kind, i)),
    ),
  ];
}

/** Which chunk of `kind` holds item `index` (-1 when out of range). */
export function chunkOf(core: ArchiveCore, kind: ChunkKind, index: number): number {
  const starts = core.chunks[kind];
  const count = kind === 'entities' ? core.entityCount : kind === 'claims' ? core.claimCount : core.passageCount;
  if (!Number.isInteger(index) || index < 0 || index >= count) return -1;
  return lastAtMost(starts, index);
}

/** Position of the last of `sorted` (ascending, starting at or below `value`) that is at most `value`. */
export function lastAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The whole pack again, from the core and every chunk (the search worker needs all of it). */
export function joinArchive(core: ArchiveCore, part: (name: string) => unknown): KnowledgePack {
  const gather = <T>(kind: ChunkKind) => core.chunks[kind].flatMap((_, i) => part(chunkPart(kind, i)) as T[]);
  const texts = gather<string>('passages');
  const passageSources = core.passageRuns.flatMap(([source, count]) =>
    new Array<string>(count).fill(core.sources[source]!.id),
  );
  return {
    version: core.version,
    name: core.name,
    ...(core.topic ? { topic: core.topic } : {}),
    sources: core.sources,
    entities: gather<Entity>('entities'),
    claims: gather<Claim>('claims'),
    passages: texts.map((text, i) => ({ source: passageSources[i]!, text })),
  };
}
