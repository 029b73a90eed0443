/**
 * Settings, imported packs and corrections as typed storage items: every part of the extension reads,
 * writes and watches them here, parsed (never trusted as stored) and with their defaults.
 */
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import { CORRECTIONS_KEY, type Correction, parseCorrections } from '../../lib/preferences/corrections';
import {
  type InstalledPack,
  PACKS_KEY,
  PACK_MATCHERS_KEY,
  type PackMatcher,
  parseInstalledPacks,
  parsePackMatchers,
} from '../../lib/preferences/packs';
import { MERGED_MATCHER_KEY, type StoredMergedMatcher, parseMergedMatcher } from '../../lib/preferences/merged-matcher';
import {
  DISABLED_SITES_KEY,
  SETTINGS_KEY,
  type Settings,
  settingsForStorage,
  settingsFromStorage,
} from '../../lib/preferences/settings';

export interface StoredItem<T> {
  get(): Promise<T>;
  /** Rejects when the browser refuses the write (a quota, say): callers show it. */
  set(value: T): Promise<void>;
  /** Calls back with the parsed value after each change; returns the function that stops watching. */
  watch(onChange: (value: T) => void): () => void;
}

/**
 * Keys are read only when asked: `storage.defineItem` reads its key as soon as it is defined, and every
 * page's content script imports this module, so each page load had the browser read and send it the
 * imported packs (14 MB for 100,000 aliases) and their matcher data, which it never uses, while the
 * page started.
 */
function parsedItem<T>(key: StorageItemKey, parse: (raw: unknown) => T): StoredItem<T> {
  return {
    get: async () => parse(await storage.getItem<unknown>(key)),
    set: (value) => storage.setItem(key, value),
    watch: (onChange) => storage.watch<unknown>(key, (raw) => onChange(parse(raw))),
  };
}

const syncedSettings = parsedItem<unknown>(`sync:${SETTINGS_KEY}`, (raw) => raw);
const disabledSites = parsedItem<unknown>(`local:${DISABLED_SITES_KEY}`, (raw) => raw);

/** Settings: the small part in storage.sync, the list of sites switched off in storage.local. */
export const settingsItem: StoredItem<Settings> = {
  get: async () => {
    const [synced, sites] = await Promise.all([syncedSettings.get(), disabledSites.get()]);
    return settingsFromStorage(synced, sites);
  },
  set: async (settings) => {
    const { synced, sites } = settingsForStorage(settings);
    // Both writes are awaited: one refused (sync's quotas) rejects, and the caller says so.
    await Promise.all([disabledSites.set(sites), syncedSettings.set(synced)]);
  },
  watch: (onChange) => {
    const reread = () => void settingsItem.get().then(onChange);
    const stops = [syncedSettings.watch(reread), disabledSites.watch(reread)];
    return () => stops.forEach((stop) => stop());
  },
};

export const correctionsItem = parsedItem<Correction[]>(`local:${CORRECTIONS_KEY}`, parseCorrections);

/** Imported packs as the options page and the background read them (whole, with passages). */
export const packsItem = parsedItem<InstalledPack[]>(`local:${PACKS_KEY}`, parseInstalledPacks);

/** The imported packs' matcher data, which is all a page reads of them. */
export const packMatchersItem = parsedItem<PackMatcher[]>(`local:${PACK_MATCHERS_KEY}`, parsePackMatchers);

/** The bundled pack merged with the enabled imported ones, automaton built: what a page loads. */
export const mergedMatcherItem = parsedItem<StoredMergedMatcher | undefined>(
  `local:${MERGED_MATCHER_KEY}`,
  parseMergedMatcher,
);

/** Calls back when the imported packs change, without reading them (each is parsed and checked on reading). */
export function watchPacks(onChange: () => void): () => void {
  return storage.watch(`local:${PACKS_KEY}`, () => onChange());
}

/** Writes the entries of a pack change (lib/preferences/packs.ts packStorage) in one storage call. */
export function savePackStorage(entries: Record<string, unknown>): Promise<void> {
  return storage.setItems(
    Object.entries(entries).map(([key, value]) => ({ key: `local:${key}` as StorageItemKey, value })),
  );
}
