/**
 * Finding names and claims in a page's text, asked for by the page and answered by whoever holds the
 * matcher. The extension answers in its background worker, so the reader's main thread reads the
 * page's text and paints, and never loads the matcher nor runs the search; tests and tools answer in
 * place with the same code (`localFinder`).
 *
 *   page: text → FindRequest → (background) findInPage → FindReply → page: findings + item records
 *
 * Everything in a request and a reply is plain JSON: it crosses the extension's messaging.
 */
import { type ClaimFinding, claimsFromHits } from '../claims/match';
import type { Matcher, MatcherEntity } from './compile';
import {
  type CueHit,
  type EntityFinding,
  type PageContext,
  collectCandidates,
  cuesWorthKeeping,
  newCandidates,
  resolveCandidates,
} from './find';

export interface ScanLimits {
  maxTotal: number;
  maxPerEntity: number;
  maxClaims: number;
}

/** What the page shows of a claim (its matching rules stay with the matcher). */
export interface ClaimRecord {
  id: string;
  statement: string;
  status: string;
  pack?: string;
}

/**
 * The matcher's entities and claims as the page reads them, by their index in the matcher: the page
 * holds only the records of what was found on it (the lists are sparse there).
 */
export interface ItemRecords {
  entities: readonly MatcherEntity[];
  claims: { claims: readonly ClaimRecord[] };
}

/** PageContext as JSON carries it. */
export interface WireContext {
  names: [number, string][];
  cues: [number, CueHit[]][];
  topic: number[];
  onTopic: boolean;
}

export interface FindRequest {
  /**
   * 'page': a whole page's text. 'top': the complete blocks at the top of a long page, shown while the
   * rest is read. 'part': a part of the page that changed, read with what the rest of it said.
   */
  part: 'page' | 'top' | 'part';
  /** Offsets in the reply are offsets into this text. */
  text: string;
  limits: ScanLimits;
  /** What the rest of the page said (a part's request). */
  context?: WireContext;
}

export interface FoundInText {
  entities: EntityFinding[];
  claims: ClaimFinding[];
  /** What the text says for a later change of the page (none for a top). */
  context?: WireContext;
}

export interface FindReply extends FoundInText {
  /** The matcher these offsets were found with: records of another are not mixed in. */
  version: string;
  /** Its scan loop. */
  scanner: 'wasm' | 'js';
  /** The records of the entities and claims found, by index. */
  entityRecords: [number, MatcherEntity][];
  claimRecords: [number, ClaimRecord][];
}

/** Names and claims in a text: one pass of the automaton finds names, cues, topic words and claim terms. */
export function findInText(
  matcher: Matcher,
  text: string,
  limits: Omit<ScanLimits, 'maxClaims'>,
  pageContext?: PageContext,
): { entities: EntityFinding[]; context: PageContext; claims: ClaimFinding[] } {
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  const claims = claimsFromHits(matcher.claims, text, candidates.terms);
  const resolved = resolveCandidates(
    matcher,
    text,
    candidates,
    { ...limits, claimStarts: claims.map((claim) => claim.start) },
    pageContext,
  );
  return { entities: resolved.findings, context: resolved.context, claims };
}

/** The answer to a page's request, with the records of what it found. */
export function findInPage(matcher: Matcher, request: FindRequest): FindReply {
  const { maxClaims, ...limits } = request.limits;
  const context = request.context && fromWire(request.context);
  const found = findInText(matcher, request.text, limits, context);
  const claims = found.claims.slice(0, maxClaims);
  const { entities, claims: claimSpecs } = matcher.data;
  const entityRecords = new Map<number, MatcherEntity>();
  for (const finding of found.entities) entityRecords.set(finding.entity, entities[finding.entity]!);
  const claimRecords = new Map<number, ClaimRecord>();
  for (const { claim } of claims) {
    const { id, statement, status, pack } = claimSpecs.claims[claim]!;
    claimRecords.set(claim, { id, statement, status, ...(pack ? { pack } : {}) });
  }
  return {
    version: matcher.data.version,
    scanner: matcher.scanner,
    entities: found.entities,
    claims,
    ...(request.part === 'top' ? {} : { context: toWire(found.context) }),
    entityRecords: [...entityRecords],
    claimRecords: [...claimRecords],
  };
}

export function toWire(context: PageContext): WireContext {
  return {
    names: [...context.names],
    cues: [...context.cues].map(([entity, hits]) => [entity, cuesWorthKeeping(hits)]),
    topic: [...context.topic],
    onTopic: context.onTopic,
  };
}

export function fromWire(context: WireContext): PageContext {
  return {
    names: new Map(context.names),
    cues: new Map(context.cues),
    topic: new Set(context.topic),
    onTopic: context.onTopic,
  };
}

/** Where a page's requests go, and the records of what came back. */
export interface TextFinder {
  /** Records of every entity and claim found so far, by index (sparse on the page). */
  readonly items: ItemRecords;
  find(request: FindRequest): Promise<FoundInText>;
}

/**
 * A finder for the page's side of the messaging: `ask` sends a request and gives the reply. Records
 * are kept by index; a reply from another matcher (the packs changed meanwhile) starts them afresh.
 */
export function remoteFinder(ask: (request: FindRequest) => Promise<FindReply>): TextFinder {
  let version: string | undefined;
  let entities: MatcherEntity[] = [];
  let claims: ClaimRecord[] = [];
  return {
    get items() {
      return { entities, claims: { claims } };
    },
    async find(request) {
      const reply = await ask(request);
      if (reply.version !== version) {
        version = reply.version;
        entities = [];
        claims = [];
      }
      for (const [index, record] of reply.entityRecords) entities[index] = record;
      for (const [index, record] of reply.claimRecords) claims[index] = record;
      return { entities: reply.entities, claims: reply.claims, ...(reply.context ? { context: reply.context } : {}) };
    },
  };
}

/** A finder that searches in place (tests, tools, the benchmark's page engine). */
export function localFinder(matcher: Matcher): TextFinder {
  return {
    items: matcher.data,
    find: (request) => {
      const { entities, claims, context } = findInPage(matcher, request);
      return Promise.resolve({ entities, claims, ...(context ? { context } : {}) });
    },
  };
}
