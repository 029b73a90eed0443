import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import packJson from '../../assets/knowledge.json';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { seriousViolations } from './support/axe';
import { ARTIFACTS } from './support/browser';
import { highlightPoint, sendToTab, setSettings, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession();

const card = (page: Page) => page.locator('backstory-ui .card-shell');

async function openDemo(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(session.server.url('/fixtures/demo.html'));
  await waitForScan(page);
  return page;
}

/** A highlighted "Maduro" in the article's text (not in a link, where a click follows the link). */
async function maduroPoint(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')!;
    const range = [...highlight].find(
      (r) => /Maduro$/.test(r.toString()) && !r.startContainer.parentElement!.closest('a'),
    )!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return [rect.left + rect.width / 2, rect.top + rect.height / 2] as [number, number];
  });
}

describe('in-page card', () => {
  it('opens on hover after a short delay, not on a passing mouse', async () => {
    const page = await openDemo();
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await page.waitForTimeout(150);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(700);
    expect(await page.locator('backstory-ui').count()).toBe(0);

    await page.mouse.move(point!.x, point!.y);
    await card(page).locator('h2').waitFor();
    expect(await card(page).locator('h2').textContent()).toBe('Tren de Aragua');
    expect(await card(page).getAttribute('role')).toBe('dialog');
    // A preview: its exact full name needs no reason, and the whole background is one click away.
    expect(await card(page).locator('.card-reason').count()).toBe(0);
    expect(await card(page).locator('.timeline li').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'card-hover-light.png') });
    expect(await seriousViolations(page, 'backstory-ui')).toEqual([]);
    await card(page).locator('.card-expand').click();
    expect(await card(page).locator('.timeline li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).isHidden()).toBe(true);
    await page.close();
  });

  it('opens on click, shows why an ambiguous name matched, and closes on a click outside', async () => {
    // The bare "Petro" is a later mention: painted when people show every mention.
    await setSettings(session.browser, { mentions: { people: 'all' } });
    const page = await openDemo('dark');
    const point = await highlightPoint(page, 'backstory-entity', 'Petro');
    await page.mouse.click(point!.x, point!.y);
    await card(page).locator('h2').waitFor();
    expect(await card(page).locator('h2').textContent()).toBe('Gustavo Petro');
    expect(await card(page).locator('.card-reason').textContent()).toMatch(/shared with others/);
    await page.screenshot({ path: join(ARTIFACTS, 'card-click-dark.png') });
    expect(await seriousViolations(page, 'backstory-ui')).toEqual([]);
    await page.mouse.click(5, 300);
    await expect.poll(() => card(page).isHidden()).toBe(true);
    await setSettings(session.browser, {});
    await page.close();
  });

  it('links to sources: the article with a text fragment, or a labelled search when the URL is unknown', async () => {
    const page = await openDemo();
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.click(point!.x, point!.y);
    await card(page).locator('.card-expand').click();
    await card(page).locator('.source-link').first().waitFor();
    const links = await card(page)
      .locator('.source-link')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent })));
    for (const link of links) {
      if (link.href.startsWith('https://duckduckgo.com/')) expect(link.text).toMatch(/URL unknown/);
      else expect(link.href).toContain('#:~:text=');
    }
    expect(links.length).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a claim card with the evidence side by side', async () => {
    const page = await openDemo();
    const point = await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-claim')!;
      const range = [...highlight].find((r) => r.toString().includes('dropped 94'))!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = [...range.getClientRects()].at(-1)!;
      return { x: rect.right - 20, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await card(page).locator('.card-expand').waitFor();
    expect(await card(page).locator('.card-kind').textContent()).toBe('Claim');
    expect(await card(page).locator('.status').first().textContent()).toBe('Needs context');
    await card(page).locator('.card-expand').click();
    await card(page).locator('.evidence li').first().waitFor();
    expect(await card(page).locator('.evidence li').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, 'card-claim-light.png') });
    await page.close();
  });

  it('previews the claim of the entity found on this page, not its first claim', async () => {
    const page = await openDemo();
    await page.mouse.click(...(await maduroPoint(page)));
    await card(page).locator('.card-lead-statement').waitFor();
    // Maduro's first claim in the pack (the Cartel de los Soles designation) is not on the demo page.
    const pack = packJson as KnowledgePack;
    const onPage = pack.claims.find((c) => c.id === 'maduro-arrest-reward-doubled-to-50-million')!;
    expect((await card(page).locator('.card-lead-statement').textContent())!.trim()).toBe(onPage.statement);
    await page.close();
  });

  it('labels passages of the archive’s reworded CNN copy, and does not quote them as CNN’s words', async () => {
    const page = await openDemo();
    // Maduro's passages begin with the CNN copy's (the archive's oldest coverage of him after August's).
    await page.mouse.click(...(await maduroPoint(page)));
    await card(page).locator('.card-expand').click();
    await card(page).locator('.timeline li').first().waitFor();
    const entries = await card(page)
      .locator('.timeline > li')
      .evaluateAll((items) =>
        items.map((li) => ({
          publisher: li.querySelector('.timeline-meta')!.textContent!.split(' · ').at(-1)!.trim(),
          quoted: !!li.querySelector('blockquote'),
          note: li.querySelector('.reworded-note')?.textContent ?? null,
        })),
      );
    const cnn = entries.filter((e) => e.publisher === 'CNN');
    expect(cnn.length).toBeGreaterThan(0);
    for (const entry of cnn)
      expect(entry).toEqual({
        publisher: 'CNN',
        quoted: false,
        note: "Reworded copy of CNN's report: wording may differ from CNN's",
      });
    for (const entry of entries.filter((e) => e.publisher !== 'CNN'))
      expect(entry).toMatchObject({ quoted: true, note: null });
    await card(page).locator('.passage-reworded').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'card-reworded-light.png') });
    expect(await seriousViolations(page, 'backstory-ui')).toEqual([]);
    await page.close();
  });

  it('is reachable from the keyboard: the shortcut steps to a highlight and focuses its card', async () => {
    const page = await openDemo();
    const tabId = await tabIdOf(session.browser, page);
    await page.locator('h1').first().click();
    await sendToTab(session.browser, tabId, { type: 'command', command: 'next-highlight' });
    await card(page).locator('h2').waitFor();
    const focused = await page.evaluate(() => {
      const host = document.querySelector('backstory-ui')!;
      return host.shadowRoot!.activeElement?.tagName;
    });
    expect(focused).toBe('H2');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).isHidden()).toBe(true);
    await page.close();
  });

  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [400, 'light'],
    [400, 'dark'],
  ] as const) {
    it(`previews beside the word and expands in place, scrolling visibly: ${width} px, ${colorScheme}`, async () => {
      const page = await session.browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.goto(session.server.url('/fixtures/demo.html'));
      await waitForScan(page);
      const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
      await page.mouse.move(point!.x, point!.y);
      await card(page).locator('.card-expand').waitFor();
      await page.waitForTimeout(200); // the appear animation
      await page.screenshot({ path: join(ARTIFACTS, `card-preview-${width}-${colorScheme}.png`) });
      expect(await seriousViolations(page, 'backstory-ui')).toEqual([]);

      // "Wrong match?" is one click away in the preview.
      await card(page).getByRole('button', { name: 'Wrong match?' }).click();
      expect(await card(page).getByRole('button', { name: 'Not this entity here' }).isVisible()).toBe(true);

      await card(page).locator('.card-expand').click();
      await card(page).locator('.card-sections').waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(ARTIFACTS, `card-expanded-${width}-${colorScheme}.png`) });
      const box = await card(page).evaluate((shell) => ({
        scrolls: shell.scrollHeight > shell.clientHeight + 20,
        focused:
          shell.getRootNode() instanceof ShadowRoot && (shell.getRootNode() as ShadowRoot).activeElement?.tagName,
      }));
      expect(box).toEqual({ scrolls: true, focused: 'H2' });
      expect(await seriousViolations(page, 'backstory-ui')).toEqual([]);
      // Its section links reach "Wrong match?" at the end; the card stays open when the pointer leaves.
      await card(page).locator('.card-sections').getByRole('button', { name: 'Wrong match?' }).click();
      await expect.poll(() => card(page).locator('.card-correct').isVisible()).toBe(true);
      await page.mouse.move(2, 2);
      await page.waitForTimeout(900);
      expect(await card(page).isVisible()).toBe(true);
      await page.close();
    });
  }
});
