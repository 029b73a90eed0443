/**
 * A large pack's matcher is not inlined in background.js but read by the background worker from
 * matcher.bin (lib/tools/build/matcher-module.ts). Built here from the real pack with the inline limit
 * at 0, so the same page must show the same highlights as with the default build, and the file must
 * stay out of the page's reach.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/browser';
import { highlightTexts, waitForScan } from './support/page';
import { useSession } from './support/session';

const OUT = join(tmpdir(), 'backstory-e2e-matcher-resource');
const EXTENSION = join(OUT, 'chrome-mv3');

beforeAll(() => {
  const built = spawnSync('npx', ['tsx', join('tests', 'bench', 'build-extension.ts'), OUT], {
    cwd: ROOT,
    env: { ...process.env, BACKSTORY_MATCHER_INLINE_MAX: '0' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
}, 180_000);

const session = useSession({ extensionDir: EXTENSION });

describe('matcher fetched from matcher.bin', () => {
  it('is a separate resource no page can reach, and the scripts carry no matcher data', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: unknown;
    };
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(readFileSync(join(EXTENSION, 'content-scripts', 'content.js'), 'utf8')).not.toContain('Tren de Aragua');
    // The background worker points at the file instead of carrying the data (the cards' pack it carries).
    expect(readFileSync(join(EXTENSION, 'background.js'), 'utf8')).toMatch(/resource:\s*["'`]matcher\.bin["'`]/);
    expect(statSync(join(EXTENSION, 'matcher.bin')).size).toBeGreaterThan(100_000);
  });

  it('highlights the demo page as the inline build does', async () => {
    const page = await session.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    const texts = await highlightTexts(page, 'backstory-entity');
    // First mentions, as the inline build paints them (the demo names the DEA in full first).
    expect(texts).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro', 'Tren de Aragua', 'MS-13']));
    expect(texts.length).toBeGreaterThan(40);
    const claims = await highlightTexts(page, 'backstory-claim');
    expect(claims.some((sentence) => sentence.includes('$50 million'))).toBe(true);
    // The page cannot read the file: it is not web-accessible.
    const status = await page.evaluate(
      (url) =>
        fetch(url).then(
          (response) => `read ${response.status}`,
          () => 'blocked',
        ),
      `chrome-extension://${session.browser.extensionId}/matcher.bin`,
    );
    expect(status).toBe('blocked');
    expect(errors).toEqual([]);
    await page.close();
  });
});
