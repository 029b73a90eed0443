import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import packJson from '../assets/knowledge.json';
import { cardData } from '../lib/view/card-data';
import { i18nFrom } from '../lib/view/i18n';
import type { KnowledgePack } from '../lib/knowledge/types';
import { type CommandName, onRequest, send } from '../lib/protocol/requests';
import { badgeText, countReport, describeCount } from '../lib/findings/page-report';
import { matcherDataFromPack } from '../lib/matcher/compile';
import { type InstalledPack, packStorage } from '../lib/preferences/packs';
import { correctionsItem, packsItem, savePackStorage, watchPacks } from './shared/stored';
import { loadBundledMatcher } from './shared/bundled-matcher';
import { servePages } from './shared/serve-pages';
import { type ScriptFiles, syncAlwaysRun } from '../lib/preferences/always-sites';

export default defineBackground(() => {
  const builtIn = packJson as KnowledgePack;
  const i18n = i18nFrom(browser.i18n);
  /** The pack a fact comes from: the bundled one, or one the person imported (read when asked). */
  // Imported packs are read and checked once, then again only after the options page changes them.
  let installed: Promise<InstalledPack[]> | undefined;
  watchPacks(() => (installed = undefined));
  // Pages read imported packs merged with the bundled one, automaton built: an update brings another
  // bundled pack (and versions before stored packs alone, or their matcher data), so it is built again.
  // Corrections once kept the full URL and the highlighted text; parsing rewrites them as kept now.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'update') return;
    void packsItem.get().then((packs) => {
      if (packs.length) void packStorage(packs, matcherDataFromPack(builtIn)).then(savePackStorage);
    });
    void correctionsItem.get().then((corrections) => {
      if (corrections.length) void correctionsItem.set(corrections);
    });
  });
  const packFor = async (id: string | undefined): Promise<KnowledgePack | undefined> => {
    if (!id) return builtIn;
    installed ??= packsItem.get();
    return (await installed).find((p) => p.id === id)?.pack;
  };

  // Pages send their text here: the matcher is loaded once, warm for every tab, and no page loads it.
  const forPages = servePages(loadBundledMatcher, (message) => {
    void browser.tabs.query({}).then((tabs) => {
      for (const { id } of tabs) {
        if (id === undefined) continue;
        const toTab = async (sent: unknown) => browser.tabs.sendMessage(id, sent);
        // Tabs without the content script have no one to answer.
        send(toTab, message).catch(() => undefined);
      }
    });
  });

  onRequest(browser.runtime.onMessage, {
    ...forPages,
    'get-card': ({ kind, id, pack: packId }) =>
      packFor(packId).then((pack) => (pack && cardData(pack, kind, id)) ?? null),
    'page-report': ({ report }, sender) => {
      if (sender.tab?.id === undefined) return;
      // The badge counts what the popup and the exports count: mentions found on the tab.
      const count = countReport(report);
      // Firefox's Manifest V2 build has browserAction; `action` exists only in Manifest V3.
      const action = browser.action ?? browser.browserAction;
      void action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: '#8a5a00' });
      void action.setBadgeText({ tabId: sender.tab.id, text: badgeText(count) });
      void action.setTitle({
        tabId: sender.tab.id,
        title: count.mentions ? i18n.t('badgeTitle', describeCount(i18n, count)) : i18n.t('extName'),
      });
    },
  });

  // "Always run on this site": the content script follows the granted sites. Chrome keeps the registration
  // across restarts but drops it on an update, so it is checked each time the worker starts.
  const [manifestScript] = browser.runtime.getManifest().content_scripts ?? [];
  const files: ScriptFiles = { js: manifestScript?.js ?? [], css: manifestScript?.css ?? [] };
  let syncing = Promise.resolve();
  const syncSites = () => {
    // One at a time: two registrations at once would collide on the script's id.
    syncing = syncing
      .then(() => syncAlwaysRun(browser, files, manifestScript?.matches ?? []))
      .then(
        () => undefined,
        (error: unknown) => console.error('Backstory: could not register the always-run sites', error),
      );
  };
  browser.permissions.onAdded.addListener(syncSites);
  browser.permissions.onRemoved.addListener(syncSites);
  syncSites();

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const toTab = (message: unknown) => browser.tabs.sendMessage(tab.id!, message);
    await send(toTab, { type: 'command', command: command as CommandName }).catch(() => undefined);
  });
});
