import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAnnotation } from '../support/validate-annotation';
import { ARTIFACTS } from './support/browser';
import { highlightPoint, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession();

describe('research tools', () => {
  it('exports the page findings from the popup as JSON-LD, Markdown and CSV', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    const tabId = await tabIdOf(session.browser, page);
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('.export').waitFor();
    const saved: Record<string, string> = {};
    for (const format of ['jsonld', 'markdown', 'csv']) {
      const download = popup.waitForEvent('download');
      await popup.locator(`button[data-format="${format}"]`).click();
      const file = join(ARTIFACTS, `export.${format}`);
      await (await download).saveAs(file);
      saved[format] = readFileSync(file, 'utf8');
    }
    const collection = JSON.parse(saved.jsonld!) as { total: number; first: { items: { motivation: string }[] } };
    expect(validateAnnotation(collection)).toEqual([]);
    expect(collection.total).toBeGreaterThan(100);
    expect(new Set(collection.first.items.map((a) => a.motivation))).toEqual(new Set(['identifying', 'assessing']));
    expect(saved.markdown).toContain('Nicolás Maduro');
    expect(saved.markdown).toMatch(/URL unknown/);
    expect(saved.csv!.split('\r\n').length).toBeGreaterThan(100);
    // One count everywhere: the export, the popup and the badge count the same mentions, and say so.
    const counted = await popup.locator('.page-count').textContent();
    expect(counted).toMatch(/^\d+ mentions of \d+ names and claims$/);
    expect(await popup.locator('.export p[role=status]').textContent()).toBe(
      `Saved ${counted} as backstory-127.0.0.1.csv.`,
    );
    const badgeTitle = await session.browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(badgeTitle).toBe(`Backstory: ${counted} on this page`);
    const badge = await session.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(counted).toMatch(new RegExp(`^${badge} mentions`));
    await popup.close();
    await page.close();
  });

  it('copies a citation and a link to the quoted passage from a card', async () => {
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.url(''),
    });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.click(point!.x, point!.y);
    await page.locator('backstory-ui .card-expand').click();
    const copy = page.locator('backstory-ui').getByRole('button', { name: 'Copy citation' }).first();
    await copy.waitFor();
    await copy.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/\d{4}-\d{2}-\d{2}.*(URL unknown|https:\/\/)/);
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toMatch(
      /^(.+\. )?(“.+”\. )?.+, \d{4}-\d{2}-\d{2}( \(date estimated\))?\. (URL unknown|https:\/\/\S+)\.$/,
    );
    await page.close();
  });
});
