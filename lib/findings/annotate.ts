/**
 * Annotation of plain text with the knowledge pack: the same matcher, entity finder and claim finder
 * the content script runs on a page, for outside tools (`npm run annotate`) and the accuracy tests.
 * Pure logic: no file system, no DOM implementation; the command line (lib/tools/cli/annotate-command.ts)
 * parses arguments and prints, its Node side (lib/tools/node/annotate-files.ts) reads files and turns HTML into text.
 */
import { findClaims } from '../claims/match';
import type { ClaimStatus, EntityType } from '../knowledge/types';
import { type MatchablePack, type Matcher, loadMatcher, matcherDataFromPack } from '../matcher/compile';
import { type FindOptions, type FindingRule, findEntities } from '../matcher/find';
import { buildTextIndex } from '../dom/text-index';

/** The parts of a knowledge pack (assets/knowledge.json) the matcher is built from. */
export type AnnotationPack = MatchablePack;

/** Builds the matcher exactly as the extension's build does (lib/tools/build/matcher-module.ts). */
export function matcherFromPack(pack: AnnotationPack): Matcher {
  return loadMatcher(matcherDataFromPack(pack));
}

/** Checks the shape of a parsed pack file enough to build a matcher from it; throws with a reason. */
export function asAnnotationPack(value: unknown): AnnotationPack {
  const pack = value as Partial<AnnotationPack> | null;
  if (!pack || typeof pack !== 'object') throw new Error('the pack is not a JSON object');
  if (typeof pack.version !== 'string') throw new Error('the pack has no "version" string');
  if (!Array.isArray(pack.entities)) throw new Error('the pack has no "entities" array');
  if (!Array.isArray(pack.claims)) throw new Error('the pack has no "claims" array');
  return pack as AnnotationPack;
}

export interface EntityAnnotation {
  id: string;
  /** Canonical entity name. */
  name: string;
  type: EntityType;
  /** UTF-16 offsets into the annotated text. */
  start: number;
  end: number;
  /** The text as it appears: `text === source.slice(start, end)`. */
  text: string;
  /** The curated alias that matched. */
  alias: string;
  rule: FindingRule;
  /** What confirmed an ambiguous alias (a cue or the entity's full name). */
  cue?: string;
}

export interface ClaimAnnotation {
  id: string;
  statement: string;
  status: ClaimStatus;
  /** UTF-16 offsets of the sentence stating the claim. */
  start: number;
  end: number;
  text: string;
}

export interface TextAnnotations {
  entities: EntityAnnotation[];
  claims: ClaimAnnotation[];
}

export interface FileAnnotations extends TextAnnotations {
  path: string;
}

/** Entities and claims in `text`, in text order, with the content script's default options. */
export function annotateText(matcher: Matcher, text: string, options: FindOptions = {}): TextAnnotations {
  const entities = findEntities(matcher, text, options).map((finding): EntityAnnotation => {
    const { id, name, type } = matcher.data.entities[finding.entity]!;
    const annotation: EntityAnnotation = {
      id,
      name,
      type,
      start: finding.start,
      end: finding.end,
      text: text.slice(finding.start, finding.end),
      alias: finding.alias,
      rule: finding.rule,
    };
    if (finding.cue !== undefined) annotation.cue = finding.cue;
    return annotation;
  });
  const claims = findClaims(matcher.claims, text).map((finding): ClaimAnnotation => {
    const { id, statement, status } = matcher.data.claims.claims[finding.claim]!;
    return {
      id,
      statement,
      status: status as ClaimStatus,
      start: finding.start,
      end: finding.end,
      text: text.slice(finding.start, finding.end),
    };
  });
  return { entities, claims };
}

/** The text the content script scans in a document: its body (or root) through the text index. */
export function documentText(doc: Document): string {
  return buildTextIndex(doc.body ?? doc.documentElement).text;
}

export type FileKind = 'text' | 'html';

/** How a file is read, from its extension: `.txt` as is, `.html`/`.htm` through the DOM. */
export function fileKind(path: string): FileKind | undefined {
  const match = /\.([^./\\]+)$/.exec(path);
  const ext = match?.[1]?.toLowerCase();
  if (ext === 'txt') return 'text';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}
