/**
 * What a card (and the popup's details view) shows for an entity or a claim, assembled from the full
 * knowledge pack. Pure: the background worker runs it and sends the result to whoever asked.
 */
import type {
  Claim,
  ClaimStatus,
  Entity,
  EntityType,
  EvidenceStance,
  KnowledgePack,
  Passage,
  Source,
} from '../knowledge/types';
import { type SourceLink, citation, sourceLink } from './links';

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export interface ClaimRef {
  id: string;
  statement: string;
  status: ClaimStatus;
}

export interface SourceRef extends Source {
  citation: string;
}

export interface TimelineEntry {
  text: string;
  source: SourceRef;
  link: SourceLink;
}

export interface PackRef {
  name: string;
  version: string;
}

export interface EntityCardData {
  kind: 'entity';
  id: string;
  name: string;
  type: EntityType;
  summary: string;
  summarySources: SourceRef[];
  wikidata?: string;
  related: EntityRef[];
  claims: ClaimRef[];
  timeline: TimelineEntry[];
  pack: PackRef;
}

export interface EvidenceEntry {
  stance: EvidenceStance;
  quote: string;
  source: SourceRef;
  link: SourceLink;
}

export interface ClaimCardData {
  kind: 'claim';
  id: string;
  statement: string;
  claimant: string;
  date: string;
  status: ClaimStatus;
  context: string;
  evidence: EvidenceEntry[];
  about: EntityRef[];
  pack: PackRef;
}

export type CardData = EntityCardData | ClaimCardData;

/** Timeline entries per card: enough to read the background, not a wall of text. */
export const MAX_TIMELINE = 12;

/** What card data is assembled from: the whole pack, or the archive browser's loaded parts of it. */
export interface CardLookup {
  pack: PackRef;
  source(id: string): Source | undefined;
  entity(id: string): Entity | undefined;
  /** Enough to name and link an entity (it may be one whose full record is not at hand). */
  entityRef(id: string): EntityRef | undefined;
  claim(id: string): Claim | undefined;
  /** Claims about the entity or made by it, in pack order. */
  claimsOf(entityId: string): ClaimRef[];
  passage(index: number): Passage | undefined;
}

export function packLookup(pack: KnowledgePack): CardLookup {
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const entity = (id: string) => pack.entities.find((e) => e.id === id);
  return {
    pack: { name: pack.name, version: pack.version },
    source: (id) => sources.get(id),
    entity,
    entityRef: (id) => {
      const found = entity(id);
      return found && { id: found.id, name: found.name, type: found.type };
    },
    claim: (id) => pack.claims.find((c) => c.id === id),
    claimsOf: (entityId) =>
      pack.claims
        .filter((c) => c.about.includes(entityId) || c.claimantEntity === entityId)
        .map(({ id, statement, status }) => ({ id, statement, status })),
    passage: (index) => pack.passages[index],
  };
}

export function cardData(pack: KnowledgePack, kind: 'entity' | 'claim', id: string): CardData | undefined {
  return cardDataFrom(packLookup(pack), kind, id);
}

export function cardDataFrom(lookup: CardLookup, kind: 'entity' | 'claim', id: string): CardData | undefined {
  const sourceRef = (sourceId: string): SourceRef => {
    const source = lookup.source(sourceId)!;
    return { ...source, citation: citation(source) };
  };
  const packRef = lookup.pack;

  if (kind === 'entity') {
    const entity = lookup.entity(id);
    if (!entity) return undefined;
    return {
      kind,
      id,
      name: entity.name,
      type: entity.type,
      summary: entity.summary,
      summarySources: entity.sources.map(sourceRef),
      ...(entity.wikidata ? { wikidata: entity.wikidata } : {}),
      related: entity.related.map(lookup.entityRef).filter((e): e is EntityRef => !!e),
      claims: lookup.claimsOf(id),
      // Passages are stored in date order, so the first ones are the oldest.
      timeline: entity.passages.slice(0, MAX_TIMELINE).map((index) => {
        const passage = lookup.passage(index)!;
        const source = sourceRef(passage.source);
        return { text: passage.text, source, link: sourceLink(source, passage.text) };
      }),
      pack: packRef,
    };
  }
  const claim = lookup.claim(id);
  if (!claim) return undefined;
  return {
    kind,
    id,
    statement: claim.statement,
    claimant: claim.claimant,
    date: claim.date,
    status: claim.status,
    context: claim.context,
    evidence: claim.evidence.map((e) => {
      const source = sourceRef(e.source);
      return { stance: e.stance, quote: e.quote, source, link: sourceLink(source, e.quote) };
    }),
    about: claim.about.map(lookup.entityRef).filter((e): e is EntityRef => !!e),
    pack: packRef,
  };
}
