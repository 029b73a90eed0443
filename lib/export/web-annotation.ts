/**
 * A page's findings as W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/):
 * one AnnotationCollection per page whose first (and only) AnnotationPage embeds one Annotation per
 * finding occurrence, in text order.
 *
 * - Ids are deterministic `urn:uuid:` URNs (RFC 9562 version 8, from a hash of the page URL, the
 *   finding and its offsets): the same findings export to the same document.
 * - Entities have motivation `identifying`; their bodies: the pack's entity as an `identifying`
 *   SpecificResource (`urn:backstory:entity:<id>`, schema.org type, name, `schema:sameAs` its Wikidata
 *   IRI when the pack has a QID), the summary as a `describing` TextualBody, and the summary's sources.
 * - Claims have motivation `assessing`; their bodies: the pack's claim (`urn:backstory:claim:<id>`,
 *   `schema:Claim`) as `identifying`, the status label as an `assessing` TextualBody, the context as a
 *   `describing` TextualBody, and the evidence.
 * - A source with a URL is a `linking` SpecificResource on the article (evidence: with a
 *   TextQuoteSelector for the quote); a source without one is a `describing` TextualBody holding its
 *   citation ("… URL unknown."): no address is ever invented. Evidence from a reworded copy (the
 *   pack's `reworded` sources) says so, is not set in quotation marks and gets no selector.
 * - Targets carry a TextQuoteSelector (exact, and up to 32 code points of prefix and suffix) and a
 *   TextPositionSelector whose start/end count Unicode code points, as the model says, in the page
 *   text as Backstory's text index extracts it (text nodes joined, U+2029 between blocks, whitespace
 *   kept as in the document). JavaScript callers convert with lib/export/text-offsets.ts or re-anchor
 *   with lib/export/anchor.ts.
 * - Extra properties use the `schema:` prefix the anno.jsonld context defines, so the documents
 *   need no context of their own.
 */
import { citation, rewordedLabel, textFragment } from '../view/links';
import type { EntityType, KnowledgePack, Source } from '../knowledge/types';
import { ENTITY_TYPE_LABELS } from '../view/entity-groups';
import type { TextPositionSelector, TextQuoteSelector } from './anchor';
import {
  type ClaimFindingData,
  type EntityFindingData,
  type PackIndex,
  type PageFindingsData,
  indexPack,
  inTextOrder,
  statusLabel,
  wikidataIri,
} from './findings';
import { offsetMap, quoteContext } from './text-offsets';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The motivations the model defines (§3.3.5). */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

export const PREFIX_SUFFIX_CODE_POINTS = 32;

/** JSON values, for the schema.org properties (`schema:` prefix of anno.jsonld) on body sources. */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export interface TextualBody {
  type: 'TextualBody';
  purpose: Motivation;
  value: string;
  format: 'text/plain';
  language?: string;
}

export interface SpecificResourceBody {
  type: 'SpecificResource';
  purpose: Motivation;
  /** The resource: an IRI, or a node with an `id` IRI. */
  source: { id: string; type?: string; format?: string; [key: string]: JsonValue | undefined };
  selector?: TextQuoteSelector;
}

export type AnnotationBody = TextualBody | SpecificResourceBody;

export interface Annotation {
  '@context'?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created?: string;
  body: AnnotationBody[];
  target: {
    source: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  items: Annotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  'schema:description': string;
  first: AnnotationPage;
}

export interface WebAnnotationOptions {
  /** ISO 8601 date-time for each annotation's `created` (left out when not given, for reproducible output). */
  created?: string;
}

/* ------------------------------------------------------------------ */
/* Deterministic ids                                                   */
/* ------------------------------------------------------------------ */

/** 128 bits from four differently seeded 32-bit multiplicative hashes of the string's code units. */
function hash128(input: string): number[] {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    lanes[0] = Math.imul(lanes[0]! ^ unit, 0x01000193);
    lanes[1] = Math.imul(lanes[1]! ^ unit, 0x5bd1e995);
    lanes[2] = Math.imul(lanes[2]! ^ unit, 0x27d4eb2f);
    lanes[3] = Math.imul(lanes[3]! ^ unit, 0x165667b1);
  }
  // Final avalanche, mixing the lanes into each other.
  for (let round = 0; round < 2; round++) {
    for (let k = 0; k < 4; k++) {
      let h = lanes[k]! ^ lanes[(k + 1) % 4]!;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      lanes[k] = (h ^ (h >>> 16)) >>> 0;
    }
  }
  return lanes.map((lane) => lane >>> 0);
}

/** A name-based `urn:uuid:` (RFC 9562 version 8, custom): the same name always gives the same URN. */
export function deterministicUrn(name: string): string {
  const hex = hash128(name)
    .map((lane) => lane.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const entityUrn = (id: string) => `urn:backstory:entity:${encodeURIComponent(id)}`;
export const claimUrn = (id: string) => `urn:backstory:claim:${encodeURIComponent(id)}`;

/* ------------------------------------------------------------------ */
/* Bodies                                                              */
/* ------------------------------------------------------------------ */

const SCHEMA_TYPES: Record<EntityType, string> = {
  person: 'schema:Person',
  organisation: 'schema:Organization',
  agency: 'schema:GovernmentOrganization',
  'armed-group': 'schema:Organization',
  place: 'schema:Place',
  operation: 'schema:Event',
  unit: 'schema:Organization',
  vessel: 'schema:Vehicle',
  drug: 'schema:Drug',
  policy: 'schema:Legislation',
};

const textual = (purpose: Motivation, value: string): TextualBody => ({
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
  language: 'en',
});

/** The article as a body: linked when its URL is known, otherwise its citation as text. */
function sourceBody(source: Source, quote?: string): AnnotationBody {
  if (!source.url) return textual('describing', `Source: ${citation(source)}`);
  const body: SpecificResourceBody = {
    type: 'SpecificResource',
    purpose: 'linking',
    source: {
      id: source.url,
      type: 'Text',
      format: 'text/html',
      'schema:publisher': source.publisher,
      'schema:datePublished': source.date,
      ...(source.headline ? { 'schema:headline': source.headline } : {}),
    },
  };
  // A reworded copy's words are not on the publisher's page: a selector or fragment would point at nothing.
  if (quote && !source.reworded) {
    body.selector = { type: 'TextQuoteSelector', exact: quote };
    // A link that browsers scroll to the quote (URL text fragment), for readers of the JSON.
    body.source['schema:url'] = source.url + textFragment(quote);
  }
  return body;
}

function entityBodies(finding: EntityFindingData, packIndex: PackIndex): AnnotationBody[] {
  const entity = packIndex.entity(finding.id);
  const sameAs = wikidataIri(entity?.wikidata);
  const bodies: AnnotationBody[] = [
    {
      type: 'SpecificResource',
      purpose: 'identifying',
      source: {
        id: entityUrn(finding.id),
        type: SCHEMA_TYPES[finding.type] ?? 'schema:Thing',
        'schema:name': finding.name,
        'schema:additionalType': ENTITY_TYPE_LABELS[finding.type] ?? finding.type,
        ...(sameAs ? { 'schema:sameAs': sameAs } : {}),
      },
    },
  ];
  if (entity?.summary) bodies.push(textual('describing', entity.summary));
  for (const sourceId of packIndex.sourceIds('entity', finding.id))
    bodies.push(sourceBody(packIndex.source(sourceId)!));
  return bodies;
}

function claimBodies(finding: ClaimFindingData, packIndex: PackIndex): AnnotationBody[] {
  const claim = packIndex.claim(finding.id);
  const bodies: AnnotationBody[] = [
    {
      type: 'SpecificResource',
      purpose: 'identifying',
      source: {
        id: claimUrn(finding.id),
        type: 'schema:Claim',
        'schema:text': finding.statement,
        ...(claim?.claimant ? { 'schema:author': claim.claimant } : {}),
        ...(claim?.date ? { 'schema:dateCreated': claim.date } : {}),
      },
    },
    textual('assessing', `${statusLabel(finding.status)}: ${finding.statement}`),
  ];
  if (claim?.context) bodies.push(textual('describing', claim.context));
  for (const evidence of claim?.evidence ?? []) {
    const source = packIndex.source(evidence.source);
    if (!source) continue;
    const body = sourceBody(source, evidence.quote);
    const reworded = rewordedLabel(source);
    const what = `Evidence (${evidence.stance})${reworded ? `, ${reworded}` : ''}`;
    if (body.type === 'SpecificResource') body.source['schema:description'] = what;
    // Not in quotation marks when the words are a reworded copy's rather than the publisher's.
    else body.value = `${what}: ${reworded ? evidence.quote : `“${evidence.quote}”`} — ${citation(source)}`;
    bodies.push(body);
  }
  return bodies;
}

/* ------------------------------------------------------------------ */
/* Export                                                              */
/* ------------------------------------------------------------------ */

export const OFFSETS_NOTE =
  'TextPositionSelector start/end count Unicode code points, as the Web Annotation model says, in the ' +
  "page text as Backstory's text index extracts it: text nodes joined, U+2029 between blocks, whitespace " +
  'kept as in the document. TextQuoteSelector exact/prefix/suffix are copied from that text; prefix and ' +
  `suffix hold up to ${PREFIX_SUFFIX_CODE_POINTS} code points.`;

/** The page's findings as an AnnotationCollection (one embedded AnnotationPage, one Annotation per occurrence). */
export function toWebAnnotations(
  findings: PageFindingsData,
  pack: KnowledgePack,
  options: WebAnnotationOptions = {},
): AnnotationCollection {
  const packIndex = indexPack(pack);
  const map = offsetMap(findings.text);
  const items = inTextOrder(findings).map((finding): Annotation => {
    const { start, end } = finding;
    const cpStart = map.toCodePoint(start);
    const cpEnd = map.toCodePoint(end);
    const { prefix, suffix } = quoteContext(findings.text, map, start, end, PREFIX_SUFFIX_CODE_POINTS);
    const annotation: Annotation = {
      id: deterministicUrn(
        `backstory annotation\n${findings.url}\n${finding.kind}\n${finding.id}\n${cpStart}\n${cpEnd}`,
      ),
      type: 'Annotation',
      motivation: finding.kind === 'entity' ? 'identifying' : 'assessing',
      body: finding.kind === 'entity' ? entityBodies(finding, packIndex) : claimBodies(finding, packIndex),
      target: {
        source: findings.url,
        selector: [
          { type: 'TextQuoteSelector', exact: findings.text.slice(start, end), prefix, suffix },
          { type: 'TextPositionSelector', start: cpStart, end: cpEnd },
        ],
      },
    };
    if (options.created) annotation.created = options.created;
    return annotation;
  });
  const collectionId = deterministicUrn(
    `backstory collection\n${findings.url}\n${pack.version}\n${items.map((item) => item.id).join(' ')}`,
  );
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Backstory findings: ${findings.title || findings.url}`,
    total: items.length,
    generator: { type: 'Software', name: `Backstory (knowledge pack ${pack.name} ${pack.version})` },
    'schema:description': OFFSETS_NOTE,
    first: {
      id: deterministicUrn(`backstory page 0\n${collectionId}`),
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items,
    },
  };
}
