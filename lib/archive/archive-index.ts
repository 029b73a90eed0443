/**
 * Lookups the archive browser needs, over the parts of the pack loaded so far (lib/archive/split.ts):
 * the core is always there; the names, records and passage texts arrive when a view asks for them
 * (`load`), and each table is built once, when a view first uses it.
 */
import { type CardLookup, type ClaimRef, type EntityRef } from '../view/card-data';
import { ENTITY_GROUPS, type EntityGroup } from '../view/entity-groups';
import { CLAIM_STATUSES, type Claim, type ClaimStatus, type Entity, type Source } from '../knowledge/types';
import { foldKey } from '../text/fold';
import {
  type ArchiveCore,
  CLAIM_NAMES,
  type ChunkKind,
  type ClaimName,
  ENTITY_NAMES,
  type EntityName,
  type EntityNames,
  byKey,
  chunkOf,
  chunkPart,
  lastAtMost,
} from './split';

export interface EntityGroupIndex {
  group: EntityGroup;
  /** A–Z by name. */
  entities: EntityName[];
}

export interface ClaimGroupIndex {
  status: ClaimStatus;
  /** Newest first. */
  claims: ClaimName[];
}

/** Fetches one part of the archive by name (the page fetches the extension's own files). */
export type PartLoader = (name: string) => Promise<unknown>;

/** Parts every name-showing view needs: linked names, statuses, the index, the timeline. */
export const NAMES: readonly string[] = [ENTITY_NAMES, CLAIM_NAMES];

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

export class ArchiveIndex {
  readonly core: ArchiveCore;
  private readonly loadPart: PartLoader;
  private readonly parts = new Map<string, unknown>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(core: ArchiveCore, loadPart: PartLoader) {
    this.core = core;
    this.loadPart = loadPart;
    this.cardLookup = this.createCardLookup();
  }

  /** Whether every named part is loaded. */
  has(names: readonly string[]): boolean {
    return names.every((name) => this.parts.has(name));
  }

  /** Loads the named parts (each once, however often asked); resolves when all are there. */
  load(names: readonly string[]): Promise<void> {
    return Promise.all(
      names.map((name) => {
        if (this.parts.has(name)) return undefined;
        let loading = this.pending.get(name);
        if (!loading) {
          loading = this.loadPart(name).then(
            (value) => {
              this.parts.set(name, value);
              this.pending.delete(name);
            },
            (error: unknown) => {
              this.pending.delete(name); // asking again tries again
              throw error;
            },
          );
          this.pending.set(name, loading);
        }
        return loading;
      }),
    ).then(() => undefined);
  }

  private part<T>(name: string): T {
    if (!this.parts.has(name)) throw new Error(`archive part ${name} is not loaded`);
    return this.parts.get(name) as T;
  }

  private item<T>(kind: ChunkKind, index: number): T | undefined {
    const chunk = chunkOf(this.core, kind, index);
    if (chunk < 0) return undefined;
    const items = this.parts.get(chunkPart(kind, chunk)) as T[] | undefined;
    return items?.[index - this.core.chunks[kind][chunk]!];
  }

  /** The chunks holding these passages (ids out of range are left out). */
  passageParts(indexes: readonly number[]): string[] {
    const chunks = new Set(indexes.map((index) => chunkOf(this.core, 'passages', index)));
    chunks.delete(-1);
    return [...chunks].map((chunk) => chunkPart('passages', chunk));
  }

  /**
   * The parts an entity's or claim's card needs besides NAMES (which must be loaded: they say where
   * its record is): its record and, for an entity, the passages of its card's timeline.
   */
  cardParts(kind: 'entity' | 'claim', id: string, timelineLength: number): string[] {
    if (kind === 'entity') {
      const index = this.entityIndexes().get(id);
      if (index === undefined) return [];
      return [
        chunkPart('entities', chunkOf(this.core, 'entities', index)),
        ...this.passageParts(this.entityNames()[index]!.passages.slice(0, timelineLength)),
      ];
    }
    const index = this.claimIndexes().get(id);
    return index === undefined ? [] : [chunkPart('claims', chunkOf(this.core, 'claims', index))];
  }

  /** Sources by date (oldest first), ties in pack order. */
  readonly articles = lazy((): Source[] =>
    this.core.sources
      .map((source, order) => ({ source, order }))
      .sort((a, b) => (a.source.date < b.source.date ? -1 : a.source.date > b.source.date ? 1 : a.order - b.order))
      .map(({ source }) => source),
  );

  private readonly sourceMap = lazy(() => new Map(this.core.sources.map((s) => [s.id, s])));
  private readonly entityNames = () => this.part<EntityNames>(ENTITY_NAMES).list;
  private readonly claimNames = () => this.part<ClaimName[]>(CLAIM_NAMES);
  private readonly entityIndexes = lazy(() => new Map(this.entityNames().map((e, i) => [e.id, i])));
  private readonly claimIndexes = lazy(() => new Map(this.claimNames().map((c, i) => [c.id, i])));

  source(id: string): Source | undefined {
    return this.sourceMap().get(id);
  }

  /** Needs the entity names. */
  entity(id: string): EntityName | undefined {
    const index = this.entityIndexes().get(id);
    return index === undefined ? undefined : this.entityNames()[index];
  }

  /** Needs the claim names. */
  claim(id: string): ClaimName | undefined {
    const index = this.claimIndexes().get(id);
    return index === undefined ? undefined : this.claimNames()[index];
  }

  /** Every claim's name, in pack order. Needs the claim names. */
  claims(): readonly ClaimName[] {
    return this.claimNames();
  }

  /** The text of a passage, once its chunk is loaded. */
  passageText(index: number): string | undefined {
    return this.item<string>('passages', index);
  }

  /** Where each run of one source's passages starts (runs rather than 55,000 entries a pack 100× today's). */
  private readonly runStarts = lazy(() => {
    const starts: number[] = [];
    let next = 0;
    for (const [, count] of this.core.passageRuns) {
      starts.push(next);
      next += count;
    }
    return starts;
  });

  private readonly passagesBySource = new Map<string, number[]>();

  /** Passage indexes of a source, in article order. */
  passagesOf(sourceId: string): readonly number[] {
    let list = this.passagesBySource.get(sourceId);
    if (!list) {
      const starts = this.runStarts();
      list = this.core.passageRuns.flatMap(([source, count], run) =>
        this.core.sources[source]!.id === sourceId ? Array.from({ length: count }, (_, i) => starts[run]! + i) : [],
      );
      this.passagesBySource.set(sourceId, list);
    }
    return list;
  }

  sourceOfPassage(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.core.passageCount) return undefined;
    return this.core.sources[this.core.passageRuns[lastAtMost(this.runStarts(), index)]![0]]!.id;
  }

  /** Which entities and which claims' evidence each passage holds (the pack stores the other direction). */
  private readonly passageLinks = lazy(() => {
    const entities: (string[] | undefined)[] = new Array(this.core.passageCount);
    const claims: (string[] | undefined)[] = new Array(this.core.passageCount);
    const add = (table: (string[] | undefined)[], index: number, id: string) => {
      const list = table[index];
      if (!list) table[index] = [id];
      else if (!list.includes(id)) list.push(id);
    };
    for (const entity of this.entityNames()) for (const index of entity.passages) add(entities, index, entity.id);
    for (const claim of this.claimNames()) for (const index of claim.evidencePassages) add(claims, index, claim.id);
    return { entities, claims };
  });

  /** Needs NAMES. */
  entitiesInPassage(index: number): readonly string[] {
    return this.passageLinks().entities[index] ?? [];
  }

  /** Needs NAMES. */
  claimsInPassage(index: number): readonly string[] {
    return this.passageLinks().claims[index] ?? [];
  }

  /** Claims about an entity or made by it, newest first. */
  private readonly claimsByEntity = lazy(() => {
    const byEntity = new Map<string, ClaimName[]>();
    for (const claim of this.claimsNewestFirst()) {
      const ids = new Set(claim.about);
      if (claim.claimantEntity) ids.add(claim.claimantEntity);
      for (const id of ids) {
        const list = byEntity.get(id);
        if (list) list.push(claim);
        else byEntity.set(id, [claim]);
      }
    }
    return byEntity;
  });

  /** Needs the claim names. */
  claimsFor(entityId: string): readonly ClaimName[] {
    return this.claimsByEntity().get(entityId) ?? [];
  }

  private readonly claimsNewestFirst = lazy(() =>
    [...this.claimNames()].sort((a, b) => byKey(b.date, a.date) || byKey(a.statement, b.statement)),
  );

  private readonly entitiesByName = lazy(() => {
    const { list, byName } = this.part<EntityNames>(ENTITY_NAMES);
    return byName.map((index) => list[index]!);
  });

  /** Entities in the popup's type groups, each group A–Z. Needs the entity names. */
  readonly entityGroups = lazy((): EntityGroupIndex[] => {
    const sorted = this.entitiesByName();
    return ENTITY_GROUPS.map((group) => ({
      group,
      entities: sorted.filter((entity) => group.types.includes(entity.type)),
    })).filter((entry) => entry.entities.length > 0);
  });

  /** Claims by status (in the pack's status order), each newest first. Needs the claim names. */
  readonly claimGroups = lazy((): ClaimGroupIndex[] =>
    CLAIM_STATUSES.map((status) => ({
      status,
      claims: this.claimsNewestFirst().filter((claim) => claim.status === status),
    })).filter((entry) => entry.claims.length > 0),
  );

  /** Folded name and aliases per entity, A–Z; folded when a name is first looked for. */
  private readonly entityKeys = lazy(() =>
    this.entitiesByName().map((entity) => ({
      entity,
      name: foldKey(entity.name),
      aliases: entity.aliases.map((alias) => foldKey(alias)),
    })),
  );

  /**
   * Entities whose name or an alias contains `query` (folded: case and accents do not matter), best
   * first: name starts with it, then a word of the name does, then anything else; then A–Z. Needs the entity names.
   */
  findEntities(query: string, limit = Infinity): EntityName[] {
    const folded = foldKey(query);
    if (!folded) return [];
    const rank = (name: string, aliases: readonly string[]): number => {
      if (name.startsWith(folded)) return 0;
      if (name.includes(` ${folded}`)) return 1;
      if (name.includes(folded)) return 2;
      if (aliases.some((alias) => alias.startsWith(folded) || alias.includes(` ${folded}`))) return 3;
      if (aliases.some((alias) => alias.includes(folded))) return 4;
      return -1;
    };
    // Scanning in A–Z order into one bucket per rank keeps each bucket A–Z: no sort needed.
    const buckets: EntityName[][] = [[], [], [], [], []];
    for (const { entity, name, aliases } of this.entityKeys()) {
      const r = rank(name, aliases);
      if (r >= 0) buckets[r]!.push(entity);
    }
    return buckets.flat().slice(0, limit);
  }

  /** The entity groups narrowed to entities matching `query`; all of them when it is blank. Needs the entity names. */
  filterEntityGroups(query: string): EntityGroupIndex[] {
    if (!foldKey(query)) return this.entityGroups();
    const matching = new Set(this.findEntities(query));
    return this.entityGroups()
      .map(({ group, entities }) => ({ group, entities: entities.filter((entity) => matching.has(entity)) }))
      .filter((entry) => entry.entities.length > 0);
  }

  /** Position of a passage within its article, from 1. */
  paragraphNumber(index: number): number {
    const source = this.sourceOfPassage(index);
    if (source === undefined) return 0;
    return this.passagesOf(source).indexOf(index) + 1;
  }

  /**
   * Card data from what is loaded: NAMES, and `cardParts` of the entity or claim shown (other
   * records, and passages past the card's timeline, may be missing).
   */
  readonly cardLookup: CardLookup;

  private createCardLookup(): CardLookup {
    return {
      pack: { name: this.core.name, version: this.core.version },
      source: (id) => this.source(id),
      entity: (id) => {
        const index = this.entityIndexes().get(id);
        return index === undefined ? undefined : this.item<Entity>('entities', index);
      },
      entityRef: (id): EntityRef | undefined => {
        const entity = this.entity(id);
        return entity && { id: entity.id, name: entity.name, type: entity.type };
      },
      claim: (id) => {
        const index = this.claimIndexes().get(id);
        return index === undefined ? undefined : this.item<Claim>('claims', index);
      },
      claimsOf: (entityId): ClaimRef[] =>
        this.claimNames()
          .filter((c) => c.about.includes(entityId) || c.claimantEntity === entityId)
          .map(({ id, statement, status }) => ({ id, statement, status })),
      passage: (index) => {
        const text = this.passageText(index);
        const source = this.sourceOfPassage(index);
        return text === undefined || source === undefined ? undefined : { source, text };
      },
    };
  }
}
