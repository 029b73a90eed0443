import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packJson from '../../assets/knowledge.json';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { seriousViolations } from './support/axe';
import { ARTIFACTS, type ExtensionBrowser, launchWithExtension } from './support/browser';

const pack = packJson as KnowledgePack;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function openArchive(
  hash = '#/articles',
  colorScheme: 'light' | 'dark' = 'light',
  width = 1200,
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
) {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.emulateMedia({ colorScheme, reducedMotion });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/archive.html${hash}`);
  await page.locator('main h2').first().waitFor();
  return { page, errors };
}

const hashOf = (page: Page) => page.evaluate(() => location.hash);
const heading = (page: Page) => page.locator('#detail-heading, #view-heading').first();
/** Long lists render a page at a time: opens every "Show N more" until the whole list is there. */
async function showAll(page: Page) {
  const more = page.locator('.show-more button');
  while (await more.count()) await more.first().click();
}
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(ARTIFACTS, `archive-${name}.png`), fullPage });

describe('archive browser', () => {
  it('lists the 16 articles and opens one onto its passages, with entities linked', async () => {
    const { page, errors } = await openArchive();
    const articles = page.locator('.article-list > li');
    expect(await articles.count()).toBe(16);
    // Every source is there, with a label for the one without a headline and for estimated dates.
    expect(await page.locator('.untitled').count()).toBe(pack.sources.filter((s) => !s.headline).length);
    expect(await page.locator('.article-meta .estimated').count()).toBe(
      pack.sources.filter((s) => s.dateIsEstimate).length,
    );
    expect(await page.locator('.source-link-article').count()).toBe(pack.sources.filter((s) => s.url).length);
    expect(await page.locator('.source-link-search').count()).toBe(pack.sources.filter((s) => !s.url).length);

    const source = pack.sources.find((s) => s.id === 'politico-petro-next')!;
    const item = page.locator(`#article-${source.id}`);
    const toggle = item.getByRole('button', { name: source.headline! });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const passages = item.locator('.passage');
    expect(await passages.count()).toBe(pack.passages.filter((p) => p.source === source.id).length);
    expect(await passages.first().locator('.passage-text').textContent()).toBe(
      pack.passages.find((p) => p.source === source.id)!.text,
    );
    // Opening an article is recorded in the address (replacing it), so Back comes back to it open.
    expect(await hashOf(page)).toBe(`#/article/${source.id}`);

    await item.locator('.passage').nth(3).scrollIntoViewIfNeeded();
    await shot(page, 'article-light');

    // The citation goes to the clipboard; when the clipboard refuses, it is shown to copy by hand.
    await page.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    const cite = item.getByRole('button', { name: 'Copy citation' });
    await cite.click();
    await item.getByText('Citation copied').waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toEqual([expect.stringContaining(`“${source.headline}”. ${source.publisher}`)]);
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await cite.click();
    expect(await item.getByRole('textbox', { name: 'Citation' }).inputValue()).toBe(copied[0]);
    await shot(page, 'citation-light');

    const petro = item.locator('.entity-link[href="#/entity/gustavo-petro"]').first();
    expect(await petro.textContent()).toMatch(/Petro/);
    await petro.click();
    await page.locator('#detail-heading').waitFor();
    expect(await page.locator('#detail-heading').textContent()).toBe('Gustavo Petro');
    expect(await hashOf(page)).toBe('#/entity/gustavo-petro');
    await page.goBack();
    await page.locator(`#passages-${source.id}`).waitFor();
    expect(await hashOf(page)).toBe(`#/article/${source.id}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an entity from the index and walks to a related one and a claim; Back retraces', async () => {
    const { page, errors } = await openArchive();
    await page.getByRole('navigation', { name: 'Archive' }).getByRole('link', { name: 'Index' }).click();
    await page.locator('.entity-index').waitFor();
    expect(await hashOf(page)).toBe('#/index');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view-heading');
    const groups = await page.locator('.index-group h3').allTextContents();
    expect(groups[0]).toMatch(/^People/);
    const maduroEntry = page.locator('.index-list li', { has: page.locator('a[href="#/entity/nicolas-maduro"]') });
    const maduro = pack.entities.find((e) => e.id === 'nicolas-maduro')!;
    expect(await maduroEntry.textContent()).toContain(`${maduro.passages.length} passages`);
    await shot(page, 'index-light');

    // The filter narrows the index and is kept in the address.
    await page.getByRole('searchbox', { name: 'Filter names' }).fill('petro');
    await expect.poll(() => hashOf(page)).toBe('#/index?filter=petro');
    expect(await page.locator('.index-list a').allTextContents()).toContain('Gustavo Petro');
    await page.getByRole('searchbox', { name: 'Filter names' }).fill('');

    await maduroEntry.locator('a').click();
    await page.locator('#detail-heading').waitFor();
    expect(await page.locator('#detail-heading').textContent()).toBe('Nicolás Maduro');
    expect(await hashOf(page)).toBe('#/entity/nicolas-maduro');
    await shot(page, 'entity-light');
    const related = page.locator('.card .chips .chip').first();
    const relatedName = (await related.textContent())!;
    await related.click();
    await expect.poll(() => heading(page).textContent()).toBe(relatedName);
    const relatedId = pack.entities.find((e) => e.name === relatedName)!.id;
    expect(await hashOf(page)).toBe(`#/entity/${relatedId}`);
    // Focus lands on the heading once the view's parts have loaded, which may follow its first render.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-heading');

    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe('Nicolás Maduro');
    const claim = page.locator('.card-claims .link-button').first();
    const statement = (await claim.textContent())!;
    await claim.click();
    await expect.poll(() => heading(page).textContent()).toBe(statement);
    expect(await hashOf(page)).toMatch(/^#\/claim\//);
    await shot(page, 'claim-light');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => hashOf(page)).toBe('#/index');
    await page.locator('.entity-index').waitFor();

    await page.getByRole('link', { name: 'Claims by status' }).click();
    await page.locator('.claim-index').waitFor();
    await showAll(page);
    expect(await page.locator('.claim-list li').count()).toBe(pack.claims.length);
    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/entity/no-such-entity`);
    await page.getByText('Not in this archive').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the timeline by an entity', async () => {
    const { page, errors } = await openArchive('#/timeline');
    await page.locator('.timeline-month').first().waitFor();
    await showAll(page);
    expect(await page.locator('.event-article').count()).toBe(pack.sources.length);
    expect(await page.locator('.event-claim').count()).toBe(pack.claims.length);
    expect(await page.locator('.timeline-month h3').first().textContent()).toBe('August 2025');

    await page.getByRole('searchbox', { name: 'Filter by entity' }).fill('Petro');
    await page.getByRole('list', { name: 'Matching entities' }).getByRole('button').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toBe('#/timeline?entity=gustavo-petro');
    const petro = pack.entities.find((e) => e.id === 'gustavo-petro')!;
    await page.locator('.event-passage').first().waitFor();
    expect(await page.locator('.event-article').count()).toBe(0);
    expect(await page.locator('.event-passage').count()).toBe(petro.passages.length);
    expect(await page.locator('.event-passage').first().locator('.event-kind').textContent()).toBe('First mention');
    expect(await page.locator('.event-claim').count()).toBe(
      pack.claims.filter((c) => c.about.includes(petro.id) || c.claimantEntity === petro.id).length,
    );
    expect(await page.locator('.entity-link.is-current').count()).toBeGreaterThan(0);
    await shot(page, 'timeline-light');

    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => hashOf(page)).toBe('#/timeline');
    await page.goBack();
    await expect.poll(() => hashOf(page)).toBe('#/timeline?entity=gustavo-petro');
    await page.locator('.event-passage').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a misspelled name and opens it; the search is linkable and Back returns to it', async () => {
    const { page, errors } = await openArchive();
    const box = page.getByRole('searchbox', { name: 'Search the archive' });
    await box.fill('Madurro');
    const first = page.locator('.search-results button').first();
    await first.waitFor();
    expect(await hashOf(page)).toBe('#/search?q=Madurro');
    expect(await first.locator('.result-title').textContent()).toBe('Nicolás Maduro');
    // The word that matched is marked where it is: here in the title (the snippet is the summary).
    expect(await first.locator('.result-title mark').count()).toBeGreaterThan(0);
    // Typing more replaces the search in the history rather than stacking every keystroke.
    await box.fill('Madurro bounty');
    await expect.poll(() => hashOf(page)).toBe('#/search?q=Madurro%20bounty');
    await box.fill('Madurro');
    await expect.poll(() => hashOf(page)).toBe('#/search?q=Madurro');
    await shot(page, 'search-light');
    await first.click();
    await page.locator('#detail-heading').waitFor();
    expect(await hashOf(page)).toBe('#/entity/nicolas-maduro');
    await page.goBack();
    await page.locator('.search-results button').first().waitFor();
    expect(await hashOf(page)).toBe('#/search?q=Madurro');
    expect(await box.inputValue()).toBe('Madurro');
    await page.goBack();
    await expect.poll(() => hashOf(page)).toBe('#/articles');
    await page.locator('.article-list').waitFor();

    // A passage result opens its article at the passage.
    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/search?q=narco-state%20Belgium`);
    const passageResult = page.locator('.search-results button[data-result^="passage:"]').first();
    await passageResult.waitFor();
    const index = Number((await passageResult.getAttribute('data-result'))!.split(':')[1]);
    await passageResult.click();
    await page.locator(`#passage-${index}.is-target`).waitFor();
    expect(await hashOf(page)).toBe(`#/article/${pack.passages[index]!.source}?passage=${index}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`passage-${index}`);

    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/search?q=qqxxzzqq`);
    await page.getByText('Nothing in the archive matches “qqxxzzqq”.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('waits for the parts a view needs: the card and the article show their passages once loaded', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // Before the page's scripts: note every part it fetches, and hold the passage texts back until told.
    await page.addInitScript(() => {
      const fetchFile = window.fetch.bind(window);
      const requested: string[] = [];
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      Object.assign(window, { requested, release });
      window.fetch = (input, init) => {
        const url = String(input);
        requested.push(url.slice(url.lastIndexOf('/') + 1));
        return url.includes('/archive-parts/passages-')
          ? held.then(() => fetchFile(input, init))
          : fetchFile(input, init);
      };
    });
    const requested = () => page.evaluate(() => (window as unknown as { requested: string[] }).requested);
    const release = () => page.evaluate(() => (window as unknown as { release: () => void }).release());
    const maduro = pack.entities.find((e) => e.id === 'nicolas-maduro')!;

    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/entity/${maduro.id}`);
    await page.locator('.loading[role="status"]').waitFor();
    await expect.poll(requested).toEqual(expect.arrayContaining(['entity-names.json', 'passages-0.json']));
    // The first paint needs no part at all; the card waits for its passages.
    await page.waitForTimeout(300);
    expect(await page.locator('#detail-heading').count()).toBe(0);
    expect(await page.locator('.article-list').count()).toBe(0);
    await release();
    await page.locator('#detail-heading').waitFor();
    expect(await page.locator('#detail-heading').textContent()).toBe(maduro.name);
    expect(await page.locator('.card .timeline blockquote').first().textContent()).toBe(
      pack.passages[maduro.passages[0]!]!.text,
    );
    expect(await page.locator('.loading').count()).toBe(0);
    expect(await page.evaluate(() => document.title)).toBe(`${maduro.name} · Backstory archive`);
    expect(new Set(await requested()).size).toBe((await requested()).length); // each part fetched once
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a linked article once its passages have loaded, then jumps to the passage', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const fetchFile = window.fetch.bind(window);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      Object.assign(window, { release });
      window.fetch = (input, init) =>
        String(input).includes('/archive-parts/passages-')
          ? held.then(() => fetchFile(input, init))
          : fetchFile(input, init);
    });
    const source = pack.sources.find((s) => s.id === 'politico-petro-next')!;
    const index = pack.passages.findLastIndex((p) => p.source === source.id);
    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/article/${source.id}?passage=${index}`);
    const item = page.locator(`#article-${source.id}`);
    await item.getByText('Loading passages…').waitFor();
    expect(await item.getByRole('button', { name: source.headline! }).getAttribute('aria-expanded')).toBe('true');
    await page.evaluate(() => (window as unknown as { release: () => void }).release());
    await page.locator(`#passage-${index}.is-target`).waitFor();
    expect(await item.locator('.passage').count()).toBe(pack.passages.filter((p) => p.source === source.id).length);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`passage-${index}`);
    await page.close();
  });

  it('labels the reworded CNN copy in the reader, the timeline and search, and passes axe', async () => {
    const { page, errors } = await openArchive('#/article/cnn-venezuela-strike-options', 'dark');
    const label = "Reworded copy of CNN's report: wording may differ from CNN's";
    const note = page.locator('#article-cnn-venezuela-strike-options .article-reworded');
    await note.waitFor();
    expect(await note.textContent()).toMatch(new RegExp(`^${label}\\. The archive's notes on this file say`));
    // Another article carries no such note.
    expect(await page.locator('.article-reworded').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/timeline?entity=nicolas-maduro`);
    const cnnEvent = page.locator('.event-passage', { hasText: 'CNN:' }).first();
    await cnnEvent.locator('.reworded-note').waitFor();
    expect(await cnnEvent.locator('.reworded-note').textContent()).toBe(label);
    expect(await cnnEvent.locator('blockquote').count()).toBe(0);
    expect(await page.locator('.event-passage:not(:has(.reworded-note)) blockquote').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`chrome-extension://${browser.extensionId}/archive.html#/search?q=sources%20instructed%20NCS`);
    await page.locator('.search-results li').first().waitFor();
    expect(await page.locator('.search-results .result-kind').first().textContent()).toBe(
      'Archive · CNN · September 5, 2025 (est.) · reworded copy, not the original wording',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  // Seventeen page loads, fourteen of them with an axe run: more than the default minute on a busy machine.
  it('passes axe in light and dark, and fits a 360 px screen', { timeout: 180_000 }, async () => {
    const views: [string, string][] = [
      ['articles', '#/article/wsj-colombia-campaign'],
      ['index', '#/index'],
      ['claims', '#/index/claims'],
      ['entity', '#/entity/nicolas-maduro'],
      ['claim', `#/claim/${pack.claims[0]!.id}`],
      ['timeline', '#/timeline?entity=gustavo-petro'],
      ['search', '#/search?q=Hegseth'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, hash] of views) {
        const { page, errors } = await openArchive(hash, scheme);
        await page.waitForTimeout(100);
        const violations = await seriousViolations(page);
        expect({ view: name, scheme, violations }).toEqual({ view: name, scheme, violations: [] });
        if (scheme === 'dark' && ['articles', 'entity', 'timeline', 'search'].includes(name))
          await shot(page, `${name}-dark`);
        expect(errors).toEqual([]);
        await page.close();
      }
    }
    for (const [name, hash] of [
      ['articles', '#/article/politico-petro-next'],
      ['index', '#/index'],
      ['timeline', '#/timeline?entity=gustavo-petro'],
    ]) {
      // Reduced motion: a deep link jumps to its article at once rather than scrolling there.
      const { page } = await openArchive(hash, 'light', 360, 'reduce');
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
      if (name === 'articles') {
        const top = await page.locator('#article-politico-petro-next').evaluate((el) => el.getBoundingClientRect().top);
        expect(Math.abs(top)).toBeLessThan(2);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(page, `${name}-360`);
      await page.close();
    }
  });
});
