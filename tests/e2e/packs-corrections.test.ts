import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, openCardForTests } from './support/browser';
import { highlightPoint, highlightTexts, waitForScan } from './support/page';
import { useSession } from './support/session';
import { PAGE_BUILT_MATCHER_MARK, STORED_MATCHER_MARK } from '../../lib/preferences/merged-matcher';

const work = mkdtempSync(join(tmpdir(), 'backstory-packs-'));
const packFile = join(work, 'riverside-pack.json');
const brokenFile = join(work, 'broken-pack.json');

const session = useSession();
beforeAll(async () => {
  // Built exactly as the README tells a newsroom to build its own pack.
  execFileSync(
    'npx',
    [
      'tsx',
      'lib/tools/cli/knowledge.ts',
      '--archive',
      'assets/examples/custom-pack/archive',
      '--curated',
      'assets/examples/custom-pack/curated',
      '--out',
      packFile,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const broken = JSON.parse(readFileSync(packFile, 'utf8')) as { entities: { type: string }[] };
  broken.entities[2]!.type = 'celebrity';
  writeFileSync(brokenFile, JSON.stringify(broken));
});
beforeEach(async () => {
  await session.browser.worker.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
  await openCardForTests(session.browser.worker);
});

async function openOptions(): Promise<Page> {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Knowledge packs' }).waitFor();
  return options;
}

describe('custom knowledge packs', () => {
  it('imports a pack built from a folder of articles and highlights with it, saying where facts come from', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/riverside.html'));
    await waitForScan(page);
    expect(await highlightTexts(page, 'backstory-entity')).toEqual([]);

    const options = await openOptions();
    await options.locator('.packs input[type=file]').setInputFiles(packFile);
    await options.locator('[data-pack]').waitFor();
    expect(await options.locator('[data-pack]').textContent()).toContain('The Riverside Courier (fictional) archive');
    await options.screenshot({ path: join(ARTIFACTS, 'options-packs.png'), fullPage: true });

    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).length).toBeGreaterThan(8);
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Nadia Petrakis');
    expect((await highlightTexts(page, 'backstory-claim')).length).toBeGreaterThan(0);
    const point = await highlightPoint(page, 'backstory-entity', 'Nadia Petrakis');
    await page.mouse.click(point!.x, point!.y);
    await page.locator('backstory-ui .card-expand').click();
    const footer = page.locator('backstory-ui .card-footer');
    await footer.waitFor();
    expect(await footer.textContent()).toContain('The Riverside Courier (fictional) archive');

    await switchOff(options.getByRole('switch', { name: 'Active' }));
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).length).toBe(0);
    await options.getByRole('button', { name: /^Remove / }).click();
    await expect.poll(() => options.locator('[data-pack]').count()).toBe(0);
    await options.close();
    await page.close();
  });

  it('rejects a broken pack with the file and JSON path, keeping the current packs', async () => {
    const options = await openOptions();
    await options.locator('.packs input[type=file]').setInputFiles(packFile);
    await options.locator('[data-pack]').waitFor();
    await options.locator('.packs input[type=file]').setInputFiles(brokenFile);
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/broken-pack\.json: \$\.entities\[2\]\.type: expected one of person/);
    expect(await options.locator('[data-pack]').count()).toBe(1);
    const stored = await session.browser.worker.evaluate(() => chrome.storage.local.get('packs'));
    expect((stored.packs as { pack: { entities: { type: string }[] } }[])[0]!.pack.entities[2]!.type).not.toBe(
      'celebrity',
    );
    await options.screenshot({ path: join(ARTIFACTS, 'options-pack-error.png'), fullPage: true });
    await options.close();
  });
});

/** How many times the page loaded the stored merged matcher, and built one itself. */
function matcherMarks(page: Page): Promise<{ stored: number; built: number }> {
  return page.evaluate(
    ({ stored, built }) => ({
      stored: performance.getEntriesByName(stored).length,
      built: performance.getEntriesByName(built).length,
    }),
    { stored: STORED_MATCHER_MARK, built: PAGE_BUILT_MATCHER_MARK },
  );
}

/**
 * Turns a pack off. The switch shows the stored state, which changes once the packs without it are
 * merged and saved (in the pack worker: longer than a click on a loaded machine), so it is waited for.
 */
async function switchOff(toggle: Locator): Promise<void> {
  await toggle.click();
  await expect.poll(() => toggle.isChecked()).toBe(false);
}

describe('the merged matcher stored at import (#18 item 7)', () => {
  it('is what pages load, in tabs already open and in new ones: no page builds an automaton', async () => {
    const open = await session.browser.context.newPage();
    await open.goto(session.server.url('/fixtures/riverside.html'));
    await waitForScan(open);
    const options = await openOptions();
    await options.locator('.packs input[type=file]').setInputFiles(packFile);
    await options.locator('[data-pack]').waitFor();
    // Stored deflated (lib/matcher/deflate.ts): far fewer characters than the bytes' base64.
    const stored = () =>
      session.browser.worker.evaluate(async () => {
        const { mergedMatcher } = (await chrome.storage.local.get('mergedMatcher')) as {
          mergedMatcher?: { bundled: string; resource?: { deflated: string; bytes: number } };
        };
        return { chars: mergedMatcher?.resource?.deflated.length ?? 0, bytes: mergedMatcher?.resource?.bytes ?? 0 };
      });
    await expect.poll(async () => (await stored()).chars).toBeGreaterThan(100_000);
    const { chars, bytes } = await stored();
    expect(chars).toBeLessThan((bytes * 4) / 3 / 3);

    await expect.poll(async () => highlightTexts(open, 'backstory-entity')).toContain('Nadia Petrakis');
    expect(await matcherMarks(open)).toEqual({ stored: 1, built: 0 });

    const fresh = await session.browser.context.newPage();
    await fresh.goto(session.server.url('/fixtures/riverside.html'));
    await waitForScan(fresh);
    expect(await highlightTexts(fresh, 'backstory-entity')).toContain('Nadia Petrakis');
    expect(await matcherMarks(fresh)).toEqual({ stored: 1, built: 0 });

    // Turned off, the pack leaves the page; no merged matcher is loaded or built for the bundled one alone.
    await switchOff(options.getByRole('switch', { name: 'Active' }));
    await expect.poll(async () => highlightTexts(fresh, 'backstory-entity')).not.toContain('Nadia Petrakis');
    expect(await matcherMarks(fresh)).toEqual({ stored: 1, built: 0 });
    await Promise.all([options.close(), open.close(), fresh.close()]);
  });

  it('is not used once it no longer matches the bundled pack: the page builds one, as before', async () => {
    const options = await openOptions();
    await options.locator('.packs input[type=file]').setInputFiles(packFile);
    await options.locator('[data-pack]').waitFor();
    // As after an update that brought another bundled pack, before the worker stores a new one.
    await session.browser.worker.evaluate(async () => {
      const { mergedMatcher } = (await chrome.storage.local.get('mergedMatcher')) as { mergedMatcher: object };
      await chrome.storage.local.set({ mergedMatcher: { ...mergedMatcher, bundled: 'an older bundled pack' } });
    });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/riverside.html'));
    await waitForScan(page);
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Nadia Petrakis');
    expect(await matcherMarks(page)).toEqual({ stored: 0, built: 1 });
    await Promise.all([options.close(), page.close()]);
  });
});

describe('local corrections', () => {
  it('"not this entity here" removes the highlight, is listed in the options and can be undone', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html?session=s3cret#top'));
    await waitForScan(page);
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.click(point!.x, point!.y);
    await page.locator('backstory-ui').getByRole('button', { name: 'Wrong match?' }).click();
    await page.locator('backstory-ui .card-correct').waitFor();
    await page.locator('backstory-ui').getByRole('button', { name: 'Not this entity here' }).click();
    await expect
      .poll(async () => (await highlightTexts(page, 'backstory-entity')).includes('Tren de Aragua'))
      .toBe(false);
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Nicolás Maduro');
    // Origin and path, and a hash of the text: no query string, no page text (issue 18, item 12).
    const stored = await session.browser.worker.evaluate(() => chrome.storage.local.get('corrections'));
    const demoPage = session.server.url('/fixtures/demo.html');
    expect(stored.corrections).toEqual([
      {
        type: 'not-here',
        target: { kind: 'entity', id: 'tren-de-aragua', label: 'Tren de Aragua' },
        page: demoPage,
        textHash: expect.stringMatching(/^[0-9a-f]{14}$/),
        createdAt: expect.any(String),
      },
    ]);

    const options = await openOptions();
    const item = options.locator('.correction-list li');
    await item.waitFor();
    expect(await item.textContent()).toBe(`Not Tren de Aragua on ${demoPage}Undo`);
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await highlightTexts(page, 'backstory-entity')).includes('Tren de Aragua'))
      .toBe(true);
    await options.close();
    await page.close();
  });

  it('a correction over the rate limit is not saved, and the card says so instead of closing', async () => {
    // Ten corrections made just now, on other sites: the limit for one minute.
    await session.browser.worker.evaluate((createdAt) => {
      const corrections = Array.from({ length: 10 }, (_, i) => ({
        type: 'never-on-site',
        target: { kind: 'entity', id: `entity-${i}`, label: `Entity ${i}` },
        hostname: `site-${i}.example`,
        createdAt,
      }));
      return chrome.storage.local.set({ corrections });
    }, new Date().toISOString());
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.click(point!.x, point!.y);
    const card = page.locator('backstory-ui');
    await card.getByRole('button', { name: 'Wrong match?' }).click();
    await card.getByRole('button', { name: 'Not this entity here' }).click();
    await expect
      .poll(() => card.locator('.card-correct-refused').textContent())
      .toBe('Not saved: too many corrections in one minute. Try again in a moment.');
    expect(await card.locator('.card-shell').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'card-correction-refused.png') });
    const stored = await session.browser.worker.evaluate(() => chrome.storage.local.get('corrections'));
    expect((stored.corrections as unknown[]).length).toBe(10);
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Tren de Aragua');
    await page.close();
  });

  it('"never on this site" keeps an entity off every page of the site, and settings files carry it', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    const point = await highlightPoint(page, 'backstory-entity', 'Caracas');
    await page.mouse.click(point!.x, point!.y);
    await page.locator('backstory-ui').getByRole('button', { name: 'Wrong match?' }).click();
    await page.locator('backstory-ui').getByRole('button', { name: 'Never highlight it on this site' }).click();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).includes('Caracas')).toBe(false);

    const other = await session.browser.context.newPage();
    await other.goto(session.server.url('/fixtures/living.html'));
    await waitForScan(other);
    await other.evaluate(() =>
      (window as unknown as { addPost(t: string): void }).addPost('Pete Hegseth flew to Caracas.'),
    );
    await expect
      .poll(async () => (await highlightTexts(other, 'backstory-entity')).includes('Pete Hegseth'))
      .toBe(true);
    expect(await highlightTexts(other, 'backstory-entity')).not.toContain('Caracas');

    const options = await openOptions();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const file = join(work, 'settings.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { corrections: { type: string; hostname: string }[] };
    expect(exported.corrections).toEqual([expect.objectContaining({ type: 'never-on-site', hostname: '127.0.0.1' })]);

    await session.browser.worker.evaluate(() => chrome.storage.local.clear());
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).includes('Caracas')).toBe(true);
    await options.locator('.file-actions input[type=file]').setInputFiles(file);
    await options.locator('p[role=status]').waitFor();
    await expect.poll(async () => (await highlightTexts(page, 'backstory-entity')).includes('Caracas')).toBe(false);
    await options.close();
    await other.close();
    await page.close();
  });
});
