import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, SHARED_PAGES } from './support/browser';
import { highlightPoint, highlightTexts, sendToTab, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

// Saved real news pages live beside the project (../shared/pages); they are never copied into it.
const available = existsSync(join(SHARED_PAGES, 'breitbart.html'));

const session = useSession({ when: available });

describe.skipIf(!available)('a saved real news page', () => {
  it('highlights; opens a card by hover and by keyboard; links a source; jumps from the popup; searches; turns off and on', async () => {
    const page = await session.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // They predate the archive's events: only some name anything it knows. Take the first that does.
    let texts: string[] = [];
    for (const name of ['breitbart.html', 'salon-1.html', 'cnn.html', 'synthetic-30.html']) {
      await page.goto(session.server.url(`/shared/${name}`));
      await waitForScan(page);
      texts = await highlightTexts(page, 'backstory-entity');
      if (texts.length) break;
    }
    expect(texts.length).toBeGreaterThan(0);

    const point = await highlightPoint(page, 'backstory-entity', texts[0]!);
    await page.mouse.move(point!.x, point!.y);
    const heading = page.locator('backstory-ui .card-shell h2');
    await heading.waitFor();
    expect((await heading.textContent())?.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'real-page-card.png') });
    await page.locator('backstory-ui .card-expand').click();
    const link = page.locator('backstory-ui .source-link').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    await page.keyboard.press('Escape');
    await expect.poll(() => heading.isHidden()).toBe(true);

    const tabId = await tabIdOf(session.browser, page);
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    const first = popup.locator('.finding-list button').first();
    await first.waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await first.click();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-flash')).length).toBe(1);

    // The keyboard path: the shortcut steps to a highlight and focuses its card.
    await sendToTab(session.browser, tabId, { type: 'command', command: 'next-highlight' });
    await heading.waitFor();
    expect(await page.evaluate(() => document.querySelector('backstory-ui')!.shadowRoot!.activeElement?.tagName)).toBe(
      'H2',
    );
    await page.keyboard.press('Escape');

    await popup.getByRole('searchbox', { name: 'Search the archive' }).fill('Sheinbom');
    await popup.locator('.search-results button').first().waitFor();
    expect(await popup.locator('.search-results .result-title').first().textContent()).toBe('Claudia Sheinbaum');
    await popup.getByRole('searchbox', { name: 'Search the archive' }).fill('');

    const siteSwitch = popup.getByRole('switch', { name: 'On 127.0.0.1' });
    await siteSwitch.uncheck();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).length).toBe(0);
    await siteSwitch.check();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).length).toBe(texts.length);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
