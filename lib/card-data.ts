/**
 * What a card (and the popup's details view) shows for an entity or a claim, assembled from the full
 * knowledge pack. Pure: the background worker runs it and sends the result to whoever asked.
 */
import type { ClaimStatus, EntityType, EvidenceStance, KnowledgePack, Source } from './knowledge/types';
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
const MAX_TIMELINE = 12;

export function cardData(pack: KnowledgePack, kind: 'entity' | 'claim', id: string): CardData | undefined {
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const sourceRef = (sourceId: string): SourceRef => {
    const source = sources.get(sourceId)!;
    return { ...source, citation: citation(source) };
  };
  const entityRef = (entityId: string): EntityRef | undefined => {
    const entity = pack.entities.find((e) => e.id === entityId);
    return entity && { id: entity.id, name: entity.name, type: entity.type };
  };
  const packRef = { name: pack.name, version: pack.version };

  if (kind === 'entity') {
    const entity = pack.entities.find((e) => e.id === id);
    if (!entity) return undefined;
    return {
      kind,
      id,
      name: entity.name,
      type: entity.type,
      summary: entity.summary,
      summarySources: entity.sources.map(sourceRef),
      ...(entity.wikidata ? { wikidata: entity.wikidata } : {}),
      related: entity.related.map(entityRef).filter((e): e is EntityRef => !!e),
      claims: pack.claims
        .filter((c) => c.about.includes(id) || c.claimantEntity === id)
        .map(({ id: claimId, statement, status }) => ({ id: claimId, statement, status })),
      // Passages are stored in date order, so the first ones are the oldest.
      timeline: entity.passages.slice(0, MAX_TIMELINE).map((index) => {
        const passage = pack.passages[index]!;
        const source = sourceRef(passage.source);
        return { text: passage.text, source, link: sourceLink(source, passage.text) };
      }),
      pack: packRef,
    };
  }
  const claim = pack.claims.find((c) => c.id === id);
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
    about: claim.about.map(entityRef).filter((e): e is EntityRef => !!e),
    pack: packRef,
  };
}
