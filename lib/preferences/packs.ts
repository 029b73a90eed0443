/**
 * Knowledge packs a person or a newsroom imports beside the bundled one: how they are stored, and
 * how several packs become one matcher (each fact keeps the id of the pack it comes from).
 */
import type { ClaimMatcherData } from '../claims/match';
import { parsePack } from '../knowledge/pack';
import type { KnowledgePack } from '../knowledge/types';
import { KnowledgeError } from '../knowledge/validate';
import { type MatcherData, matcherDataFromPack } from '../matcher/compile';

export const PACKS_KEY = 'packs';
export const BUILT_IN_PACK = 'backstory-archive';

export interface InstalledPack {
  /** Stable id derived from the pack's name. */
  id: string;
  enabled: boolean;
  importedAt: string;
  pack: KnowledgePack;
}

export function packIdFor(pack: Pick<KnowledgePack, 'name'>): string {
  const slug = pack.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === BUILT_IN_PACK || !slug ? `custom-${slug}` : slug;
}

export type ImportResult = { ok: true; packs: InstalledPack[]; pack: InstalledPack } | { ok: false; errors: string[] };

/**
 * Validates a pack file's text and adds it (replacing an older version with the same name). On any
 * error the current list is returned untouched by the caller: nothing here mutates it.
 */
export function importPack(current: readonly InstalledPack[], fileName: string, text: string, now: Date): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName}: $: expected valid JSON (${(error as Error).message})`] };
  }
  try {
    const pack = parsePack(raw, fileName);
    const installed: InstalledPack = { id: packIdFor(pack), enabled: true, importedAt: now.toISOString(), pack };
    return { ok: true, pack: installed, packs: [...current.filter((p) => p.id !== installed.id), installed] };
  } catch (error) {
    if (error instanceof KnowledgeError) return { ok: false, errors: error.message.split('\n') };
    throw error;
  }
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

/** The storage entries to write whenever the list of packs changes. */
export function packStorage(installed: readonly InstalledPack[]): Record<string, unknown> {
  return { [PACKS_KEY]: installed, [PACK_MATCHERS_KEY]: packMatchersOf(installed) };
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
