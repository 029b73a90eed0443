import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/browser';
import { highlightPoint, highlightTexts, setSettings, tabIdOf } from './support/page';
import { useSession } from './support/session';

const session = useSession();

async function openAndWait(path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url(path));
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, {
    timeout: 15_000,
  });
  expect(errors).toEqual([]);
  return page;
}

describe('demo page', () => {
  it('paints entities with the Highlight API without changing the DOM', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
    const texts = await highlightTexts(page, 'backstory-entity');
    expect(texts).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro', 'Tren de Aragua', 'MS-13']));
    expect(texts.length).toBeGreaterThan(40);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark').length)).toBe(0);
    // The content script scans through its WebAssembly loop (the JS loop is only the fallback).
    const scanners = await page.evaluate(() =>
      performance.getEntriesByType('mark').flatMap((m) => (m.name.startsWith('backstory:scanner:') ? [m.name] : [])),
    );
    expect(scanners).toEqual(['backstory:scanner:wasm']);
    const claims = await highlightTexts(page, 'backstory-claim');
    expect(claims.some((sentence) => sentence.includes('by sea had dropped 94'))).toBe(true);
    expect(claims.some((sentence) => sentence.includes('$50 million'))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'demo-page.png') });
    await page.close();
  });

  it('joins names split by inline markup and skips fields, code, scripts and editable text', async () => {
    const page = await openAndWait('/fixtures/demo.html');
    const outside = await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')!;
      const forbidden = 'script, style, textarea, input, code, svg, [contenteditable]';
      return [...highlight].filter((range) => {
        const element = range.startContainer.parentElement!;
        return element.closest(forbidden) !== null;
      }).length;
    });
    expect(outside).toBe(0);
    const split = await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')!;
      return [...highlight].some(
        (range) => range.startContainer !== range.endContainer && range.toString() === 'Nicolás Maduro',
      );
    });
    expect(split).toBe(true);
    await page.close();
  });

  it('records each scan pass in the performance timeline', async () => {
    const page = await openAndWait('/fixtures/demo.html');
    const measures = await page.evaluate(() => performance.getEntriesByName('backstory:scan').map((e) => e.entryType));
    expect(measures[0]).toBe('measure');
    await page.close();
  });

  it('lists what the page contains in the popup and jumps to an entity', async () => {
    const page = await openAndWait('/fixtures/demo.html');
    const tabId = await tabIdOf(session.browser, page);
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('heading', { name: /People/ }).waitFor();
    const names = await popup.locator('.finding-list button .name').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro', 'Donald Trump', 'Tren de Aragua']),
    );
    const status = popup.locator('button[data-claim="sea-drug-flows-down-94-percent"] .status');
    expect(await status.textContent()).toBe('Needs context');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-demo.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('button[data-entity="uss-gerald-r-ford"]').click();
    await page.waitForFunction(() => window.scrollY > 200);
    const flashed = await highlightTexts(page, 'backstory-flash');
    expect(flashed.length).toBe(1);
    await popup.close();
    await page.close();
  });
});

describe('highlight colours', () => {
  const entityFill = (page: Page) =>
    page.evaluate(() => ({
      fill: getComputedStyle(document.querySelector('p')!, '::highlight(backstory-entity)').backgroundColor,
      adopted: document.adoptedStyleSheets.length,
    }));

  it('come with the manifest for the default look; another look adopts a sheet, and dropping it goes back', async () => {
    const page = await openAndWait('/fixtures/demo.html');
    // No sheet added to a shown page (that restyles the whole page); the manifest's applies from the start.
    expect(await entityFill(page)).toEqual({ fill: 'rgba(255, 196, 61, 0.4)', adopted: 0 });
    await setSettings(session.browser, { intensity: 'strong' });
    await page.waitForFunction(() => document.adoptedStyleSheets.length === 1);
    expect(await entityFill(page)).toEqual({ fill: 'rgba(255, 196, 61, 0.62)', adopted: 1 });
    await setSettings(session.browser, {});
    await page.waitForFunction(() => document.adoptedStyleSheets.length === 0);
    expect(await entityFill(page)).toEqual({ fill: 'rgba(255, 196, 61, 0.4)', adopted: 0 });
    await page.close();
  });
});

describe('pages that must stay quiet', () => {
  it('highlights nothing on the trap page', async () => {
    const page = await openAndWait('/fixtures/trap.html');
    expect(await highlightTexts(page, 'backstory-entity')).toEqual([]);
    expect(await highlightTexts(page, 'backstory-claim')).toEqual([]);
    await page.close();
  });
});

describe('a homepage that mixes stories', () => {
  it('confirms a short name only within its own story (article, list item)', async () => {
    const page = await openAndWait('/fixtures/homepage.html');
    const texts = await highlightTexts(page, 'backstory-entity');
    expect(texts).toEqual(expect.arrayContaining(['Rand Paul', 'Pentagon']));
    // The point guard's card and the singer's list item say "Paul" too: another story, another Paul.
    expect(texts).not.toContain('Paul');
    await page.close();
  });
});

describe('names as outlets write them', () => {
  it('reads a misspelt long name in a story on the subject, says why, and leaves it alone elsewhere', async () => {
    const page = await openAndWait('/fixtures/misspelt.html');
    const texts = await highlightTexts(page, 'backstory-entity');
    // The chess story's "Nicolas Madura" is not on the subject: one highlight only.
    expect(texts.filter((text) => text === 'Nicolas Madura')).toHaveLength(1);
    // The order's description names the drug too: both painted, the drug's inside the order's.
    expect(texts).toEqual(expect.arrayContaining(['fentanyl as a weapon of mass destruction', 'fentanyl']));
    const point = await highlightPoint(page, 'backstory-entity', 'Nicolas Madura');
    await page.mouse.click(point!.x, point!.y);
    const card = page.locator('backstory-ui .card-shell');
    await card.locator('h2').waitFor();
    expect(await card.locator('h2').textContent()).toBe('Nicolás Maduro');
    expect(await card.locator('.card-reason').textContent()).toBe(
      'Read “Nicolas Madura” as “Nicolás Maduro”: written one letter off, in a story about this subject.',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'misspelt-name-card.png') });
    await page.close();
  });
});

describe('fallback renderer', () => {
  it('wraps with <backstory-mark> and restores the DOM exactly when turned off', async () => {
    await setSettings(session.browser, { enabled: false, disabledSites: [] });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html?backstory-fallback'));
    await page.waitForLoadState('load');
    const original = await page.evaluate(() => document.body.innerHTML);
    await setSettings(session.browser, { enabled: true, disabledSites: [] });
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length > 20);
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('backstory-mark')].map((m) => m.textContent),
    );
    expect(marked).toEqual(expect.arrayContaining(['Tren de Aragua', 'Nicolás ', 'Maduro']));
    await setSettings(session.browser, { enabled: false, disabledSites: [] });
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await setSettings(session.browser, { enabled: true, disabledSites: [] });
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length > 20);
    // Screenshots last: Playwright's screenshot leaves style="" on editable fields.
    await page.screenshot({ path: join(ARTIFACTS, 'demo-fallback.png') });
    await setSettings(session.browser, { enabled: true, disabledSites: [] });
    await page.close();
  });
});
