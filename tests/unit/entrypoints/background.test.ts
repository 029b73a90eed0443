/**
 * The background worker's wiring against WXT's fakeBrowser: the badge a page report sets, the card a
 * content script asks for, a keyboard shortcut passed to the active tab, and the always-run
 * registration following granted and revoked sites. fakeBrowser leaves permissions, scripting,
 * commands, i18n and the manifest unimplemented; they are filled in here with small in-memory fakes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../../assets/public/_locales/en/messages.json';
import background from '../../../entrypoints/background';
import { ALWAYS_RUN_SCRIPT_ID, type RegisteredScript } from '../../../lib/preferences/always-sites';
import type { PageReport } from '../../../lib/protocol/requests';
import { messagesGetter } from '../../../lib/view/i18n';
import packJson from '../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../lib/knowledge/types';
import { matcherDataFromPack } from '../../../lib/matcher/compile';
import { findEntities } from '../../../lib/matcher/find';
import { loadMergedMatcher, parseMergedMatcher } from '../../../lib/preferences/merged-matcher';
import { computeFoldTables } from '../../../lib/text/fold';
import { smallPack } from '../../support/small-pack';
import { savePackStorage, settingsItem } from '../../../entrypoints/shared/stored';
import { DEFAULT_SETTINGS } from '../../../lib/preferences/settings';
import { packStorage } from '../../../lib/preferences/packs';
import type { Reply } from '../../../lib/protocol/requests';

type FindAnswer = Reply<'find'>;

const MANIFEST_SCRIPT = {
  matches: ['*://*.cnn.com/*', 'http://127.0.0.1/*'],
  js: ['content-scripts/content.js'],
  css: ['content-scripts/highlights.css'],
};

function fakeEvent<T extends unknown[]>() {
  const listeners: ((...args: T) => unknown)[] = [];
  return {
    addListener: (listener: (...args: T) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: T) => unknown) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: (...args: T) => unknown) => listeners.includes(listener),
    trigger: (...args: T) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

let origins: string[];
let scripts: RegisteredScript[];
const newEvents = () => ({
  added: fakeEvent<[unknown]>(),
  removed: fakeEvent<[unknown]>(),
  command: fakeEvent<[string]>(),
});
// Fresh each test: a worker started by an earlier test must not answer this one's events.
let events = newEvents();
const titles = new Map<number, string>();

/** Lets the worker's queued registration work finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  events = newEvents();
  origins = [];
  scripts = [];
  titles.clear();
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ content_scripts: [MANIFEST_SCRIPT] }) });
  Object.assign(fakeBrowser.i18n, {
    getMessage: messagesGetter(english),
    getUILanguage: () => 'en-US',
  });
  Object.assign(fakeBrowser.action, {
    setTitle: ({ tabId, title }: { tabId: number; title: string }) => void titles.set(tabId, title),
  });
  Object.assign(fakeBrowser.commands, { onCommand: events.command });
  Object.assign(fakeBrowser.permissions, {
    getAll: () => Promise.resolve({ origins: [...origins] }),
    onAdded: events.added,
    onRemoved: events.removed,
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: ({ ids }: { ids: string[] }) =>
      Promise.resolve(scripts.filter((s) => ids.includes(s.id))),
    registerContentScripts: (added: RegisteredScript[]) => void scripts.push(...added),
    updateContentScripts: (updated: RegisteredScript[]) =>
      void (scripts = scripts.map((s) => updated.find((u) => u.id === s.id) ?? s)),
    unregisterContentScripts: ({ ids }: { ids: string[] }) =>
      void (scripts = scripts.filter((s) => !ids.includes(s.id))),
  });
});

const start = async () => {
  await background.main();
  await settled();
};

describe('background: always run on a granted site', () => {
  it('registers the manifest content script on the sites already granted when the worker starts', async () => {
    origins = ['*://www.yahoo.com/*', 'http://127.0.0.1/*'];
    await start();
    expect(scripts).toEqual([
      {
        id: ALWAYS_RUN_SCRIPT_ID,
        matches: ['*://www.yahoo.com/*'],
        js: MANIFEST_SCRIPT.js,
        css: MANIFEST_SCRIPT.css,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('follows a site granted from the popup and one revoked in the options', async () => {
    await start();
    expect(scripts).toEqual([]);
    origins.push('*://www.lemonde.fr/*');
    await events.added.trigger({ origins: ['*://www.lemonde.fr/*'] });
    origins.push('*://www.nbcnews.com/*');
    await events.added.trigger({ origins: ['*://www.nbcnews.com/*'] });
    await settled();
    expect(scripts.map((s) => s.matches)).toEqual([['*://www.lemonde.fr/*', '*://www.nbcnews.com/*']]);
    origins = [];
    await events.removed.trigger({ origins: ['*://www.lemonde.fr/*', '*://www.nbcnews.com/*'] });
    await settled();
    expect(scripts).toEqual([]);
  });
});

describe('background: messages', () => {
  const report = (mentions: number[]): PageReport => ({
    url: 'https://news.example/a',
    title: 'A page',
    renderer: 'highlight-api',
    entities: mentions.map((count, i) => ({ id: `e${i}`, name: `E${i}`, type: 'person', count })),
    claims: [],
  });

  /** A message from a content script in tab `tabId`, with every listener's answer. */
  const fromTab = (message: unknown, tabId: number): Promise<unknown[]> =>
    fakeBrowser.runtime.onMessage.trigger(message, { tab: { id: tabId } } as Parameters<
      typeof fakeBrowser.runtime.onMessage.trigger
    >[1]);

  it('sets the tab’s badge and title to the mentions a page reports', async () => {
    await start();
    await fromTab({ type: 'page-report', report: report([5, 2]) }, 7);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('7');
    expect(titles.get(7)).toMatch(/7 mentions of 2 names and claims/);
    await fromTab({ type: 'page-report', report: report([]) }, 7);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(titles.get(7)).toBe('Backstory');
  });

  it('answers a card request from the bundled pack, and null for an unknown pack', async () => {
    await start();
    const [card] = await fromTab({ type: 'get-card', kind: 'entity', id: 'nicolas-maduro' }, 1);
    expect(card).toMatchObject({ kind: 'entity', name: 'Nicolás Maduro' });
    const [missing] = await fromTab(
      { type: 'get-card', kind: 'entity', id: 'nicolas-maduro', pack: 'not-installed' },
      1,
    );
    expect(missing).toBeNull();
  });

  it('after an update, stores the imported packs merged with the new bundled pack for pages (#18 item 7)', async () => {
    const pack = smallPack('Riverside Courier', 'Ada Brook');

    await fakeBrowser.storage.local.set({
      packs: [{ id: 'riverside-courier', enabled: true, importedAt: '', pack }],
      mergedMatcher: { bundled: 'an older bundled pack', resource: 'AAAA' },
    });
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    const builtIn = matcherDataFromPack(packJson as unknown as KnowledgePack);
    // Seconds on a loaded machine: the automaton is built and compressed.
    await expect
      .poll(
        async () => parseMergedMatcher((await fakeBrowser.storage.local.get('mergedMatcher')).mergedMatcher)?.bundled,
        { timeout: 20_000 },
      )
      .toBe(builtIn.version);
    const { mergedMatcher } = await fakeBrowser.storage.local.get('mergedMatcher');
    const matcher = await loadMergedMatcher(parseMergedMatcher(mergedMatcher)!.resource!, {
      fold: computeFoldTables(),
    });
    expect(
      findEntities(matcher, 'Ada Brook met Nicolás Maduro.').map((f) => matcher.data.entities[f.entity]!.id),
    ).toEqual(['ada-brook', 'nicolas-maduro']);
  });

  it("answers a page's text from the bundled matcher, and after a change of packs from the stored merge, telling every tab", async () => {
    await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    await fakeBrowser.tabs.create({ url: 'https://news.example/b' });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.length).toBeGreaterThanOrEqual(2);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await start();
    const limits = { maxTotal: 100, maxPerEntity: 10, maxClaims: 10 };
    const text = 'Ada Brook met Nicolás Maduro in Caracas.';
    const find = async () => {
      const [reply] = (await fromTab({ type: 'find', request: { part: 'page', text, limits } }, 1)) as FindAnswer[];
      const names = reply!.entities.map((f) => text.slice(f.start, f.end));
      const ids = new Map(reply!.entityRecords).values();
      return { names, ids: [...ids].map((e) => e.id).sort(), source: reply!.source };
    };
    expect(await find()).toEqual({
      names: ['Nicolás Maduro', 'Caracas'],
      ids: ['caracas', 'nicolas-maduro'],
      source: 'bundled',
    });

    const builtIn = matcherDataFromPack(packJson as unknown as KnowledgePack);
    const installed = [
      { id: 'riverside-courier', enabled: true, importedAt: '', pack: smallPack('Riverside Courier', 'Ada Brook') },
    ];
    await savePackStorage(await packStorage(installed, builtIn));
    await expect.poll(() => sent.mock.calls.length).toBe(tabs.length);
    expect(sent.mock.calls).toEqual(tabs.map((tab) => [tab.id, { type: 'packs-changed' }]));
    expect(await find()).toMatchObject({ names: ['Ada Brook', 'Nicolás Maduro', 'Caracas'], source: 'stored' });
  });

  it('gives a page the settings and corrections, and tells every tab when they change', async () => {
    await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const tabs = await fakeBrowser.tabs.query({});
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await start();
    const [first] = (await fromTab({ type: 'page-settings' }, 1)) as Reply<'page-settings'>[];
    expect(first).toEqual({ settings: DEFAULT_SETTINGS, corrections: [] });
    const off = { ...DEFAULT_SETTINGS, enabled: false };
    await settingsItem.set(off);
    await expect.poll(() => sent.mock.calls.length).toBeGreaterThanOrEqual(tabs.length);
    const told = sent.mock.calls.map(([, message]) => message as Reply<'page-settings'> & { type: string });
    expect(told.at(-1)).toEqual({ type: 'settings-changed', settings: off, corrections: [] });
    const [now] = (await fromTab({ type: 'page-settings' }, 1)) as Reply<'page-settings'>[];
    expect(now?.settings).toEqual(off);
  });

  it('passes a keyboard shortcut to the active tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    // fakeBrowser does not mark a created tab active; the query answers as the browser would.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await start();
    await events.command.trigger('next-highlight');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sent).toHaveBeenCalledWith(tab.id, { type: 'command', command: 'next-highlight' });
  });
});
