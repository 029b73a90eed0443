/**
 * Firefox smoke test: the Firefox build (.output/firefox-mv2) installed in Debian's Firefox ESR,
 * driven over WebDriver BiDi. It checks what differs from Chromium: the Manifest V2 background page,
 * the polyfilled `browser` API, storage.sync without a Firefox account, and the Highlight API.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_CARD_FOR_TESTS_KEY } from '../../entrypoints/content/test-hooks';
import { matcherDataFromPack } from '../../lib/matcher/compile';
import { packStorage } from '../../lib/preferences/packs';
import { readRealPack } from '../bench/generate-pack';
import { smallPack } from '../support/small-pack';
import { type PageServer, servePages } from './support/browser';
import { type FirefoxSession, findFirefox, launchFirefoxWithExtension } from './support/firefox';

const FIREFOX = findFirefox();
const NO_FIREFOX =
  'No Firefox found: install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.';

/** The part of the WebExtension API the test calls in the add-on's own pages. */
interface AddonApi {
  tabs: { getCurrent(): Promise<{ id: number }>; query(query: object): Promise<{ id: number }[]> };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> } };
}

type Highlights = { renderer: 'highlight-api' | 'marks'; texts: string[] };

/** What the page shows as highlighted entities, with whichever renderer the browser got. */
function entityHighlights(): Highlights | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const painted = registry?.get('backstory-entity');
  if (painted?.size) return { renderer: 'highlight-api', texts: [...painted].map((range) => range.toString()) };
  const marks = document.querySelectorAll('backstory-mark[data-group="entity"]');
  return marks.length ? { renderer: 'marks', texts: [...marks].map((mark) => mark.textContent ?? '') } : null;
}

/** Viewport centre of the first highlight reading `text`, scrolled into view. */
function highlightCentre(text: string): { x: number; y: number } | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const ranges = [...(registry?.get('backstory-entity') ?? [])];
  const range = ranges.find((r) => r.toString() === text);
  const mark = [...document.querySelectorAll('backstory-mark')].find((m) => m.textContent === text);
  const target = range ?? mark;
  if (!target) return null;
  (range ? range.startContainer.parentElement! : mark!).scrollIntoView({ block: 'center' });
  const box = target.getClientRects()[0]!;
  return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
}

describe('Firefox ESR (WebDriver BiDi)', () => {
  let firefox: FirefoxSession;
  let server: PageServer;
  let demoTab: string;

  beforeAll(async () => {
    if (!FIREFOX) return console.warn(`Skipping the Firefox smoke test. ${NO_FIREFOX}`);
    [firefox, server] = await Promise.all([launchFirefoxWithExtension(FIREFOX), servePages()]);
    const tree = await firefox.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree');
    demoTab = tree.contexts[0]!.context;
    // The card's shadow root is closed to pages; the add-on's own storage opens it for tests.
    const { context: addonTab } = await firefox.bidi.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
    });
    const optionsUrl = `${firefox.extensionOrigin}/options.html`;
    await firefox.bidi.send('browsingContext.navigate', { context: addonTab, url: optionsUrl, wait: 'complete' });
    await firefox.bidi.call(
      addonTab,
      (key: string) => (globalThis as unknown as { browser: AddonApi }).browser.storage.local.set({ [key]: true }),
      OPEN_CARD_FOR_TESTS_KEY,
    );
    await firefox.bidi.send('browsingContext.close', { context: addonTab });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  beforeEach(({ skip }) => skip(!FIREFOX, NO_FIREFOX));
  // The extension must log no error anywhere: page, content script, background page or its own pages.
  afterEach(() => expect(firefox?.takeErrors() ?? []).toEqual([]));

  it('highlights known entities on the demo page', async () => {
    await firefox.bidi.send('browsingContext.navigate', {
      context: demoTab,
      url: server.url('/fixtures/demo.html'),
      wait: 'complete',
    });
    const found = await firefox.bidi.waitFor<Highlights>(demoTab, 'highlights', entityHighlights);
    expect(found.renderer).toBe('highlight-api');
    // First mentions, as in Chromium: the demo names the DEA in full first.
    expect(found.texts).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Tren de Aragua', 'MS-13']));
    expect(found.texts.length).toBeGreaterThan(40);
    const scanners = await firefox.bidi.call<string[]>(demoTab, () =>
      performance.getEntriesByType('mark').flatMap((m) => (m.name.startsWith('backstory:scanner:') ? [m.name] : [])),
    );
    // Firefox's content scripts may compile WebAssembly too: the scan runs through the same loop.
    expect(scanners).toEqual(['backstory:scanner:wasm']);
  });

  it('opens the card of a clicked highlight, filled in by the background page', async () => {
    const point = await firefox.bidi.call<{ x: number; y: number } | null>(demoTab, highlightCentre, 'Tren de Aragua');
    expect(point).not.toBeNull();
    await firefox.bidi.send('input.performActions', {
      context: demoTab,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', ...point },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    const card = await firefox.bidi.waitFor<{ title: string; role: string; expand: string }>(
      demoTab,
      'the card',
      () => {
        const shell = document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.card-shell');
        const expand = shell?.querySelector('.card-expand')?.textContent;
        return expand && { title: shell!.querySelector('h2')?.textContent, role: shell!.getAttribute('role'), expand };
      },
    );
    expect(card).toEqual({ title: 'Tren de Aragua', role: 'dialog', expand: 'Full background' });
  });

  it("lists the page's findings in the popup and badges the toolbar button", async () => {
    const { context: popupTab } = await firefox.bidi.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
    });
    const popupUrl = `${firefox.extensionOrigin}/popup.html`;
    await firefox.bidi.send('browsingContext.navigate', { context: popupTab, url: popupUrl, wait: 'complete' });
    // A browser-opened popup reports on the active tab; opened in a tab, it is told which tab with ?tabId=.
    const tabId = await firefox.bidi.call<number>(popupTab, async () => {
      const { tabs } = (globalThis as unknown as { browser: AddonApi }).browser;
      const self = await tabs.getCurrent();
      const others = (await tabs.query({})).filter((tab) => tab.id !== self.id);
      return others.length === 1 ? others[0]!.id : -1;
    });
    expect(tabId).toBeGreaterThan(0);
    await firefox.bidi.send('browsingContext.navigate', {
      context: popupTab,
      url: `${popupUrl}?tabId=${tabId}`,
      wait: 'complete',
    });
    const names = await firefox.bidi.waitFor<string[]>(popupTab, 'findings in the popup', () => {
      const found = [...document.querySelectorAll('.finding-list button .name')].map((name) => name.textContent);
      return found.length > 0 && found;
    });
    expect(names).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro', 'Tren de Aragua']));
    const badge = await firefox.bidi.call<string>(
      popupTab,
      (id) =>
        (globalThis as unknown as { browser: AddonApi }).browser.browserAction.getBadgeText({ tabId: Number(id) }),
      String(tabId),
    );
    // One count everywhere: the badge shows the mentions the popup counts, not the number of list rows.
    const counted = await firefox.bidi.call<string>(
      popupTab,
      () => document.querySelector('.page-count')?.textContent ?? '',
    );
    expect(counted).toMatch(new RegExp(`^${badge} mentions of \\d+ names and claims$`));
    expect(Number(badge)).toBeGreaterThan(names.length);
  });

  it("loads an imported pack's stored matcher: Firefox's content scripts inflate it (#18 item 7)", async () => {
    // Stored as the options page stores it, then removed so the other tests see the bundled pack alone.
    const installed = [{ id: 'riverside-courier', enabled: true, importedAt: '', pack: smallPack('R', 'Ada Brook') }];
    const entries = await packStorage(installed, matcherDataFromPack(readRealPack()));
    const { context: addonTab } = await firefox.bidi.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
    });
    await firefox.bidi.send('browsingContext.navigate', {
      context: addonTab,
      url: `${firefox.extensionOrigin}/options.html`,
      wait: 'complete',
    });
    await firefox.bidi.call(
      addonTab,
      (json: string) => (globalThis as unknown as { browser: AddonApi }).browser.storage.local.set(JSON.parse(json)),
      JSON.stringify(entries),
    );
    try {
      await firefox.bidi.send('browsingContext.navigate', {
        context: demoTab,
        url: server.url('/fixtures/demo.html'),
        wait: 'complete',
      });
      await firefox.bidi.waitFor<Highlights>(demoTab, 'highlights', entityHighlights);
      const matcher = await firefox.bidi.call<{ stored: number; built: number }>(demoTab, () => ({
        stored: performance.getEntriesByName('backstory:matcher:stored').length,
        built: performance.getEntriesByName('backstory:matcher:built-on-page').length,
      }));
      expect(matcher).toEqual({ stored: 1, built: 0 });
    } finally {
      await firefox.bidi.call(
        addonTab,
        (keys: string) =>
          (globalThis as unknown as { browser: AddonApi }).browser.storage.local.remove(JSON.parse(keys)),
        JSON.stringify(Object.keys(entries)),
      );
      await firefox.bidi.send('browsingContext.close', { context: addonTab });
    }
  }, 120_000);
});
