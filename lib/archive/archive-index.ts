/**
 * Lookups the archive browser needs, built from the pack once and only when first asked for: a pack
 * 100 times today's (≈20,000 entities, ≈55,000 passages) costs nothing until a view uses a table.
 */
import { ENTITY_GROUPS, type EntityGroup } from '../entity-groups';
import {
  CLAIM_STATUSES,
  type Claim,
  type ClaimStatus,
  type Entity,
  type KnowledgePack,
  type Source,
} from '../knowledge/types';
import { foldKey } from '../text/fold';

export interface EntityGroupIndex {
  group: EntityGroup;
  /** A–Z by name. */
  entities: Entity[];
}

export interface ClaimGroupIndex {
  status: ClaimStatus;
  /** Newest first. */
  claims: Claim[];
}

/** Plain string order on precomputed folded keys: Intl.Collator is too slow for 20,000 names. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  readonly pack: KnowledgePack;

  constructor(pack: KnowledgePack) {
    this.pack = pack;
  }

  /** Sources by date (oldest first), ties in pack order. */
  readonly articles = lazy((): Source[] =>
    this.pack.sources
      .map((source, order) => ({ source, order }))
      .sort((a, b) => (a.source.date < b.source.date ? -1 : a.source.date > b.source.date ? 1 : a.order - b.order))
      .map(({ source }) => source),
  );

  private readonly sourceMap = lazy(() => new Map(this.pack.sources.map((s) => [s.id, s])));
  private readonly entityMap = lazy(() => new Map(this.pack.entities.map((e) => [e.id, e])));
  private readonly claimMap = lazy(() => new Map(this.pack.claims.map((c) => [c.id, c])));

  source(id: string): Source | undefined {
    return this.sourceMap().get(id);
  }

  entity(id: string): Entity | undefined {
    return this.entityMap().get(id);
  }

  claim(id: string): Claim | undefined {
    return this.claimMap().get(id);
  }

  /** Passage indexes of each source, in article order. */
  private readonly passagesBySource = lazy(() => {
    const bySource = new Map<string, number[]>();
    this.pack.passages.forEach((passage, index) => {
      const list = bySource.get(passage.source);
      if (list) list.push(index);
      else bySource.set(passage.source, [index]);
    });
    return bySource;
  });

  passagesOf(sourceId: string): readonly number[] {
    return this.passagesBySource().get(sourceId) ?? [];
  }

  /** Which entities and which claims' evidence each passage holds (the pack stores the other direction). */
  private readonly passageLinks = lazy(() => {
    const entities: (string[] | undefined)[] = new Array(this.pack.passages.length);
    const claims: (string[] | undefined)[] = new Array(this.pack.passages.length);
    const add = (table: (string[] | undefined)[], index: number, id: string) => {
      const list = table[index];
      if (!list) table[index] = [id];
      else if (!list.includes(id)) list.push(id);
    };
    for (const entity of this.pack.entities) for (const index of entity.passages) add(entities, index, entity.id);
    for (const claim of this.pack.claims) for (const e of claim.evidence) add(claims, e.passage, claim.id);
    return { entities, claims };
  });

  entitiesInPassage(index: number): readonly string[] {
    return this.passageLinks().entities[index] ?? [];
  }

  claimsInPassage(index: number): readonly string[] {
    return this.passageLinks().claims[index] ?? [];
  }

  /** Claims about an entity or made by it, newest first. */
  private readonly claimsByEntity = lazy(() => {
    const byEntity = new Map<string, Claim[]>();
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

  claimsFor(entityId: string): readonly Claim[] {
    return this.claimsByEntity().get(entityId) ?? [];
  }

  private readonly claimsNewestFirst = lazy(() =>
    [...this.pack.claims].sort((a, b) => byKey(b.date, a.date) || byKey(a.statement, b.statement)),
  );

  /** Entities in the popup's type groups, each group A–Z. */
  readonly entityGroups = lazy((): EntityGroupIndex[] => {
    const sorted = this.entityKeys().map(({ entity }) => entity);
    return ENTITY_GROUPS.map((group) => ({
      group,
      entities: sorted.filter((entity) => group.types.includes(entity.type)),
    })).filter((entry) => entry.entities.length > 0);
  });

  /** Claims by status (in the pack's status order), each newest first. */
  readonly claimGroups = lazy((): ClaimGroupIndex[] =>
    CLAIM_STATUSES.map((status) => ({
      status,
      claims: this.claimsNewestFirst().filter((claim) => claim.status === status),
    })).filter((entry) => entry.claims.length > 0),
  );

  /**
   * Folded name and aliases per entity, A–Z by folded name (case and accents do not count; numbers in
   * numeric order, "Unit 2" before "Unit 10").
   */
  private readonly entityKeys = lazy(() =>
    this.pack.entities
      .map((entity) => {
        const name = foldKey(entity.name);
        return {
          entity,
          name,
          sortKey: name.replace(/\d+/g, (digits) => digits.padStart(12, '0')),
          aliases: entity.aliases.map((alias) => foldKey(alias)),
        };
      })
      .sort((a, b) => byKey(a.sortKey, b.sortKey) || byKey(a.entity.name, b.entity.name)),
  );

  /**
   * Entities whose name or an alias contains `query` (folded: case and accents do not matter), best
   * first: name starts with it, then a word of the name does, then anything else; then A–Z.
   */
  findEntities(query: string, limit = Infinity): Entity[] {
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
    const buckets: Entity[][] = [[], [], [], [], []];
    for (const { entity, name, aliases } of this.entityKeys()) {
      const r = rank(name, aliases);
      if (r >= 0) buckets[r]!.push(entity);
    }
    return buckets.flat().slice(0, limit);
  }

  /** The entity groups narrowed to entities matching `query`; all of them when it is blank. */
  filterEntityGroups(query: string): EntityGroupIndex[] {
    if (!foldKey(query)) return this.entityGroups();
    const matching = new Set(this.findEntities(query));
    return this.entityGroups()
      .map(({ group, entities }) => ({ group, entities: entities.filter((entity) => matching.has(entity)) }))
      .filter((entry) => entry.entities.length > 0);
  }

  /** Position of a passage within its article, from 1. */
  paragraphNumber(index: number): number {
    const passage = this.pack.passages[index];
    if (!passage) return 0;
    return this.passagesOf(passage.source).indexOf(index) + 1;
  }
}
