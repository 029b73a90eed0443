/**
 * The popup fits Chrome's popup window (at most 800 × 600; Backstory's is 360 px wide): its document is
 * at most 600 px tall, only the list scrolls, and Export, "Browse the archive" and Settings are in view
 * without scrolling. Checked on the demo page and on the on-topic pages of ../shared/pages-ontopic
 * (skipped when they are absent), light and dark, with axe on each.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { ARTIFACTS, ONTOPIC_PAGES } from './support/browser';
import { tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession();

const POPUP_WIDTH = 360;
const POPUP_MAX_HEIGHT = 600;

async function openPopup(path: string, colorScheme: 'light' | 'dark') {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(path));
  await waitForScan(page);
  const tabId = await tabIdOf(session.browser, page);
  const popup = await session.browser.context.newPage();
  await popup.emulateMedia({ colorScheme });
  // Taller than Chrome allows, so that the document's own height shows rather than the viewport's.
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 1000 });
  await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('.finding-list').waitFor();
  return { page, popup };
}

/** The document's height, and the lowest edge of what must be reachable without scrolling the page. */
const measure = (popup: Page) =>
  popup.evaluate(() => {
    const bottom = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? Infinity;
    return {
      // The viewport is taller than the popup may be, so the body's box is the document's own height.
      height: Math.ceil(document.body.getBoundingClientRect().height),
      exportBottom: bottom('.export'),
      footerBottom: bottom('.popup-footer'),
      listScrolls: (() => {
        const list = document.querySelector('.finding-list, .search-results, .details')!;
        return list.scrollHeight > list.clientHeight && getComputedStyle(list).overflowY === 'auto';
      })(),
    };
  });

const ONTOPIC = ['roundup-ontopic.html', 'nytimes-1-ontopic.html', 'bbc-1-ontopic.html'].filter((name) =>
  existsSync(join(ONTOPIC_PAGES, name)),
);

describe('the popup fits 360 × 600', () => {
  it.each(['light', 'dark'] as const)('on the demo page (%s)', async (scheme) => {
    const { page, popup } = await openPopup('/fixtures/demo.html', scheme);
    const fit = await measure(popup);
    expect(fit.height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(fit.exportBottom).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(fit.footerBottom).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(fit.listScrolls).toBe(true);
    await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
    await popup.screenshot({ path: join(ARTIFACTS, `popup-fit-demo-${scheme}.png`) });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it.each(['light', 'dark'] as const)('with search results (%s)', async (scheme) => {
    const { page, popup } = await openPopup('/fixtures/demo.html', scheme);
    await popup.getByRole('searchbox', { name: 'Search the archive' }).fill('Hegset');
    await popup.locator('.search-results button').first().waitFor();
    expect((await measure(popup)).height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(await popup.locator('.search-results mark').allTextContents()).toContain('Hegseth');
    await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
    await popup.screenshot({ path: join(ARTIFACTS, `popup-fit-search-${scheme}.png`) });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it.skipIf(!ONTOPIC.length).each(ONTOPIC.flatMap((name) => [[name, 'light'] as const, [name, 'dark'] as const]))(
    'on %s (%s)',
    async (name, scheme) => {
      const { page, popup } = await openPopup(`/ontopic/${name}`, scheme);
      const fit = await measure(popup);
      console.log(`popup on ${name} (${scheme}): document ${fit.height} px tall at ${POPUP_WIDTH} px wide`);
      expect(fit.height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      expect(fit.exportBottom).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      expect(fit.footerBottom).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
      await popup.screenshot({ path: join(ARTIFACTS, `popup-fit-${name.replace('.html', '')}-${scheme}.png`) });
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    },
  );
});
