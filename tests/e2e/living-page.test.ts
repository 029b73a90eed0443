import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlightTexts, setSettings } from './support/page';
import { useSession } from './support/session';

const session = useSession();

const scanCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('backstory:scan').length);

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(session.server.url('/fixtures/living.html'));
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
  return { page, errors };
}

describe('living pages', () => {
  it('highlights posts added after load, rescanning only what changed', async () => {
    // "Hegseth" in the second post is a later mention: painted when people show every mention.
    await setSettings(session.browser, { mentions: { people: 'all' } });
    const { page, errors } = await open();
    // The live blog's heading names the campaign; the posts bring the rest.
    expect(await highlightTexts(page, 'backstory-entity')).toEqual(['boat-strike campaign']);
    await page.evaluate(() =>
      (window as unknown as { addPost(text: string): void }).addPost('Pete Hegseth defended the strike on Tuesday.'),
    );
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 1);
    expect((await highlightTexts(page, 'backstory-entity')).sort()).toEqual(['Pete Hegseth', 'boat-strike campaign']);
    await page.evaluate(() =>
      (window as unknown as { addPost(text: string): void }).addPost('Later, Hegseth spoke to reporters in Caracas.'),
    );
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 2);
    expect((await highlightTexts(page, 'backstory-entity')).sort()).toEqual([
      'Caracas',
      'Hegseth',
      'Pete Hegseth',
      'boat-strike campaign',
    ]);
    expect(errors).toEqual([]);
    await setSettings(session.browser, {});
    await page.close();
  });

  it('does not rescan because of its own painting', async () => {
    const { page } = await open();
    await page.evaluate(() =>
      (window as unknown as { addPost(text: string): void }).addPost('Gustavo Petro answered from Bogotá.'),
    );
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 1);
    const settled = await scanCount(page);
    await page.waitForTimeout(1000);
    expect(await scanCount(page)).toBe(settled);
    await page.close();
  });

  it('starts over after a single-page navigation', async () => {
    const { page } = await open();
    await page.evaluate(() =>
      (window as unknown as { navigateTo(path: string, text: string): void }).navigateTo(
        '/fixtures/living.html?story=2',
        'Claudia Sheinbaum spoke in Mexico City.',
      ),
    );
    await page.waitForFunction(
      () =>
        [
          ...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity') ?? []),
        ].some((range) => range.toString() === 'Claudia Sheinbaum'),
      null,
      { timeout: 10_000 },
    );
    await page.close();
  });

  // The heading's highlight and the widget's are in different trees: their order cannot throw.
  it('reads open shadow roots', async () => {
    const { page, errors } = await open();
    await page.evaluate(() =>
      (window as unknown as { addShadowWidget(text: string): void }).addShadowWidget(
        'Marco Rubio met European ministers.',
      ),
    );
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 1);
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Marco Rubio');
    // Later changes inside the shadow root are seen as well.
    await page.evaluate(() => {
      const shadow = document.querySelector('#host > div')!.shadowRoot!;
      shadow.querySelector('p')!.textContent = 'Gustavo Petro replied from Bogotá.';
    });
    await page.waitForFunction(() =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity') ?? [])].some(
        (range) => range.toString() === 'Gustavo Petro',
      ),
    );
    expect(await highlightTexts(page, 'backstory-entity')).not.toContain('Marco Rubio');
    expect(errors).toEqual([]);
    await page.close();
  });
});
