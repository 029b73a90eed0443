/**
 * Knowledge packs a person or a newsroom imports beside the bundled one: how they are stored, and
 * how several packs become one matcher (each fact keeps the id of the pack it comes from).
 */
import { type ClaimMatcherData, parseClaimFigure } from '../claims/match';
import { parsePack } from '../knowledge/pack';
import type { KnowledgePack } from '../knowledge/types';
import { KnowledgeError, formatIssue } from '../knowledge/validate';
import { type MatcherData, matcherDataFromPack } from '../matcher/compile';
import { MERGED_MATCHER_KEY, mergedMatcherEntry } from './merged-matcher';

export const PACKS_KEY = 'packs';
export const BUILT_IN_PACK = 'backstory-archive';

export interface InstalledPack {
  /** Stable id derived from the pack's name when it was first imported. */
  id: string;
  enabled: boolean;
  importedAt: string;
  pack: KnowledgePack;
}

/**
 * An id from the pack's name in any script ("Новости Риверсайда" → "новости-риверсайда"); ids already
 * taken by other packs get a number ("Riverside!" after "riverside" → "riverside-2").
 */
export function packIdFor(pack: Pick<KnowledgePack, 'name'>, taken: readonly string[] = []): string {
  const slug = pack.name
    .normalize('NFKD')
    // Accents off Latin letters (as before: "Crónica" → "cronica"), but "й" stays "й".
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  const base = slug === BUILT_IN_PACK || !slug ? `custom-${slug || 'pack'}` : slug;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** How many problems a failed import lists; the rest are counted (one bad file held 200,000). */
export const SHOWN_IMPORT_ERRORS = 20;

export type ImportResult =
  | {
      ok: true;
      packs: InstalledPack[];
      pack: InstalledPack;
      /** The imported pack of the same name this one replaces (ask before saving). */
      replaces?: InstalledPack;
    }
  | ImportFailure;

export interface ImportFailure {
  ok: false;
  /** The first SHOWN_IMPORT_ERRORS problems. */
  errors: string[];
  /** How many more there are. */
  more?: number;
}

function importFailure(errors: readonly string[]): ImportFailure {
  const shown = errors.slice(0, SHOWN_IMPORT_ERRORS);
  return errors.length > shown.length
    ? { ok: false, errors: shown, more: errors.length - shown.length }
    : { ok: false, errors: shown };
}

/** Claim figures the matcher could not read: the pack format checks them as strings only. */
function figureErrors(pack: KnowledgePack, fileName: string): string[] {
  return pack.claims.flatMap((claim, c) =>
    claim.match.figures.flatMap((spec, f) => {
      try {
        parseClaimFigure(spec);
        return [];
      } catch (error) {
        return [`${fileName}: $.claims[${c}].match.figures[${f}]: ${(error as Error).message}`];
      }
    }),
  );
}

/**
 * Validates a pack file's text and adds it, replacing an imported pack with exactly the same name
 * (`replaces` says which, so the caller can ask first). Nothing here mutates the current list.
 */
export function importPack(current: readonly InstalledPack[], fileName: string, text: string, now: Date): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return importFailure([`${fileName}: $: expected valid JSON (${(error as Error).message})`]);
  }
  let pack: KnowledgePack;
  try {
    pack = parsePack(raw, fileName);
  } catch (error) {
    if (error instanceof KnowledgeError) return importFailure(error.issues.map(formatIssue));
    throw error;
  }
  const badFigures = figureErrors(pack, fileName);
  if (badFigures.length) return importFailure(badFigures);
  const replaces = current.find((p) => p.pack.name === pack.name);
  const others = current.filter((p) => p !== replaces);
  const id =
    replaces?.id ??
    packIdFor(
      pack,
      others.map((p) => p.id),
    );
  const installed: InstalledPack = { id, enabled: true, importedAt: now.toISOString(), pack };
  return { ok: true, pack: installed, packs: [...others, installed], ...(replaces ? { replaces } : {}) };
}

/** Packs as stored; anything that no longer reads as a pack is dropped rather than trusted. */
export function parseInstalledPacks(raw: unknown): InstalledPack[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const record = item as Partial<InstalledPack> | null;
    if (!record || typeof record.id !== 'string') return [];
    try {
      const pack = parsePack(record.pack, record.id);
      return [{ id: record.id, enabled: record.enabled !== false, importedAt: String(record.importedAt ?? ''), pack }];
    } catch {
      return [];
    }
  });
}

/** One matcher over several packs: entity and claim numbers are shifted, keys shared, packs recorded. */
export function mergeMatcherData(parts: readonly { id: string; data: MatcherData }[]): MatcherData {
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergeMatcherData needs at least one pack');
  if (!rest.length) return first.data;
  const keyIndex = new Map<string, number>();
  const merged: MatcherData = {
    version: parts.map((p) => `${p.id}@${p.data.version}`).join(' '),
    entities: [],
    keys: [],
    targets: [],
    claims: { termKeys: [], claims: [] },
    topicMin: first.data.topicMin,
  };
  const termIndex = new Map<string, number>();
  for (const { id, data } of parts) {
    const entityOffset = merged.entities.length;
    // Facts of the bundled pack carry no pack id; imported ones carry theirs.
    const tag = id === BUILT_IN_PACK ? {} : { pack: id };
    merged.entities.push(...data.entities.map((e) => ({ ...e, ...tag })));
    const termRemap = mergeClaims(merged.claims, data.claims, termIndex, tag);
    data.keys.forEach((key, k) => {
      let index = keyIndex.get(key);
      if (index === undefined) {
        index = merged.keys.length;
        keyIndex.set(key, index);
        merged.keys.push(key);
        merged.targets.push([]);
      }
      for (const target of data.targets[k]!) {
        merged.targets[index]!.push({
          ...target,
          entity: target.entity < 0 ? target.entity : target.entity + entityOffset,
          ...(target.term === undefined ? {} : { term: termRemap[target.term]! }),
        });
      }
    });
  }
  return merged;
}

function mergeClaims(
  into: ClaimMatcherData,
  from: ClaimMatcherData,
  termIndex: Map<string, number>,
  tag: { pack?: string },
): number[] {
  const remap = from.termKeys.map((key) => {
    let index = termIndex.get(key);
    if (index === undefined) {
      index = into.termKeys.length;
      termIndex.set(key, index);
      into.termKeys.push(key);
    }
    return index;
  });
  into.claims.push(...from.claims.map((c) => ({ ...c, ...tag, groups: c.groups.map((g) => g.map((t) => remap[t]!)) })));
  return remap;
}

/**
 * What a page reads of the imported packs: the matcher data of the enabled ones, compiled once when
 * packs change, so that no page parses their summaries and passages to start scanning.
 */
export const PACK_MATCHERS_KEY = 'packMatchers';

export interface PackMatcher {
  id: string;
  data: MatcherData;
}

export function packMatchersOf(installed: readonly InstalledPack[]): PackMatcher[] {
  return installed.filter((p) => p.enabled).map((p) => ({ id: p.id, data: matcherDataFromPack(p.pack) }));
}

/**
 * The storage entries to write whenever the list of packs changes, in one call: the packs, their
 * matcher data, and the bundled pack merged with the enabled ones, automaton built
 * (lib/preferences/merged-matcher.ts), which is what pages load.
 */
export async function packStorage(
  installed: readonly InstalledPack[],
  builtIn: MatcherData,
): Promise<Record<string, unknown>> {
  const imported = packMatchersOf(installed);
  return {
    [PACKS_KEY]: installed,
    [PACK_MATCHERS_KEY]: imported,
    [MERGED_MATCHER_KEY]: await mergedMatcherEntry(builtIn, activeMatcherData(builtIn, imported)),
  };
}

/**
 * The most imported packs may take in storage.local, with their matcher data: the extension asks for
 * `unlimitedStorage` (Chrome's 10 MB would not hold a 40,000-alias pack), and this keeps a pack that
 * is far too big for a browser extension from filling the disk. 100,000 aliases take about 32 MB (the
 * pack 14, its matcher data 11, the merged matcher deflated 7).
 */
export const PACK_STORAGE_LIMIT = 64 * 1024 * 1024;

export type PackStorageResult = { ok: true; entries: Record<string, unknown>; bytes: number } | ImportFailure;

/**
 * Everything a change of packs will write, computed (matcher data included) and measured before
 * anything is written, so that a failure leaves storage and the list as they were.
 */
export async function preparePackStorage(
  installed: readonly InstalledPack[],
  builtIn: MatcherData,
  limit = PACK_STORAGE_LIMIT,
): Promise<PackStorageResult> {
  let entries: Record<string, unknown>;
  try {
    entries = await packStorage(installed, builtIn);
  } catch (error) {
    return importFailure([`the packs' matcher data could not be made: ${(error as Error).message}`]);
  }
  // storage.local counts each value as JSON; UTF-8 bytes are an upper bound of what it counts.
  const bytes = Object.entries(entries).reduce(
    (sum, [key, value]) => sum + key.length + new TextEncoder().encode(JSON.stringify(value)).length,
    0,
  );
  if (bytes > limit) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return importFailure([
      `too big: the packs and their matcher data would take ${mb(bytes)} of browser storage, and Backstory keeps at most ${mb(limit)}; remove a pack or import a smaller one`,
    ]);
  }
  return { ok: true, entries, bytes };
}

/** Stored pack matchers; anything not shaped like one is dropped rather than trusted. */
export function parsePackMatchers(raw: unknown): PackMatcher[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((item): item is PackMatcher => {
    const record = item as Partial<PackMatcher> | null;
    const data = record?.data;
    return (
      typeof record?.id === 'string' &&
      !!data &&
      Array.isArray(data.entities) &&
      Array.isArray(data.keys) &&
      Array.isArray(data.targets) &&
      data.keys.length === data.targets.length &&
      Array.isArray(data.claims?.claims) &&
      Array.isArray(data.claims?.termKeys)
    );
  });
}

/** Matcher data for the bundled pack plus the given imported ones (the bundled data itself when none). */
export function activeMatcherData(builtIn: MatcherData, imported: readonly PackMatcher[]): MatcherData {
  return mergeMatcherData([{ id: BUILT_IN_PACK, data: builtIn }, ...imported]);
}
