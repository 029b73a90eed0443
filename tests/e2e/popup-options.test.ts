import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { ARTIFACTS } from './support/browser';
import { highlightTexts, setSettings, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession();
beforeEach(async () => {
  await session.browser.worker.evaluate(() => chrome.storage.sync.clear());
});

async function openPageAndPopup(path: string, colorScheme: 'light' | 'dark' = 'light') {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(path));
  await waitForScan(page);
  const tabId = await tabIdOf(session.browser, page);
  const popup = await session.browser.context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
  return { page, popup };
}

const entityCount = async (page: Page) => (await highlightTexts(page, 'backstory-entity')).length;

describe('popup', () => {
  it('finds a misspelled name in the archive and shows its background', async () => {
    const { page, popup } = await openPageAndPopup('/fixtures/demo.html');
    await popup.getByRole('searchbox', { name: 'Search the archive' }).fill('Madurro');
    const first = popup.locator('.search-results button').first();
    await first.waitFor();
    expect(await first.locator('.result-title').textContent()).toBe('Nicolás Maduro');
    // The word that matched is marked where it is: here in the title (the snippet is the summary).
    expect(await first.locator('.result-title mark').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-search-light.png') });
    await first.click();
    await popup.locator('#details-heading').waitFor();
    expect(await popup.locator('#details-heading').textContent()).toBe('Nicolás Maduro');
    expect(await popup.locator('.occurrences').textContent()).toMatch(/1 of \d+ on this page/);
    await popup.getByRole('button', { name: 'Next occurrence' }).click();
    expect(await popup.locator('.occurrences').textContent()).toMatch(/2 of \d+ on this page/);
    await expect.poll(async () => (await highlightTexts(page, 'backstory-flash')).length).toBe(1);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-details-light.png') });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('says what Backstory looks for on a page with nothing from the archive, and search still works', async () => {
    const { page, popup } = await openPageAndPopup('/fixtures/trap.html', 'dark');
    await popup.locator('.empty-state').waitFor();
    expect(await popup.locator('.empty-state').textContent()).toMatch(/looks for the people, groups/);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-empty-dark.png') });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('searchbox', { name: 'Search the archive' }).fill('narco state');
    await popup.locator('.search-results button').first().waitFor();
    expect(await popup.locator('.search-results button').count()).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('turns Backstory off for the site and on again', async () => {
    const { page, popup } = await openPageAndPopup('/fixtures/demo.html', 'dark');
    await popup.locator('.finding-list').waitFor();
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-list-dark.png') });
    expect(await seriousViolations(popup)).toEqual([]);
    const siteSwitch = popup.getByRole('switch', { name: 'On 127.0.0.1' });
    await siteSwitch.uncheck();
    await expect.poll(() => entityCount(page)).toBe(0);
    await popup.locator('.empty-state').waitFor();
    await siteSwitch.check();
    await expect.poll(() => entityCount(page)).toBeGreaterThan(40);
    await popup.close();
    await page.close();
  });
});

describe('settings at page load', () => {
  /** Records, every frame from the page's start, the most entity highlights shown and whether Maduro was one. */
  const watchFrames = (page: Page) =>
    page.addInitScript(() => {
      const seen = { most: 0, maduro: false };
      (window as unknown as { __frames: typeof seen }).__frames = seen;
      const tick = () => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          'backstory-entity',
        );
        seen.most = Math.max(seen.most, highlight?.size ?? 0);
        for (const range of highlight ?? []) if (range.toString() === 'Nicolás Maduro') seen.maduro = true;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  const framesSeen = (page: Page) =>
    page.evaluate(() => (window as unknown as { __frames: { most: number; maduro: boolean } }).__frames);

  it('never shows a frame with highlights on a site switched off, or with a hidden category', async () => {
    const page = await session.browser.context.newPage();
    await watchFrames(page);
    await setSettings(session.browser, { disabledSites: ['127.0.0.1'] });
    await page.goto(session.server.url('/fixtures/demo.html'));
    await page.waitForTimeout(1500);
    expect(await framesSeen(page)).toEqual({ most: 0, maduro: false });

    await setSettings(session.browser, { mentions: { people: 'off' } });
    await page.reload();
    await waitForScan(page);
    await page.waitForTimeout(300);
    const shown = await entityCount(page);
    expect(shown).toBeGreaterThan(20);
    expect(await framesSeen(page)).toEqual({ most: shown, maduro: false });
    await setSettings(session.browser, {});
    await page.close();
  });
});

describe('options page', () => {
  it('switches categories off, changes style, and passes axe in light and dark', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    expect((await highlightTexts(page, 'backstory-claim')).length).toBeGreaterThan(0);

    for (const scheme of ['light', 'dark'] as const) {
      const options = await session.browser.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
      await options.getByRole('heading', { name: 'Backstory settings' }).waitFor();
      expect(await seriousViolations(options)).toEqual([]);
      await options.screenshot({ path: join(ARTIFACTS, `options-${scheme}.png`), fullPage: true });
      if (scheme === 'light') {
        await options.getByRole('combobox', { name: 'Claims' }).selectOption('off');
        await expect.poll(async () => (await highlightTexts(page, 'backstory-claim')).length).toBe(0);
        expect(await entityCount(page)).toBeGreaterThan(40);
        await options.getByRole('combobox', { name: 'People' }).selectOption('off');
        await expect
          .poll(async () => (await highlightTexts(page, 'backstory-entity')).includes('Nicolás Maduro'))
          .toBe(false);
        await options.getByRole('radio', { name: 'Underline', exact: true }).check();
        const stored = await session.browser.worker.evaluate(() => chrome.storage.sync.get('settings'));
        expect(stored.settings).toMatchObject({
          mentions: expect.objectContaining({ claims: 'off', people: 'off', places: 'first' }),
          style: 'underline',
        });
      }
      await options.close();
    }
    await setSettings(session.browser, {});
    await page.close();
  });
});
