/**
 * The bundled pack and the active imported packs as one matcher, built once when the packs change
 * and stored beside them, so that a page loads it as it loads the bundled matcher (prebuilt automaton,
 * lazily decoded data) instead of building an automaton over every alias: with a 100,000-alias pack
 * that build took 3.8–6.5 s to the first highlight on every page, and again in every tab on each change.
 */
import { type Matcher, type MatcherData, type Prebuilt, loadMatcher } from '../matcher/compile';
import { decodeMatcherData, encodeMatcherData } from '../matcher/lazy-data';
import { decodeMatcherResource, encodeMatcherResource } from '../matcher/matcher-resource';
import { buildAutomaton } from '../scan/automaton';
import { base64FromBytes, bytesFromBase64, deserializeScanTables, serializeScanTables } from '../scan/scan-tables';

export const MERGED_MATCHER_KEY = 'mergedMatcher';

/** Performance marks a page sets when it loads the stored merged matcher, or has to build one itself. */
export const STORED_MATCHER_MARK = 'backstory:matcher:stored';
export const PAGE_BUILT_MATCHER_MARK = 'backstory:matcher:built-on-page';

export interface StoredMergedMatcher {
  /** The version (a content hash) of the bundled matcher data it was merged with: an update makes it stale. */
  bundled: string;
  /**
   * lib/matcher/matcher-resource.ts bytes in base64 (storage.local keeps JSON values only); absent
   * when no imported pack is active (pages then use the bundled matcher). Its fold tables are empty:
   * they are the same for every pack, and a page has them with the bundled matcher.
   */
  resource?: string;
}

const NO_FOLD = { low: new Uint16Array(0), high: new Uint32Array(0) };

/** The entry to store for `merged`, the bundled data with the active imported packs' merged in (or itself). */
export function mergedMatcherEntry(builtIn: MatcherData, merged: MatcherData): StoredMergedMatcher {
  if (merged === builtIn) return { bundled: builtIn.version };
  const tables = serializeScanTables({ automaton: buildAutomaton(merged.keys), fold: NO_FOLD });
  const bytes = encodeMatcherResource({ data: encodeMatcherData(merged), tables });
  return { bundled: builtIn.version, resource: base64FromBytes(bytes) };
}

/** The stored entry; anything not shaped like one reads as none (the page then builds as before). */
export function parseMergedMatcher(raw: unknown): StoredMergedMatcher | undefined {
  const record = raw as Partial<StoredMergedMatcher> | null | undefined;
  if (!record || typeof record.bundled !== 'string') return undefined;
  if (record.resource !== undefined && typeof record.resource !== 'string') return undefined;
  return { bundled: record.bundled, ...(record.resource ? { resource: record.resource } : {}) };
}

/** Whether the entry was merged with exactly this bundled data (else it must not be used). */
export function isCurrent(
  stored: StoredMergedMatcher | undefined,
  builtIn: MatcherData,
): stored is StoredMergedMatcher {
  return stored?.bundled === builtIn.version;
}

/**
 * The stored merged matcher, ready to scan: the automaton read as views over the decoded bytes, the
 * data decoded chunk by chunk when read, the fold tables and the scan loop the bundled matcher's.
 */
export function loadMergedMatcher(resource: string, prebuilt: Omit<Prebuilt, 'automaton'>): Matcher {
  const { data, tables } = decodeMatcherResource(bytesFromBase64(resource));
  const { automaton } = deserializeScanTables(tables);
  return loadMatcher(decodeMatcherData(data), { ...prebuilt, automaton });
}
