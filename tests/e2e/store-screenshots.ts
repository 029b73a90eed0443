/**
 * npm run store:screenshots: the listing screenshots for the Chrome Web Store and addons.mozilla.org,
 * 1280×800 PNGs taken from the built extension (.output/chrome-mv3; build it first) in real Chromium,
 * written to assets/store/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, servePages } from './support/browser';
import { highlightPoint, tabIdOf, waitForScan } from './support/page';

const OUT = join(ROOT, 'assets', 'store', 'screenshots');
const SIZE = { width: 1280, height: 800 };
const POPUP = { width: 360, height: 600 };
const GAP = 10;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const [browser, server] = await Promise.all([launchWithExtension(), servePages()]);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, name) });
  const open = async (url: string, size = SIZE) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(size);
    await page.goto(url);
    return page;
  };
  try {
    const demo = await open(server.url('/fixtures/demo.html'));
    await waitForScan(demo);
    await shot(demo, '1-highlights.png');

    const point = await highlightPoint(demo, 'backstory-entity', 'Tren de Aragua');
    if (!point) throw new Error('No "Tren de Aragua" highlight on the demo page');
    await demo.mouse.click(point.x, point.y);
    await demo.locator('backstory-ui .card-expand').click();
    await demo.locator('backstory-ui .card-shell .timeline li').first().waitFor();
    await shot(demo, '2-card.png');
    await demo.keyboard.press('Escape');
    await demo.locator('backstory-ui .card-shell').waitFor({ state: 'hidden' });
    await demo.evaluate(() => window.scrollTo(0, 0));

    // The popup drawn beside the page it reports on, at the size a browser gives it.
    await demo.setViewportSize({ width: SIZE.width - POPUP.width - 2 * GAP, height: SIZE.height });
    const pagePng = await demo.screenshot();
    const tabId = await tabIdOf(browser, demo);
    const popup = await open(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`, POPUP);
    await popup.locator('.finding-list').first().waitFor();
    const popupPng = await popup.screenshot();
    const canvas = await open('about:blank');
    await canvas.setContent(
      `<body style="margin:0;display:flex;gap:${GAP}px;background:#dedee3;font:15px/1.4 system-ui,sans-serif">
        <img src="data:image/png;base64,${pagePng.toString('base64')}">
        <figure style="margin:${GAP}px 0 0;color:#3a3a40">
          <img src="data:image/png;base64,${popupPng.toString('base64')}" style="display:block;border-radius:8px;
            box-shadow:0 6px 24px rgb(0 0 0 / 25%)">
          <figcaption style="margin:28px 8px">The toolbar popup: everything this page mentions, each claim with its
            status, and a search of the whole archive.</figcaption>
        </figure>
      </body>`,
    );
    await canvas.waitForFunction(() => [...document.images].every((image) => image.complete));
    await shot(canvas, '3-popup.png');

    const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('main h2').first().waitFor();
    await shot(options, '4-options.png');

    const archive = await open(`chrome-extension://${browser.extensionId}/archive.html#/timeline`);
    await archive.locator('main h2').first().waitFor();
    await shot(archive, '5-archive.png');
    console.log(`Saved 5 screenshots (${SIZE.width}×${SIZE.height}) to ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
