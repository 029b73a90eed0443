import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  correctionsItem,
  mergedMatcherItem,
  packMatchersItem,
  packsItem,
  savePackStorage,
  watchPacks,
  settingsItem,
} from '../../../../entrypoints/shared/stored';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/preferences/settings';

beforeEach(() => fakeBrowser.reset());

const sites = (n: number) =>
  Array.from({ length: n }, (_, i) => `news-site-number-${String(i).padStart(4, '0')}.example.org`);

describe('settingsItem', () => {
  it('gives the defaults when nothing is stored, and what was saved after a save', async () => {
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    const saved: Settings = { ...DEFAULT_SETTINGS, enabled: false, hoverDelayMs: 900, disabledSites: ['a.org'] };
    await settingsItem.set(saved);
    expect(await settingsItem.get()).toEqual(saved);
  });

  it('keeps the site list out of storage.sync, so 600 sites stay far below its 8 KB per item', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, disabledSites: sites(600) });
    const { settings } = await fakeBrowser.storage.sync.get('settings');
    expect(settings).not.toHaveProperty('disabledSites');
    expect(JSON.stringify(settings).length).toBeLessThan(400);
    const { disabledSites } = await fakeBrowser.storage.local.get('disabledSites');
    expect(disabledSites).toHaveLength(600);
    expect((await settingsItem.get()).disabledSites).toEqual(sites(600));
  });

  it('still reads a site list stored in sync by earlier versions, and moves it at the next save', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: true, disabledSites: ['old.org'], style: 'underline' } });
    await fakeBrowser.storage.local.set({ disabledSites: ['new.org'] });
    const read = await settingsItem.get();
    expect(read).toMatchObject({ disabledSites: ['new.org', 'old.org'], style: 'underline' });
    await settingsItem.set({ ...read, disabledSites: ['new.org'] });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).not.toHaveProperty('disabledSites');
    expect((await settingsItem.get()).disabledSites).toEqual(['new.org']);
  });

  it('parses what it reads: stored nonsense gives the defaults', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'yes', hoverDelayMs: -4, style: 'neon' } });
    await fakeBrowser.storage.local.set({ disabledSites: 'everything' });
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('tells watchers about a change of either part, parsed', async () => {
    const seen: Settings[] = [];
    const stop = settingsItem.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ disabledSites: ['b.org'] });
    await expect.poll(() => seen.at(-1)?.disabledSites).toEqual(['b.org']);
    await fakeBrowser.storage.sync.set({ settings: { enabled: false } });
    await expect.poll(() => seen.at(-1)?.enabled).toBe(false);
    stop();
  });
});

describe('correctionsItem, packsItem, packMatchersItem', () => {
  it('drop malformed stored entries rather than trusting them', async () => {
    await fakeBrowser.storage.local.set({ corrections: [{ type: 'x' }, null], packs: 'nope', packMatchers: [{}] });
    expect(await correctionsItem.get()).toEqual([]);
    expect(await packsItem.get()).toEqual([]);
    expect(await packMatchersItem.get()).toEqual([]);
    await fakeBrowser.storage.local.set({ mergedMatcher: { bundled: 7 } });
    expect(await mergedMatcherItem.get()).toBeUndefined();
  });

  it('watchPacks calls back on a change of the packs alone, without the packs', async () => {
    const calls: unknown[][] = [];
    const stop = watchPacks((...args: unknown[]) => calls.push(args));
    await fakeBrowser.storage.local.set({ corrections: [] });
    await fakeBrowser.storage.local.set({ packs: [{ id: 'x' }] });
    await expect.poll(() => calls).toEqual([[]]);
    stop();
  });

  it('savePackStorage writes every entry of a pack change', async () => {
    await savePackStorage({ packs: [], packMatchers: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ packs: [], packMatchers: [] });
  });

  it('corrections round-trip and are watched', async () => {
    const seen: unknown[] = [];
    const stop = correctionsItem.watch((value) => seen.push(value));
    const correction = {
      type: 'never-on-site' as const,
      target: { kind: 'entity' as const, id: 'caracas', label: 'Caracas' },
      hostname: 'a.org',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await correctionsItem.set([correction]);
    expect(await correctionsItem.get()).toEqual([correction]);
    await expect.poll(() => seen).toEqual([[correction]]);
    stop();
  });
});

describe('reading storage', () => {
  const keysRead = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.flatMap(([keys]) => [keys].flat());

  it('reads nothing when the module is loaded: every page loads it, and the packs are megabytes', async () => {
    await fakeBrowser.storage.local.set({ packs: [], packMatchers: [], mergedMatcher: {}, corrections: [] });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    vi.resetModules();
    const fresh = await import('../../../../entrypoints/shared/stored');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...keysRead(local), ...keysRead(sync)]).toEqual([]);
    // What a page reads when it starts: its own keys and no others.
    await Promise.all([fresh.settingsItem.get(), fresh.correctionsItem.get(), fresh.mergedMatcherItem.get()]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(new Set(keysRead(local))).toEqual(new Set(['disabledSites', 'corrections', 'mergedMatcher']));
    expect(keysRead(sync)).toEqual(['settings']);
    local.mockRestore();
    sync.mockRestore();
  });
});
