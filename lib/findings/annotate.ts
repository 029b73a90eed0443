/**
 * Annotation of plain text with the knowledge pack: the same matcher, entity finder and claim finder
 * the content script runs on a page, for outside tools (`npm run annotate`) and the accuracy tests.
 * Pure logic: no file system, no DOM implementation; the command line (lib/tools/cli/annotate-command.ts)
 * parses arguments and prints, its Node side (lib/tools/node/annotate-files.ts) reads files and turns HTML into text.
 */
import { findClaims } from '../claims/match';
import { type MatchablePack, type Matcher, loadMatcher, matcherDataFromPack } from '../matcher/compile';
import { type FindOptions, findEntities } from '../matcher/find';
import { buildTextIndex } from '../dom/text-index';
import { type ClaimAnnotation, type EntityAnnotation, claimFindingData, entityFindingData } from './finding-data';

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

export interface TextAnnotations {
  entities: EntityAnnotation[];
  claims: ClaimAnnotation[];
}

export interface FileAnnotations extends TextAnnotations {
  path: string;
}

/** Entities and claims in `text`, in text order, with the content script's default options. */
export function annotateText(matcher: Matcher, text: string, options: FindOptions = {}): TextAnnotations {
  return {
    entities: findEntities(matcher, text, options).map((finding) => entityFindingData(matcher.data, finding, text)),
    claims: findClaims(matcher.claims, text).map((finding) => claimFindingData(matcher.data, finding, text)),
  };
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
