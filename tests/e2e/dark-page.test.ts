/**
 * Legible on any page (issue 17): on a dark page the marks take colours that stand out from the page's
 * own background by at least 3:1, measured from what Chromium computes for the highlights; screenshots
 * of calm highlights on a light and a dark page at 1280 and 400 px wide.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_MARK_CONTRAST, contrastRatio, over, parseCssColor } from '../../lib/dom/highlight-style';
import { ARTIFACTS } from './support/browser';
import { highlightTexts, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession();

async function open(path: string, width = 1280): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(session.server.url(path));
  await waitForScan(page);
  return page;
}

/** What Chromium computes for a highlight over the first paragraph, and the colours behind it. */
async function computed(page: Page) {
  const colors = await page.evaluate(() => {
    const p = document.querySelectorAll('article p')[1]!;
    const style = (name: string) => getComputedStyle(p, `::highlight(${name})`);
    return {
      text: getComputedStyle(p).color,
      background: getComputedStyle(document.body).backgroundColor,
      entityLine: style('backstory-entity').textDecorationColor,
      entityFill: style('backstory-entity').backgroundColor,
      claimLine: style('backstory-claim').textDecorationColor,
    };
  });
  const read = (value: string) => {
    const color = parseCssColor(value);
    if (!color) throw new Error(`unreadable colour ${value}`);
    return color;
  };
  const background = read(colors.background).color;
  const mark = (value: string) => {
    const { color, alpha } = read(value);
    return contrastRatio(over(color, alpha, background), background);
  };
  const fill = read(colors.entityFill);
  return {
    colors,
    entityLine: mark(colors.entityLine),
    claimLine: mark(colors.claimLine),
    textOnFill: contrastRatio(read(colors.text).color, over(fill.color, fill.alpha, background)),
  };
}

const round = (ratio: number) => Math.round(ratio * 100) / 100;

describe('highlight colours on a dark page', () => {
  it('keep marks at least 3:1 against the page and its text readable over the fill', async () => {
    const page = await open('/fixtures/dark.html');
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Pete Hegseth');
    expect((await highlightTexts(page, 'backstory-claim')).length).toBeGreaterThan(0);
    // Colours the page needs come as an adopted sheet.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    const dark = await computed(page);
    console.log('dark page:', dark.colors, {
      entityLine: round(dark.entityLine),
      claimLine: round(dark.claimLine),
      textOnFill: round(dark.textOnFill),
    });
    expect(dark.entityLine).toBeGreaterThanOrEqual(MIN_MARK_CONTRAST);
    expect(dark.claimLine).toBeGreaterThanOrEqual(MIN_MARK_CONTRAST);
    expect(dark.textOnFill).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(ARTIFACTS, 'calm-dark-1280.png') });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, 'calm-dark-400.png') });
    await page.close();
  });

  it('are read, and the sheet adopted, only once something is shown', async () => {
    const page = await open('/fixtures/dark-quiet.html');
    expect(await highlightTexts(page, 'backstory-entity')).toEqual([]);
    // A page with nothing to show gets no sheet (and its colours are never read).
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Pete Hegseth ordered more strikes on boats in the Caribbean.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(() => highlightTexts(page, 'backstory-entity'), { timeout: 20_000 }).toContain('Pete Hegseth');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await page.close();
  });

  it('leave a light page with the manifest’s colours (no sheet), also at least 3:1', async () => {
    const page = await open('/fixtures/demo.html');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    const light = await computed(page);
    console.log('light page (demo):', {
      entityLine: round(light.entityLine),
      claimLine: round(light.claimLine),
      textOnFill: round(light.textOnFill),
    });
    expect(light.entityLine).toBeGreaterThanOrEqual(MIN_MARK_CONTRAST);
    expect(light.claimLine).toBeGreaterThanOrEqual(MIN_MARK_CONTRAST);
    await page.screenshot({ path: join(ARTIFACTS, 'calm-light-1280.png') });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, 'calm-light-400.png') });
    await page.close();
  });
});
