/**
 * Knowledge pack → the small matcher data the background worker needs to start searching: entity names
 * and types, folded alias and cue keys. Summaries, claims' evidence and passages stay out of it.
 */
import {
  type ClaimMatcher,
  type ClaimMatcherData,
  type MatchableClaim,
  compileClaimMatcherData,
  loadClaimMatcher,
} from '../claims/match';
import type { EntityType, Topic } from '../knowledge/types';
import { type FoldTables, foldKey, primeFoldCache } from '../text/fold';
import { type Automaton, buildAutomaton, scanTextBatches } from '../scan/automaton';
import { type ScanFn, createWasmScan } from '../scan/fast-scan';
import { itemReader } from './lazy-data';

export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
  background?: true;
  /** The imported pack it comes from (none: the bundled pack). */
  pack?: string;
}

/** What a key found in text points at: an alias of an entity, or a cue confirming one. */
export interface MatcherTarget {
  entity: number;
  /** The alias or cue as curated; case-sensitive targets must match it letter for letter. */
  text: string;
  cue?: true;
  caseSensitive?: true;
  ambiguous?: true;
  /** The alias names the entity only in text of this language (see lib/matcher/language.ts). */
  lang?: 'es' | 'en';
  /** A phrase that contains an alias but means something else: it wins the longest match, then nothing is highlighted. */
  exclude?: true;
  /** A word showing the page is about the pack's subject (entity is -1). */
  topic?: true;
  /** A topic word that counts only beside another, specific one (Topic.broadTerms). */
  broad?: true;
  /** A claim term (its index in `claims.termKeys`; entity is -1), found in the same pass as names. */
  term?: number;
}

export interface MatcherData {
  version: string;
  entities: MatcherEntity[];
  keys: string[];
  targets: MatcherTarget[][];
  claims: ClaimMatcherData;
  /** Distinct topic words a page needs before background entities are highlighted (0: no topic gate). */
  topicMin: number;
}

export interface MatchableEntity extends MatcherEntity {
  aliases: readonly string[];
  ambiguous: readonly string[];
  cues: readonly string[];
  caseSensitive: readonly string[];
  exclude?: readonly string[];
  spanishOnly?: readonly string[];
  englishOnly?: readonly string[];
  background?: true;
}

const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}&.-]{2,6}$/u;

/** Which aliases of the entity match letter for letter (a Set: an entity can have thousands). */
function caseSensitivity(entity: MatchableEntity): (alias: string) => boolean {
  const listed = new Set([...entity.caseSensitive, ...entity.ambiguous]);
  return (alias) => listed.has(alias) || ACRONYM.test(alias);
}

export function isCaseSensitiveAlias(alias: string, entity: MatchableEntity): boolean {
  return caseSensitivity(entity)(alias);
}

export function compileMatcherData(
  version: string,
  entities: readonly MatchableEntity[],
  claims: readonly MatchableClaim[] = [],
  topic?: Topic,
): MatcherData {
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const targets: MatcherTarget[][] = [];
  // One set of (key, entity, text, role) instead of scanning a key's targets: a cue word shared by
  // 20,000 entities made that scan quadratic.
  const added = new Set<string>();
  const role = (t: MatcherTarget) =>
    `${t.cue ? 'cue' : t.topic ? `topic${t.broad ? '-broad' : ''}` : t.exclude ? 'exclude' : ''}:${t.term ?? ''}`;
  const add = (text: string, target: MatcherTarget) => {
    const key = foldKey(text);
    if (!key) return;
    let index = keyIndex.get(key);
    if (index === undefined) {
      index = keys.length;
      keyIndex.set(key, index);
      keys.push(key);
      targets.push([]);
    }
    const signature = `${index}\u0000${target.entity}\u0000${target.text}\u0000${role(target)}`;
    if (added.has(signature)) return;
    added.add(signature);
    targets[index]!.push(target);
  };
  entities.forEach((entity, index) => {
    // Sets, not Array.includes per alias: an entity with thousands of aliases was quadratic.
    const isCaseSensitive = caseSensitivity(entity);
    const ambiguous = new Set(entity.ambiguous);
    const spanishOnly = new Set(entity.spanishOnly);
    const englishOnly = new Set(entity.englishOnly);
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const target: MatcherTarget = { entity: index, text: alias };
      if (isCaseSensitive(alias)) target.caseSensitive = true;
      if (ambiguous.has(alias)) target.ambiguous = true;
      if (spanishOnly.has(alias)) target.lang = 'es';
      else if (englishOnly.has(alias)) target.lang = 'en';
      add(alias, target);
    }
    for (const cue of entity.cues) add(cue, { entity: index, text: cue, cue: true });
    for (const phrase of entity.exclude ?? []) add(phrase, { entity: index, text: phrase, exclude: true });
  });
  for (const term of topic?.terms ?? []) add(term, { entity: -1, text: term, topic: true });
  for (const term of topic?.broadTerms ?? []) add(term, { entity: -1, text: term, topic: true, broad: true });
  const claimData = compileClaimMatcherData(claims);
  claimData.termKeys.forEach((key, term) => add(key, { entity: -1, text: key, term }));
  return {
    version,
    entities: entities.map(({ id, name, type, background }) => ({
      id,
      name,
      type,
      ...(background ? { background } : {}),
    })),
    keys,
    targets,
    claims: claimData,
    topicMin: topic?.minDistinct ?? 0,
  };
}

export interface Matcher {
  data: MatcherData;
  /** `data.targets[pattern]`, read without the lazy list's proxy. */
  targetsOf: (pattern: number) => MatcherTarget[] | undefined;
  automaton: Automaton;
  /** scanTextBatches over `automaton`, through WebAssembly when it could be loaded. */
  scan: ScanFn;
  scanner: 'wasm' | 'js';
  claims: ClaimMatcher;
}

/** What the extension build ships beside the matcher data so that a page starts scanning at once. */
export interface Prebuilt {
  fold: FoldTables;
  /** The automaton of exactly this data's keys (absent when packs were merged on the page). */
  automaton?: Automaton;
  /** lib/scan/scanner.wat compiled. */
  wasm?: Uint8Array;
}

export function loadMatcher(data: MatcherData, prebuilt?: Prebuilt): Matcher {
  const automaton = prebuilt?.automaton ?? buildAutomaton(data.keys);
  if (prebuilt) primeFoldCache(prebuilt.fold.low);
  const fast = prebuilt?.wasm && createWasmScan(prebuilt.wasm, automaton, prebuilt.fold);
  return {
    data,
    targetsOf: itemReader(data.targets),
    automaton,
    scan: fast || ((text, onMatches, from, to) => scanTextBatches(automaton, text, onMatches, from, to)),
    scanner: fast ? 'wasm' : 'js',
    claims: loadClaimMatcher(data.claims),
  };
}

/** The parts of a knowledge pack the matcher is built from. */
export interface MatchablePack {
  version: string;
  entities: readonly MatchableEntity[];
  claims: readonly MatchableClaim[];
  topic?: Topic;
}

/** The same matcher data for the extension build, the CLI and the benchmarks. */
export function matcherDataFromPack(pack: MatchablePack): MatcherData {
  return compileMatcherData(pack.version, pack.entities, pack.claims, pack.topic);
}
