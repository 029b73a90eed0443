/**
 * Issue 18 items 2–5 and 11 in the options page: a bad file or a full quota never looks like a
 * success, never half-applies, and never writes what the page does not show.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { importablePack, readRealPack } from '../bench/generate-pack';
import { useSession } from './support/session';

const work = mkdtempSync(join(tmpdir(), 'backstory-hardening-'));
const real = readRealPack();

function packFile(name: string, pack: KnowledgePack): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}
/** A few entities of the bundled pack under another name: quick to import. */
const renamed = (name: string, version = '1'): KnowledgePack => ({
  ...real,
  name,
  version,
  entities: real.entities.slice(0, 5).map((entity) => ({ ...entity, related: [] })),
  claims: real.claims.slice(0, 5),
});

const session = useSession();
beforeEach(async () => {
  await session.browser.worker.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
});

async function openOptions(): Promise<Page> {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Knowledge packs' }).waitFor();
  return options;
}
const storedLocal = (key: string) =>
  session.browser.worker.evaluate((k) => chrome.storage.local.get(k).then((stored) => stored[k]), key);
const storedPackNames = async () =>
  (((await storedLocal('packs')) as { pack: { name: string } }[] | undefined) ?? []).map((p) => p.pack.name);
/** Chooses a file once the pack controls are free again (they wait while a change is being made). */
async function importFile(options: Page, path: string): Promise<void> {
  const input = options.locator('.packs input[type=file]');
  await expect.poll(() => input.isEnabled(), { timeout: 60_000 }).toBe(true);
  await input.setInputFiles(path);
}
/** Pack imports run in a worker: seconds on a loaded machine. */
const IMPORTED = { timeout: 60_000 };

describe('pack import (#18 items 2, 3, 11)', () => {
  it('rejects a claim figure the matcher cannot read before anything is listed or stored', async () => {
    const pack = renamed('Bad figures');
    pack.claims = pack.claims.map((claim, i) =>
      i === 3 ? { ...claim, match: { ...claim.match, figures: ['about a lot'] } } : claim,
    );
    const options = await openOptions();
    await importFile(options, packFile('bad-figures.json', pack));
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/bad-figures\.json: \$\.claims\[3\]\.match\.figures\[0\]: parseFigure/);
    expect(await options.locator('[data-pack]').count()).toBe(0);
    expect(await storedPackNames()).toEqual([]);
    await options.close();
  });

  it('keeps a pack bigger than the 10 MB Chrome gives extension storage without unlimitedStorage', async () => {
    // Long passages make a big file that is quick to check: 11 MB, few names.
    const big = renamed('Long passages');
    big.passages = real.passages.map((p) => ({ ...p, text: `${p.text} `.repeat(Math.ceil(20_000 / p.text.length)) }));
    const file = packFile('big.json', big);
    const options = await openOptions();
    await importFile(options, file);
    await options.locator('[data-pack]').waitFor({ timeout: 60_000 });
    await expect.poll(storedPackNames, { timeout: 30_000 }).toEqual(['Long passages']);
    const bytes = await session.browser.worker.evaluate(() => chrome.storage.local.getBytesInUse(null));
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    await options.reload();
    await options.locator('[data-pack]').waitFor();
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.close();
  }, 120_000);

  it('puts the list back and says why when the browser refuses the write', async () => {
    const options = await openOptions();
    await importFile(options, packFile('first.json', renamed('First')));
    await options.locator('[data-pack]').waitFor();
    await expect.poll(storedPackNames).toEqual(['First']);
    await options.evaluate(() => {
      chrome.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    });
    await importFile(options, packFile('second.json', renamed('Second')));
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('QUOTA_BYTES quota exceeded');
    expect(await options.locator('[data-pack] strong').allTextContents()).toEqual(['First']);
    expect(await storedPackNames()).toEqual(['First']);
    await options.close();
  });

  it('imports packs with non-Latin names side by side, and asks before replacing one of the same name', async () => {
    const options = await openOptions();
    for (const name of ['Новости Риверсайда', '河畔新闻', 'Riverside!', 'riverside']) {
      const count = await options.locator('[data-pack]').count();
      await importFile(options, packFile(`${count}.json`, renamed(name)));
      await expect.poll(() => options.locator('[data-pack]').count(), IMPORTED).toBe(count + 1);
    }
    expect(await options.locator('[data-pack]').evaluateAll((items) => items.map((li) => li.dataset.pack))).toEqual([
      'новости-риверсайда',
      '河畔新闻',
      'riverside',
      'riverside-2',
    ]);

    const dialogs: string[] = [];
    options.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await importFile(options, packFile('again.json', renamed('河畔新闻', '2')));
    await expect.poll(() => dialogs.length, IMPORTED).toBe(1);
    expect(dialogs[0]).toBe('A pack named “河畔新闻” (version 1) is already imported. Replace it with version 2?');
    expect(await options.locator('[data-pack="河畔新闻"]').textContent()).toContain('version 1');

    options.once('dialog', (dialog) => void dialog.accept());
    await importFile(options, packFile('again.json', renamed('河畔新闻', '2')));
    await expect.poll(() => options.locator('[data-pack="河畔新闻"]').textContent(), IMPORTED).toContain('version 2');
    expect(await options.locator('[data-pack]').count()).toBe(4);
    await expect
      .poll(async () => (await storedLocal('packs')) as { id: string; pack: { version: string } }[], IMPORTED)
      .toContainEqual(expect.objectContaining({ id: '河畔新闻', pack: expect.objectContaining({ version: '2' }) }));
    await options.close();
  });

  it('shows the first 20 of 200,000 problems and counts the rest, without freezing the page', async () => {
    const pack = renamed('Many problems');
    pack.entities = [
      { ...pack.entities[0]!, aliases: Array.from({ length: 200_000 }, () => 7) as unknown as string[] },
    ];
    const options = await openOptions();
    await importFile(options, packFile('many.json', pack));
    const alert = options.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.locator('li').count()).toBe(20);
    const more = /… and ([\d,]+) more problems\./.exec((await alert.textContent()) ?? '');
    expect(Number(more?.[1]?.replaceAll(',', ''))).toBeGreaterThanOrEqual(199_980);
    await options.close();
  }, 90_000);
});

describe('a large pack import (#18 item 7)', () => {
  it('leaves the page responsive: says it is working, and handles a click before the import ends', async () => {
    // 20,000 aliases: seconds of checking and building, which ran on the page's main thread before.
    const file = packFile('large.json', importablePack(real, 20_000));
    const options = await openOptions();
    await importFile(options, file);
    const working = options.getByRole('status').filter({ hasText: 'Importing “large.json”' });
    await working.waitFor({ timeout: 30_000 });
    const input = options.locator('.packs input[type=file]');
    expect(await input.isDisabled()).toBe(true);
    await options.getByRole('switch', { name: 'Highlight on news pages' }).click();
    // Read in one task of the page: the click has been handled while the import is still under way.
    const state = await options.evaluate(() => ({
      switchedOff: !(document.querySelector('input[role=switch]') as HTMLInputElement).checked,
      stillWorking: document.querySelector('.pack-working') !== null,
    }));
    expect(state).toEqual({ switchedOff: true, stillWorking: true });
    await options.locator('[data-pack]').waitFor({ timeout: 180_000 });
    await expect.poll(storedPackNames, { timeout: 30_000 }).toEqual(['Imported benchmark pack (20000 aliases)']);
    expect(await working.count()).toBe(0);
    await expect.poll(() => input.isEnabled(), IMPORTED).toBe(true);
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.close();
  }, 240_000);
});

describe('settings (#18 items 4 and 5)', () => {
  const settingsFile = (name: string, parts: object) => {
    const path = join(work, name);
    writeFileSync(path, JSON.stringify({ format: 'backstory-settings', version: 1, ...parts }));
    return path;
  };
  const correction = {
    type: 'never-on-site',
    target: { kind: 'entity', id: 'caracas', label: 'Caracas' },
    hostname: 'example.org',
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('a file without corrections leaves the stored ones alone', async () => {
    await session.browser.worker.evaluate((c) => chrome.storage.local.set({ corrections: [c] }), correction);
    const options = await openOptions();
    await options.locator('.correction-list li').waitFor();
    await options
      .locator('.file-actions input[type=file]')
      .setInputFiles(settingsFile('no-corrections.json', { settings: { hoverDelayMs: 900 } }));
    const status = options.locator('p[role=status]');
    await status.waitFor();
    expect(await status.textContent()).toContain('the file has no corrections, so yours are unchanged');
    expect(await storedLocal('corrections')).toEqual([correction]);
    expect(await options.locator('.correction-list li').count()).toBe(1);
    await options.close();
  });

  it('a file with 600 sites switched off is saved whole, and the sites stay off', async () => {
    const sites = Array.from({ length: 600 }, (_, i) => `site-${String(i).padStart(3, '0')}.example-news.org`);
    const options = await openOptions();
    await options
      .locator('.file-actions input[type=file]')
      .setInputFiles(
        settingsFile('many-sites.json', { settings: { disabledSites: sites, hoverDelayMs: 700 }, corrections: [] }),
      );
    const status = options.locator('p[role=status]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^Imported settings and 0 corrections/);
    expect(await storedLocal('disabledSites')).toEqual(sites);
    const synced = await session.browser.worker.evaluate(() => chrome.storage.sync.get('settings'));
    expect(synced.settings).toMatchObject({ hoverDelayMs: 700 });
    await options.reload();
    await options.locator('.site-list li').first().waitFor();
    expect(await options.locator('.site-list li').count()).toBe(600);
    await options.close();
  });

  it('the hover-delay slider stores the value it shows after a long drag', async () => {
    const options = await openOptions();
    const slider = options.locator('input[type=range]');
    await slider.waitFor();
    // 164 steps back and forth, as a drag fires them, then the release.
    await slider.evaluate((input: HTMLInputElement) => {
      const values = [...Array(4)].flatMap((_, round) =>
        Array.from({ length: 41 }, (_, i) => (round % 2 ? 2000 - 50 * i : 50 * i)),
      );
      values[values.length - 1] = 1250;
      for (const value of values) {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await options.locator('label.range output').textContent()).toBe('1,250 ms');
    await expect
      .poll(async () => {
        const stored = await session.browser.worker.evaluate(() => chrome.storage.sync.get('settings'));
        return (stored.settings as { hoverDelayMs?: number } | undefined)?.hoverDelayMs;
      })
      .toBe(1250);
    await options.close();
  });
});
