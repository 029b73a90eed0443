/**
 * "Everything runs offline": records every request the extension makes during a whole session (its
 * service worker, its own pages, the content script on the demo page and on saved real pages) while
 * doing what a reader does, and fails on any request that is not to a page the test loaded from
 * 127.0.0.1 or to one of the extension's own files. The recorder is checked first: requests planted in
 * each part of the extension must show up as violations.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, SHARED_PAGES, stripScripts } from './support/browser';
import { highlightPoint, highlightTexts, sendToTab, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';
import {
  type ErrorLog,
  type Initiated,
  type RecordedRequest,
  isOwnFile,
  recordInitiators,
  recordRequests,
  watchErrors,
} from './support/watch';

const session = useSession();
let errors: ErrorLog;
let requests: RecordedRequest[];
/** Page URLs the test itself loaded from 127.0.0.1, with the HTML it served for them. */
const loaded = new Map<string, string>();
/** What started each request the web pages made, from CDP. */
const initiators: Initiated[] = [];
/** Requests planted to check the recorder; left out of the final verdict. */
const PROBE = /^https:\/\/[a-z-]+\.probe\.invalid\/|\/fixtures\/probe-from-worker$/;

beforeAll(async () => {
  errors = watchErrors(session.browser);
  requests = recordRequests(session.browser);
  await session.browser.worker.evaluate(() => chrome.storage.sync.clear());
});

const log = (line: string) => console.log(`[no-network] ${line}`);
const card = (page: Page) => page.locator('backstory-ui .card-shell');

async function openWebPage(path: string): Promise<{ page: Page; contentScriptWorld(): number | undefined }> {
  const url = session.server.url(path);
  const served = await (await fetch(url)).text();
  loaded.set(url, served);
  const page = await session.browser.context.newPage();
  const watched = await errors.watchWebPage(page);
  await recordInitiators(watched.cdp, initiators);
  await page.goto(url);
  await waitForScan(page);
  return { page, contentScriptWorld: watched.contentScriptWorld };
}

async function openExtensionPage(path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  errors.watchExtensionPage(page);
  await page.goto(`chrome-extension://${session.browser.extensionId}/${path}`);
  return page;
}

async function openPopup(page: Page): Promise<Page> {
  const tabId = await tabIdOf(session.browser, page);
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 360, height: 600 });
  return popup;
}

/**
 * Clicks every export, download and copy button there is (these features come and go while the
 * extension grows); returns what it clicked.
 */
async function tryExports(page: Page, within: Page | Locator = page): Promise<string[]> {
  const buttons = within
    .getByRole('button', { name: /export|download|copy/i })
    .or(within.getByRole('region', { name: /export/i }).getByRole('button'));
  const clicked: string[] = [];
  for (let i = 0; i < Math.min(await buttons.count(), 4); i++) {
    const button = buttons.nth(i);
    if (!(await button.isVisible())) continue;
    const label = (await button.textContent())?.trim() ?? '';
    clicked.push(`${label} (${new URL(page.url()).pathname})`);
    const download = /copy/i.test(label)
      ? undefined
      : page.waitForEvent('download', { timeout: 2000 }).catch(() => undefined);
    await button.click();
    await download;
  }
  return clicked;
}

const isLoadedPage = (url: string) => loaded.has(url.split('#')[0]!);
const testHost = () => new URL(session.server.url('/')).host;

/** The web page's own markup asked for this URL (a saved page's images): not the extension's request. */
function isPagesOwn(request: RecordedRequest): boolean {
  const html = loaded.get(request.origin.split('#')[0]!);
  if (!html) return false;
  const started = initiators.filter((i) => i.url === request.url);
  // The HTML or CSS parser of the page's document (an inline style's @import can report "about:client").
  const byParser =
    started.length > 0 &&
    started.every((i) => i.type === 'parser' && i.by.every((url) => isTestUrl(url) || url === 'about:client'));
  const { pathname, search, host } = new URL(request.url);
  const tail = pathname + search;
  const inMarkup = [
    request.url,
    request.url.replace(/&/g, '&amp;'),
    `//${host}${tail}`,
    `//${host}${tail}`.replace(/&/g, '&amp;'),
  ].some((form) => html.includes(form));
  return byParser && inMarkup;
}

function isInMemory(url: string): boolean {
  return url.startsWith(`blob:chrome-extension://${session.browser.extensionId}/`) || url.startsWith('data:');
}

function isTestUrl(url: string): boolean {
  try {
    return new URL(url).host === testHost();
  } catch {
    return false;
  }
}

/** Requests the extension made that are neither its own files nor pages the test loaded. */
function violations(): (RecordedRequest & { why: string })[] {
  const found: (RecordedRequest & { why: string })[] = [];
  for (const request of requests) {
    // Files the extension builds in memory (exports) and its own files never touch the network.
    if (isInMemory(request.url) || isOwnFile(session.browser, request.url)) continue;
    if (request.from !== 'web-page') {
      if (!isLoadedPage(request.url)) found.push({ ...request, why: `made by the extension's ${request.from}` });
      continue;
    }
    if (isTestUrl(request.url)) continue;
    if (request.url.startsWith('chrome-extension://')) {
      found.push({ ...request, why: 'not a file the extension ships' });
      continue;
    }
    if (!isPagesOwn(request)) {
      const started = initiators.filter((i) => i.url === request.url).map((i) => `${i.type} ${i.by.join(' ')}`);
      found.push({ ...request, why: `not asked for by the page itself (initiators: ${started.join('; ') || 'none'})` });
    }
  }
  // Requests CDP saw a script of ours start, whatever Playwright reported.
  const ours = `chrome-extension://${session.browser.extensionId}/`;
  for (const started of initiators) {
    if (!started.by.some((url) => url.startsWith(ours))) continue;
    if (isInMemory(started.url) || isOwnFile(session.browser, started.url) || isLoadedPage(started.url)) continue;
    found.push({
      url: started.url,
      from: 'web-page',
      origin: started.by.join(' '),
      why: 'started by the content script',
    });
  }
  return found;
}

const verdict = () => violations().filter((v) => !PROBE.test(v.url));

/**
 * The worker started with the browser, before the recorder could listen (reloading the extension
 * unloads it in this setup): its own Resource Timing buffer covers its whole life, start-up included.
 */
function workerResources(): Promise<string[]> {
  return session.browser.worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
}

function summary(): string {
  const count = (from: RecordedRequest['from']) => requests.filter((r) => r.from === from && !r.failed).length;
  const own = requests.filter((r) => r.from === 'web-page' && !r.failed && !isTestUrl(r.url) && isPagesOwn(r)).length;
  return (
    `${requests.filter((r) => !r.failed).length} requests recorded: ${count('worker')} from the worker, ` +
    `${count('extension-page')} from extension pages, ${count('web-page')} from web pages ` +
    `(${own} of them the saved pages' own images and frames, blocked by the test)`
  );
}

describe('no network', () => {
  it('the recorders see requests and errors from the worker, the extension pages and the content script', async () => {
    const local = session.server.url('/fixtures/probe-from-worker');
    const status = await session.browser.worker.evaluate(
      (url) => fetch(url, { mode: 'no-cors' }).then((response) => response.text().then(() => response.status), String),
      local,
    );
    expect(status).toBe(404);
    expect(requests.some((r) => r.url === local && r.from === 'worker')).toBe(true);
    await expect.poll(workerResources).toContain(local);
    await session.browser.worker.evaluate(() => fetch('https://worker.probe.invalid/').catch(() => undefined));

    const popup = await openExtensionPage('popup.html');
    await popup.evaluate(() => fetch('https://popup.probe.invalid/').catch(() => undefined));
    await popup.close();

    const { page, contentScriptWorld } = await openWebPage('/fixtures/demo.html');
    const world = contentScriptWorld();
    expect(world).toBeDefined();
    const cdp = await session.browser.context.newCDPSession(page);
    await cdp.send('Runtime.evaluate', {
      contextId: world!,
      expression: "fetch('https://content.probe.invalid/').catch(() => undefined)",
      awaitPromise: true,
    });
    // The error log hears the content script and the worker too.
    await cdp.send('Runtime.evaluate', { contextId: world!, expression: "console.error('error-probe')" });
    await session.browser.worker.evaluate(() => console.error('error-probe'));
    await expect
      .poll(() =>
        errors
          .fromExtension()
          .filter((e) => e.text === 'error-probe')
          .map((e) => e.source),
      )
      .toEqual(expect.arrayContaining(['content-script', 'worker']));
    await page.close();
    // Planted: the probes, and the failed loads of the planted requests (their hosts do not exist).
    errors.all.splice(
      0,
      errors.all.length,
      ...errors.all.filter((e) => e.text !== 'error-probe' && !/ERR_FAILED|ERR_NAME_NOT_RESOLVED/.test(e.text)),
    );

    await expect
      .poll(() =>
        violations()
          .map((v) => `${v.from} ${v.url}`)
          .filter((line) => PROBE.test(line.split(' ')[1]!)),
      )
      .toEqual(
        expect.arrayContaining([
          'worker https://worker.probe.invalid/',
          'extension-page https://popup.probe.invalid/',
          'web-page https://content.probe.invalid/',
        ]),
      );
    expect(errors.fromExtension()).toEqual([]);
  });

  it('makes no request of its own during a whole session on the demo page', async () => {
    const { page } = await openWebPage('/fixtures/demo.html');
    expect((await highlightTexts(page, 'backstory-entity')).length).toBeGreaterThan(20);

    // Hover a highlight, then follow the card's links to other cards.
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.move(point!.x, point!.y);
    await card(page).locator('.card-expand').click();
    const chip = card(page).locator('button.chip').first();
    if (await chip.count()) {
      await chip.click();
      await expect.poll(() => card(page).locator('h2').textContent()).not.toBe('Tren de Aragua');
    }
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.url(''),
    });
    const exported = await tryExports(page, card(page));
    await page.keyboard.press('Escape');
    const petro = await highlightPoint(page, 'backstory-entity', 'Gustavo Petro');
    await page.mouse.click(petro!.x, petro!.y);
    await card(page).locator('.card-expand').click();
    const claim = card(page).locator('.card-claims button').first();
    if (await claim.count()) {
      await claim.click();
      await expect.poll(() => card(page).locator('.card-kind').textContent()).toBe('Claim');
    }
    await page.keyboard.press('Escape');
    // The keyboard shortcut steps to a highlight.
    const tabId = await tabIdOf(session.browser, page);
    await sendToTab(session.browser, tabId, { type: 'command', command: 'next-highlight' });
    await card(page).locator('h2').waitFor();
    await page.keyboard.press('Escape');

    // The popup: the list, details, stepping, search, the site switch, export.
    const popup = await openPopup(page);
    await popup.locator('.finding-list').waitFor();
    await popup.locator('.finding-list button[data-entity]').first().click();
    await popup.locator('#details-heading').waitFor();
    const next = popup.getByRole('button', { name: 'Next occurrence' });
    if (await next.count()) await next.click();
    await popup.getByRole('button', { name: /Back/ }).click();
    const search = popup.getByRole('searchbox', { name: 'Search the archive' });
    await search.fill('Madurro');
    await popup.locator('.search-results button').first().click();
    await popup.locator('#details-heading').waitFor();
    await search.fill('narco state');
    await popup.locator('.search-results button').first().waitFor();
    await search.fill('');
    await popup.locator('.finding-list').waitFor();
    exported.push(...(await tryExports(popup)));
    const siteSwitch = popup.getByRole('switch', { name: /^On / });
    await siteSwitch.uncheck();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).length).toBe(0);
    await siteSwitch.check();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).length).toBeGreaterThan(20);
    await popup.close();

    // The options page: change a few settings, then put them back.
    const options = await openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Backstory settings' }).waitFor();
    await options.getByRole('combobox', { name: 'Claims' }).selectOption('off');
    await options.getByRole('radio', { name: 'Underline', exact: true }).check();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-claim')).length).toBe(0);
    exported.push(...(await tryExports(options)));
    await options.getByRole('combobox', { name: 'Claims' }).selectOption('first');
    await options.close();

    // The archive browser, where the build has one.
    if (existsSync(join(EXTENSION_DIR, 'archive.html'))) {
      const archive = await openExtensionPage('archive.html');
      await archive.waitForLoadState('load');
      const box = archive.getByRole('searchbox').first();
      if (await box.count()) {
        await box.fill('Maduro');
        await archive.waitForTimeout(500);
        const result = archive.locator('main button').first();
        if (await result.count()) await result.click();
      }
      exported.push(...(await tryExports(archive)));
      await archive.close();
      log('archive.html: opened and searched');
    } else {
      log('no archive.html in this build: skipped');
    }
    log(`export, download and copy buttons clicked: ${exported.join('; ') || 'none'}`);
    await page.close();

    await new Promise((resolve) => setTimeout(resolve, 1000));
    log(summary());
    expect(verdict()).toEqual([]);
    const fromWorker = await workerResources();
    log(`the worker's own Resource Timing lists ${fromWorker.length} requests since it started`);
    expect(fromWorker.filter((url) => !PROBE.test(url) && !isOwnFile(session.browser, url))).toEqual([]);
    expect(errors.fromExtension()).toEqual([]);
  });

  // One page with a (false-positive) highlight to hover, one without any.
  const saved = ['breitbart.html', 'nytimes-1.html'];
  it.skipIf(!saved.every((name) => existsSync(join(SHARED_PAGES, name))))(
    'makes no request of its own on saved real pages (served without their scripts)',
    async () => {
      for (const name of saved) {
        // The test server strips scripts the same way.
        expect(stripScripts(readFileSync(join(SHARED_PAGES, name), 'utf8'))).not.toMatch(/<script\b/i);
        const { page } = await openWebPage(`/shared/${name}`);
        const popup = await openPopup(page);
        await popup.locator('.finding-list, .empty-state').first().waitFor();
        const texts = await highlightTexts(page, 'backstory-entity');
        if (texts.length) {
          const point = await highlightPoint(page, 'backstory-entity', texts[0]!).catch(() => null);
          expect(point, `${texts[0]} is on screen`).not.toBeNull();
          if (point) {
            // Hover, not click: names in saved pages are often links, and a click would leave the page.
            await page.mouse.move(point.x, point.y);
            await card(page).locator('h2').waitFor();
            await page.keyboard.press('Escape');
          }
        }
        log(`${name}: ${texts.length} highlights (false positives: the page predates the archive)`);
        await popup.close();
        await page.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      log(summary());
      expect(verdict()).toEqual([]);
      expect(errors.fromExtension()).toEqual([]);
    },
  );
});
