// @vitest-environment happy-dom
/**
 * The content script's wiring against WXT's fakeBrowser, with the background's side (serve-pages.ts)
 * answering its text and settings: what it answers the popup, what a switched-off site does, and how changes of the stored
 * settings, corrections and packs repaint or rescan the page.
 * happy-dom has no CSS Custom Highlight API, so the page is painted with <backstory-mark> elements.
 * Hover, clicks and keys on highlights and cards are left to the browser tests: they act on trusted
 * events only, which a test cannot make.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import packJson from '../../../../assets/knowledge.json';
import english from '../../../../assets/public/_locales/en/messages.json';
import type { BundledMatcher } from '../../../../entrypoints/shared/bundled-matcher';
import { servePages } from '../../../../entrypoints/shared/serve-pages';
import { runOnPage } from '../../../../entrypoints/content/run-on-page';
import { OPEN_CARD_FOR_TESTS_KEY } from '../../../../entrypoints/content/test-hooks';
import { correctionsItem, savePackStorage, settingsItem } from '../../../../entrypoints/shared/stored';
import { MARK_TAG } from '../../../../lib/dom/paint';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import {
  MERGED_MATCHER_KEY,
  PAGE_BUILT_MATCHER_MARK,
  STORED_MATCHER_MARK,
  type StoredMergedMatcher,
} from '../../../../lib/preferences/merged-matcher';
import { packStorage } from '../../../../lib/preferences/packs';
import { DEFAULT_SETTINGS, type Settings, setMentionMode } from '../../../../lib/preferences/settings';
import { type PageReport, type Request, onRequest } from '../../../../lib/protocol/requests';
import { buildAutomaton } from '../../../../lib/scan/automaton';
import { base64FromBytes, bytesFromBase64 } from '../../../../lib/scan/scan-tables';
import { computeFoldTables } from '../../../../lib/text/fold';
import { smallPack } from '../../../support/small-pack';
import { cardData } from '../../../../lib/view/card-data';
import { messagesGetter } from '../../../../lib/view/i18n';

const pack = packJson as unknown as KnowledgePack;
// As the build ships it, the bundled pack's automaton and fold tables; no WebAssembly here (its JS twin
// scans, as where a page forbids WebAssembly): what is tested is the wiring around the scan.
const data = matcherDataFromPack(pack);
const prebuilt = { automaton: buildAutomaton(data.keys), fold: computeFoldTables(), wasm: new Uint8Array() };
const bundled: BundledMatcher = { data, matcher: loadMatcher(data, prebuilt), prebuilt };

/** A pack a reader imported, written for this test. */
const importedPack = smallPack('Riverside Courier', 'Ada Brook', 'The harbour master.');

const PAGE = [
  '<article>',
  '<p>Nicolás Maduro spoke as Gustavo Petro answered.</p>',
  '<p>Later that day Nicolás Maduro spoke again, and Ada Brook listened.</p>',
  '</article>',
].join('');

/** Every message the page sends the background, and the card data the background answers with. */
let sent: Request[];
let ctx: ContentScriptContext | undefined;
beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage: messagesGetter(english), getUILanguage: () => 'en-US' });
  sent = [];
  // The background's side: the matcher and the settings, telling the page when they change.
  const forPages = servePages(
    () => bundled,
    (message) => void fakeBrowser.runtime.onMessage.trigger(message, {}),
  );
  fakeBrowser.runtime.onMessage.addListener((raw: unknown) => void sent.push(raw as Request));
  onRequest(fakeBrowser.runtime.onMessage, {
    ...forPages,
    'get-card': ({ kind, id }) => cardData(pack, kind, id) ?? null,
  });
  document.body.innerHTML = PAGE;
  await settingsItem.set(DEFAULT_SETTINGS);
});
afterEach(() => {
  ctx?.abort('test over');
  ctx = undefined;
  document.body.innerHTML = '';
});
afterAll(() => fakeBrowser.reset());

const WAIT = { timeout: 20_000 };

/** The reports the page has published so far. */
const published = () => sent.flatMap((m) => (m.type === 'page-report' ? [m.report] : []));

/** Runs the content script on the page and waits for its first report. */
async function run(): Promise<void> {
  ctx = new ContentScriptContext('content');
  await runOnPage(ctx);
  await expect.poll(() => published().length, WAIT).toBeGreaterThan(0);
}

/** The text of each highlight painted on the page, in page order. */
const marks = () => [...document.querySelectorAll(MARK_TAG)].map((mark) => mark.textContent);

/** A message from the popup, and the content script's reply. */
async function ask(message: Request): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, {});
  return replies.find((reply) => reply !== undefined);
}
const report = async () => (await ask({ type: 'get-page-report' })) as PageReport;
const names = (r: PageReport) => r.entities.map((e) => e.id).sort();

async function storeSettings(change: (settings: Settings) => Settings): Promise<void> {
  await settingsItem.set(change(await settingsItem.get()));
}

describe('content script: answers the popup', { timeout: 60_000 }, () => {
  it('reports what it found, and the findings for an export with offsets into the page text', async () => {
    await run();
    const found = await report();
    expect(found).toMatchObject({ url: location.href, title: document.title, renderer: 'wrap' });
    expect(names(found)).toEqual(['gustavo-petro', 'nicolas-maduro']);
    expect(found.entities.find((e) => e.id === 'nicolas-maduro')?.count).toBe(2);
    expect(published().at(-1)).toEqual(found);

    const findings = (await ask({ type: 'get-page-findings' })) as {
      text: string;
      entities: { id: string; start: number; end: number }[];
    };
    const maduro = findings.entities.filter((e) => e.id === 'nicolas-maduro');
    expect(maduro.map((e) => findings.text.slice(e.start, e.end))).toEqual(['Nicolás Maduro', 'Nicolás Maduro']);
  });

  it('reveals a mention the popup points at, and says false for a name not on the page', async () => {
    await run();
    expect(marks()).toEqual(['Nicolás Maduro', 'Gustavo Petro']);
    // The second mention, left unpainted on a calm page, is painted once the popup points at it.
    expect(await ask({ type: 'reveal', kind: 'entity', id: 'nicolas-maduro', occurrence: 1 })).toBe(true);
    expect(marks()).toEqual(['Nicolás Maduro', 'Gustavo Petro', 'Nicolás Maduro']);
    expect(await ask({ type: 'reveal', kind: 'entity', id: 'ada-brook', occurrence: 0 })).toBe(false);
  });

  it('switches the highlights off and on with the keyboard shortcut', async () => {
    await run();
    expect(marks().length).toBeGreaterThan(0);
    await ask({ type: 'command', command: 'toggle-highlights' });
    expect(marks()).toEqual([]);
    expect(await report()).toMatchObject({ renderer: 'off', entities: [] });
    await ask({ type: 'command', command: 'toggle-highlights' });
    await expect.poll(() => marks().length, WAIT).toBeGreaterThan(0);
  });

  it('opens the first highlight’s card from the keyboard, with what the background sends', async () => {
    await fakeBrowser.storage.local.set({ [OPEN_CARD_FOR_TESTS_KEY]: true });
    await run();
    await ask({ type: 'command', command: 'next-highlight' });
    const card = () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.card-shell h2');
    await expect.poll(() => card()?.textContent, WAIT).toBe('Nicolás Maduro');
    expect(sent).toContainEqual({ type: 'get-card', kind: 'entity', id: 'nicolas-maduro' });
  });
});

describe('content script: the colour sheet', { timeout: 60_000 }, () => {
  it('is adopted only once something is shown (a page with nothing to show gets none)', async () => {
    // A look other than the manifest's default needs a sheet on any page.
    await storeSettings((s) => ({ ...s, intensity: 'strong' }));
    document.body.innerHTML = '<p>The harbour committee met again on Tuesday.</p>';
    await run();
    expect(marks()).toEqual([]);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', '<p>Nicolás Maduro spoke in Caracas.</p>');
    await expect.poll(() => marks().length, WAIT).toBeGreaterThan(0);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    ctx?.abort('test over');
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('content script: a site switched off', { timeout: 60_000 }, () => {
  it('paints nothing and reports nothing, but tells the badge so', async () => {
    await storeSettings((s) => ({ ...s, disabledSites: [location.hostname] }));
    await run();
    expect(marks()).toEqual([]);
    expect(published()).toEqual([expect.objectContaining({ renderer: 'off', entities: [], claims: [] })]);
    expect(await ask({ type: 'get-page-findings' })).toBeNull();
  });

  it('starts when the reader switches the site back on, and stops when it is switched off again', async () => {
    await storeSettings((s) => ({ ...s, disabledSites: [location.hostname] }));
    await run();
    await storeSettings((s) => ({ ...s, disabledSites: [] }));
    await expect.poll(() => marks().length, WAIT).toBeGreaterThan(0);
    await storeSettings((s) => ({ ...s, enabled: false }));
    await expect.poll(marks, WAIT).toEqual([]);
    expect(published().at(-1)).toMatchObject({ renderer: 'off' });
  });
});

describe('content script: stored changes', { timeout: 60_000 }, () => {
  it('paints every mention, or hides a category, as soon as the mention modes change', async () => {
    await run();
    // Calm pages: each name's first mention in its story.
    expect(marks()).toEqual(['Nicolás Maduro', 'Gustavo Petro']);
    await storeSettings((s) => setMentionMode(s, 'people', 'all'));
    await expect.poll(marks, WAIT).toEqual(['Nicolás Maduro', 'Gustavo Petro', 'Nicolás Maduro']);
    await storeSettings((s) => setMentionMode(s, 'people', 'off'));
    await expect.poll(marks, WAIT).toEqual([]);
    expect(names(await report())).toEqual([]);
  });

  it('hides what a new correction says is wrong on this site', async () => {
    await run();
    await correctionsItem.set([
      {
        type: 'never-on-site',
        target: { kind: 'entity', id: 'nicolas-maduro', label: 'Nicolás Maduro' },
        hostname: location.hostname,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    await expect.poll(marks, WAIT).toEqual(['Gustavo Petro']);
    expect(names(await report())).toEqual(['gustavo-petro']);
  });

  const installed = [{ id: 'riverside-courier', enabled: true, importedAt: '2026-01-01', pack: importedPack }];

  it('scans again with an imported pack once it is installed, loading the merged matcher stored with it', async () => {
    await run();
    expect(names(await report())).not.toContain('ada-brook');
    performance.clearMarks();
    performance.clearMeasures();
    // As the options page installs a pack: the packs, their matcher data and the merged matcher at once.
    await savePackStorage(await packStorage(installed, data));
    await expect.poll(async () => names(await report()), WAIT).toContain('ada-brook');
    expect(marks()).toContain('Ada Brook');
    expect(performance.getEntriesByName(STORED_MATCHER_MARK)).toHaveLength(1);
    expect(performance.getEntriesByName(PAGE_BUILT_MATCHER_MARK)).toHaveLength(0);
  });

  it('builds the matcher itself when the stored one is damaged (it does not inflate to its length)', async () => {
    const { [MERGED_MATCHER_KEY]: merged, ...rest } = await packStorage(installed, data);
    const entry = merged as StoredMergedMatcher;
    const { deflated, bytes } = entry.resource!;
    // Cut short, as a write the browser did not finish would leave it (a changed bit can inflate to
    // the same bytes: a back-reference turned to another copy of the same text).
    const cut = bytesFromBase64(deflated).subarray(0, 1000);
    await savePackStorage({
      ...rest,
      [MERGED_MATCHER_KEY]: { ...entry, resource: { deflated: base64FromBytes(cut), bytes } },
    });
    performance.clearMarks();
    performance.clearMeasures();
    await run();
    expect(names(await report())).toContain('ada-brook');
    expect(performance.getEntriesByName(PAGE_BUILT_MATCHER_MARK)).toHaveLength(1);
    expect(performance.getEntriesByName(STORED_MATCHER_MARK)).toHaveLength(0);
  });

  it('builds the matcher itself when the stored one was merged with another bundled pack', async () => {
    const { [MERGED_MATCHER_KEY]: merged, ...rest } = await packStorage(installed, data);
    await savePackStorage({ ...rest, [MERGED_MATCHER_KEY]: { ...(merged as object), bundled: 'an-older-pack' } });
    performance.clearMarks();
    performance.clearMeasures();
    await run();
    expect(names(await report())).toContain('ada-brook');
    expect(performance.getEntriesByName(PAGE_BUILT_MATCHER_MARK)).toHaveLength(1);
    expect(performance.getEntriesByName(STORED_MATCHER_MARK)).toHaveLength(0);
  });
});
