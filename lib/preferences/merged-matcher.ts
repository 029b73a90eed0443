/**
 * The bundled pack and the active imported packs as one matcher, built once when the packs change
 * and stored beside them, so that a page loads it as it loads the bundled matcher (prebuilt automaton,
 * lazily decoded data) instead of building an automaton over every alias: with a 100,000-alias pack
 * that build took 3.8–6.5 s to the first highlight on every page, and again in every tab on each change.
 */
import { type Matcher, type MatcherData, type Prebuilt, loadMatcher } from '../matcher/compile';
import { deflateBytes, inflateBytes } from '../matcher/deflate';
import { decodeMatcherData, encodeMatcherData } from '../matcher/lazy-data';
import { decodeMatcherResource, encodeMatcherResource } from '../matcher/matcher-resource';
import { buildAutomaton } from '../scan/automaton';
import { base64FromBytes, bytesFromBase64, deserializeScanTables, serializeScanTables } from '../scan/scan-tables';

export const MERGED_MATCHER_KEY = 'mergedMatcher';

/**
 * Performance entries a page sets when it loads the stored merged matcher (a measure from its read out
 * of storage to ready), or has to build one itself (a mark).
 */
export const STORED_MATCHER_MARK = 'backstory:matcher:stored';
export const PAGE_BUILT_MATCHER_MARK = 'backstory:matcher:built-on-page';

/** Where the matcher pages are searched with came from: the extension's own, the stored merge, or merged anew. */
export type MatcherSource = 'bundled' | 'stored' | 'built';

/**
 * The layout of the stored entry. Entries of another layout (the first one kept the resource
 * uncompressed) read as none: the page builds its matcher, and the next pack change or update
 * stores this one.
 */
export const MERGED_MATCHER_FORMAT = 2;

export interface StoredMergedMatcher {
  format: typeof MERGED_MATCHER_FORMAT;
  /** The version (a content hash) of the bundled matcher data it was merged with: an update makes it stale. */
  bundled: string;
  /** Absent when no imported pack is active: pages then use the bundled matcher. */
  resource?: DeflatedResource;
}

/**
 * lib/matcher/matcher-resource.ts bytes. Their fold tables are empty: they are the same for every pack,
 * and a page has them with the bundled matcher.
 */
export interface DeflatedResource {
  /** The bytes DEFLATE compressed (lib/matcher/deflate.ts), in base64 (storage.local keeps JSON values only). */
  deflated: string;
  /** Their length before compression. */
  bytes: number;
}

const NO_FOLD = { low: new Uint16Array(0), high: new Uint32Array(0) };

/** The entry to store for `merged`, the bundled data with the active imported packs' merged in (or itself). */
export async function mergedMatcherEntry(builtIn: MatcherData, merged: MatcherData): Promise<StoredMergedMatcher> {
  const entry = { format: MERGED_MATCHER_FORMAT, bundled: builtIn.version } as const;
  if (merged === builtIn) return entry;
  const tables = serializeScanTables({ automaton: buildAutomaton(merged.keys), fold: NO_FOLD });
  const bytes = encodeMatcherResource({ data: encodeMatcherData(merged), tables });
  return { ...entry, resource: { deflated: base64FromBytes(await deflateBytes(bytes)), bytes: bytes.byteLength } };
}

/** The stored entry; anything not shaped like one reads as none (the page then builds as before). */
export function parseMergedMatcher(raw: unknown): StoredMergedMatcher | undefined {
  const record = raw as Partial<StoredMergedMatcher> | null | undefined;
  if (!record || record.format !== MERGED_MATCHER_FORMAT || typeof record.bundled !== 'string') return undefined;
  const entry = { format: MERGED_MATCHER_FORMAT, bundled: record.bundled } as const;
  if (record.resource === undefined) return entry;
  const { deflated, bytes } = (record.resource ?? {}) as Partial<DeflatedResource>;
  if (typeof deflated !== 'string' || !deflated || !Number.isSafeInteger(bytes) || bytes! <= 0) return undefined;
  return { ...entry, resource: { deflated, bytes: bytes! } };
}

/** Whether the entry was merged with exactly this bundled data (else it must not be used). */
export function isCurrent(
  stored: StoredMergedMatcher | undefined,
  builtIn: MatcherData,
): stored is StoredMergedMatcher {
  return stored?.bundled === builtIn.version;
}

/**
 * The stored merged matcher, ready to scan: the automaton read as views over the inflated bytes, the
 * data decoded chunk by chunk when read, the fold tables and the scan loop the bundled matcher's.
 * Rejects on bytes that do not inflate to a matcher resource of the stored length.
 */
export async function loadMergedMatcher(
  { deflated, bytes }: DeflatedResource,
  prebuilt: Omit<Prebuilt, 'automaton'>,
): Promise<Matcher> {
  const inflated = await inflateBytes(bytesFromBase64(deflated), bytes);
  const { data, tables } = decodeMatcherResource(inflated);
  const { automaton } = deserializeScanTables(tables);
  return loadMatcher(decodeMatcherData(data), { ...prebuilt, automaton });
}
