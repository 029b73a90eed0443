/**
 * Pages that are hostile to Backstory, by malice or by accident: markup-like text, pages that fight
 * its highlights or never stop changing, huge and deep documents, form fields, framework renderers,
 * shadow roots and frames, and empty pages. Every test also fails on any error the extension reports
 * (worker, its own pages, the content script).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import packJson from '../../assets/knowledge.json';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { createSearch } from '../../lib/knowledge/search';
import { CATEGORIES } from '../../lib/view/entity-groups';
import { highlightPoint, highlightTexts, setSettings, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';
import { type ErrorLog, mainThreadMetrics, traceTasks, watchErrors } from './support/watch';

const session = useSession();
let errors: ErrorLog;
const pack = packJson as unknown as KnowledgePack;

beforeAll(() => {
  errors = watchErrors(session.browser);
});
beforeEach(async () => {
  errors.all.length = 0;
  await session.browser.worker.evaluate(() => chrome.storage.sync.clear());
});
afterEach(async () => {
  for (const page of session.browser.context.pages()) if (page.url() !== 'about:blank') await page.close();
  expect(errors.fromExtension()).toEqual([]);
});

const log = (line: string) => console.log(`[hostile] ${line}`);
// Calm pages paint first mentions only; the cap and the deep walk are about painting every mention.
const paintEveryMention = () =>
  setSettings(session.browser, { mentions: Object.fromEntries(CATEGORIES.map(({ id }) => [id, 'all'])) });
const card = (page: Page) => page.locator('backstory-ui .card-shell');
const scanCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('backstory:scan').length);

interface Opened {
  page: Page;
  cdp: CDPSession;
}

/** A new tab watched for errors in both worlds, with long tasks recorded from the start. */
async function newWatchedPage(options: { snapshot?: boolean } = {}): Promise<Opened> {
  const page = await session.browser.context.newPage();
  const { cdp } = await errors.watchWebPage(page);
  await page.addInitScript((snapshot) => {
    const w = window as unknown as { __longTasks: number[][]; __bodyAtLoad?: string };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
    // The content script starts at document_idle, after DOMContentLoaded: this is the page as it built itself.
    if (snapshot) document.addEventListener('DOMContentLoaded', () => (w.__bodyAtLoad = document.body.innerHTML));
  }, !!options.snapshot);
  return { page, cdp };
}

async function open(path: string, options: { snapshot?: boolean } = {}): Promise<Opened> {
  const opened = await newWatchedPage(options);
  await opened.page.goto(session.server.url(path));
  await waitForScan(opened.page);
  return opened;
}

/** The body as the page has it now, without Backstory's card host. */
function bodyNow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('backstory-ui').forEach((host) => host.remove());
    return body.innerHTML;
  });
}

async function openPopup(page: Page): Promise<Page> {
  const tabId = await tabIdOf(session.browser, page);
  const popup = await session.browser.context.newPage();
  errors.watchExtensionPage(popup);
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Elements that could load or run something, and inline event handlers, in a document or shadow root. */
function activeContent(root: Document | ShadowRoot) {
  const dangerous = [...root.querySelectorAll('img, script, iframe, frame, object, embed, svg, math, link, base, form')]
    .filter((e) => !(e.localName === 'script' && e.hasAttribute('src') && root instanceof Document))
    .filter((e) => !(e.localName === 'link' && root instanceof Document))
    .map((e) => e.outerHTML.slice(0, 80));
  const handlers = [...root.querySelectorAll('*')].flatMap((e) =>
    [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`),
  );
  return { dangerous, handlers, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
}

async function expectInertCard(page: Page): Promise<void> {
  const found = await page.evaluate(
    (source) => new Function('root', `return (${source})(root)`)(document.querySelector('backstory-ui')!.shadowRoot!),
    activeContent.toString(),
  );
  expect(found).toEqual({ dangerous: [], handlers: [], pwned: undefined });
}

async function expectInertPage(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    created: (window as unknown as { __created: string[] }).__created,
  }));
  expect(state).toEqual({ pwned: undefined, created: [] });
}

describe('markup-like page text and attributes', () => {
  const names = ['Nicolás Maduro', 'Gustavo Petro', 'Pete Hegseth', 'Donald Trump', 'Claudia Sheinbaum'];

  it('stays text: in the page, in the card and in the popup', async () => {
    const { page } = await open('/fixtures/hostile.html', { snapshot: true });
    const title = await page.title();
    const found = await highlightTexts(page, 'backstory-entity');
    expect(found).toEqual(expect.arrayContaining([...names, 'Tren de Aragua']));

    // Hover: the name inside a link whose attributes hold markup.
    const link = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.move(link!.x, link!.y);
    await card(page).locator('h2').waitFor();
    expect(await card(page).locator('h2').textContent()).toBe('Tren de Aragua');
    await expectInertCard(page);
    await page.keyboard.press('Escape');

    for (const name of names) {
      const point = await highlightPoint(page, 'backstory-entity', name);
      await page.mouse.click(point!.x, point!.y);
      await expect.poll(() => card(page).locator('h2').textContent()).toBe(name);
      await expectInertCard(page);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page).isHidden()).toBe(true);
    }
    await expectInertPage(page);
    expect(await bodyNow(page)).toBe(
      await page.evaluate(() => (window as unknown as { __bodyAtLoad: string }).__bodyAtLoad),
    );
    expect(await page.title()).toBe(title);
    expect(await page.locator('#attr a').getAttribute('title')).toBe("<script>window.__pwned='attr-title'</script>");

    const popup = await openPopup(page);
    await popup.locator('.finding-list').waitFor();
    expect(await popup.locator('.finding-list button .name').allTextContents()).toEqual(
      expect.arrayContaining([...names, 'Tren de Aragua']),
    );
    for (const [id, name] of [
      ['nicolas-maduro', 'Nicolás Maduro'],
      ['tren-de-aragua', 'Tren de Aragua'],
    ]) {
      await popup.locator(`button[data-entity="${id}"]`).click();
      await popup.locator('#details-heading').waitFor();
      expect(await popup.locator('#details-heading').textContent()).toBe(name);
      const inDetails = await popup.evaluate(
        (source) => new Function('root', `return (${source})(root)`)(document),
        activeContent.toString(),
      );
      expect(inDetails).toEqual({ dangerous: [], handlers: [], pwned: undefined });
      await popup.getByRole('button', { name: /Back/ }).click();
    }
    const search = popup.getByRole('searchbox', { name: 'Search the archive' });
    for (const query of [
      `<img src=x onerror="window.__pwned='search'">Maduro`,
      `"><svg onload="window.__pwned='svg'"></svg>Petro`,
      `</mark><script>window.__pwned='mark'</script>`,
    ]) {
      await search.fill(query);
      await popup.locator('.search-results, .empty-state').first().waitFor();
      const inPopup = await popup.evaluate(
        (source) => new Function('root', `return (${source})(root)`)(document),
        activeContent.toString(),
      );
      expect(inPopup, query).toEqual({ dangerous: [], handlers: [], pwned: undefined });
    }
    // The popup's search result snippets are the only HTML rendered from text: marks and nothing else.
    await search.fill('Maduro');
    await popup.locator('.result-snippet mark').first().waitFor();
    const tags = await popup.$$eval('.result-snippet *', (elements) => [...new Set(elements.map((e) => e.localName))]);
    expect(tags).toEqual(['mark']);
    // …and the snippets read exactly as the archive has them (sanitising keeps all the text).
    const expected = new Set(
      createSearch(pack)
        .search('Maduro', 200)
        .map((r) => r.snippet),
    );
    const shown = await popup.locator('.result-snippet').allTextContents();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.filter((text) => !expected.has(text))).toEqual([]);
    await expectInertPage(page);
  });

  it('stays text when the fallback renderer wraps the names, and is restored exactly', async () => {
    const { page } = await open('/fixtures/hostile.html?backstory-fallback', { snapshot: true });
    const marks = await page.$$eval('backstory-mark', (elements) => elements.map((e) => e.textContent));
    expect(marks).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Tren de Aragua', 'Gustavo Petro']));
    expect(marks.every((text) => !/[<>]/.test(text ?? ''))).toBe(true);
    const point = await page.locator('backstory-mark', { hasText: 'Pete Hegseth' }).first().boundingBox();
    await page.mouse.click(point!.x + 5, point!.y + point!.height / 2);
    await card(page).locator('h2').waitFor();
    await expectInertCard(page);
    await expectInertPage(page);
    await setSettings(session.browser, { enabled: false, disabledSites: [] });
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0);
    expect(await bodyNow(page)).toBe(
      await page.evaluate(() => (window as unknown as { __bodyAtLoad: string }).__bodyAtLoad),
    );
  });
});

describe('pages that fight back', () => {
  /** Scan passes and main-thread time over a window of `ms`, with Backstory on, then the same with it off. */
  async function cost(page: Page, cdp: CDPSession, ms: number, during?: () => Promise<void>) {
    const measure = async (work?: () => Promise<void>) => {
      const before = await scanCount(page);
      const start = await mainThreadMetrics(cdp);
      const t0 = Date.now();
      await work?.();
      await page.waitForTimeout(ms - (Date.now() - t0));
      const wall = Date.now() - t0;
      const end = await mainThreadMetrics(cdp);
      const scans = await page.evaluate(
        (n) =>
          performance
            .getEntriesByName('backstory:scan')
            .slice(n)
            .map((e) => e.duration),
        before,
      );
      return {
        wall,
        passes: scans.length,
        scanMs: scans.reduce((a, b) => a + b, 0),
        scriptMs: (end.script - start.script) * 1000,
        taskMs: (end.task - start.task) * 1000,
      };
    };
    const on = await measure(during);
    await setSettings(session.browser, { enabled: false, disabledSites: [] });
    await page.waitForTimeout(300);
    const off = await measure();
    await setSettings(session.browser, { enabled: true, disabledSites: [] });
    return { on, off };
  }

  function report(label: string, result: Awaited<ReturnType<typeof cost>>) {
    const { on, off } = result;
    log(
      `${label}: ${on.passes} scan passes in ${(on.wall / 1000).toFixed(1)} s (${((on.passes * 1000) / on.wall).toFixed(1)}/s), ` +
        `${on.scanMs.toFixed(1)} ms scanning (${((100 * on.scanMs) / on.wall).toFixed(2)} % of wall time); ` +
        `main thread with Backstory on: script ${on.scriptMs.toFixed(0)} ms, tasks ${on.taskMs.toFixed(0)} ms; ` +
        `off: script ${off.scriptMs.toFixed(0)} ms, tasks ${off.taskMs.toFixed(0)} ms (same page, ${(off.wall / 1000).toFixed(1)} s)`,
    );
    expect(on.passes / (on.wall / 1000)).toBeLessThanOrEqual(5);
    expect(on.scanMs / on.wall).toBeLessThan(0.25);
  }

  for (const mode of ['clear', 'delete']) {
    it(`does not loop when the page ${mode === 'clear' ? 'clears CSS.highlights' : 'deletes our highlights'} every 50 ms`, async () => {
      const { page, cdp } = await open(`/fixtures/churn.html?mode=${mode}`);
      await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
      const result = await cost(page, cdp, 5000);
      report(`churn ?mode=${mode}`, result);
      expect(await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks)).toBeGreaterThan(100);
      expect(errors.fromPages()).toEqual([]);
      // The reader still has the list.
      const popup = await openPopup(page);
      await popup.locator('button[data-entity="nicolas-maduro"]').waitFor();
    });
  }

  it('keeps up with a page that rewrites a paragraph 20 times a second, without looping', async () => {
    const { page, cdp } = await open('/fixtures/churn.html?mode=rewrite');
    const result = await cost(page, cdp, 5000, async () => {
      await page.evaluate(() =>
        (window as unknown as { addPost(text: string): void }).addPost('Later, Pete Hegseth spoke in Bogotá.'),
      );
      // A post added while the ticker runs is highlighted within a few seconds.
      await page.waitForFunction(
        () => {
          const post = document.querySelector('#feed p:last-child')!;
          const ranges = [
            ...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity') ?? []),
          ];
          return ranges.some((r) => post.contains(r.startContainer) && r.toString() === 'Pete Hegseth');
        },
        null,
        { timeout: 4000 },
      );
    });
    report('churn ?mode=rewrite', result);
    expect(result.on.passes).toBeGreaterThan(0);
    expect(errors.fromPages()).toEqual([]);
  });

  it('does not corrupt a page that unwraps the fallback marks every 50 ms, and stays bounded', async () => {
    const { page, cdp } = await open('/fixtures/churn.html?mode=unwrap&backstory-fallback');
    const text = await page.evaluate(() => document.querySelector('#feed')!.textContent);
    const result = await cost(page, cdp, 5000);
    report('churn ?mode=unwrap (fallback renderer)', result);
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0);
    expect(await page.evaluate(() => document.querySelector('#feed')!.textContent)).toBe(text);
    expect(await page.evaluate(() => document.querySelector('body > p')!.textContent)).toBe(
      'Nicolás Maduro answered Gustavo Petro from Caracas, and Pete Hegseth defended the strikes.',
    );
    expect(errors.fromPages()).toEqual([]);
  });
});

describe('huge and deep pages', () => {
  async function load(path: string, late: boolean) {
    const { page, cdp } = await newWatchedPage();
    const tasks = await traceTasks(cdp, session.browser.extensionId, session.server.url('/'), async () => {
      await page.goto(session.server.url(path), { timeout: 60_000 });
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready, null, { timeout: 60_000 });
      await waitForScan(page, late ? 2 : 1);
      await page.waitForTimeout(500);
    });
    const timeline = await page.evaluate(() => ({
      ready: performance.getEntriesByName('fixture-ready')[0]!.startTime,
      longTasks: (window as unknown as { __longTasks: number[][] }).__longTasks,
      scans: performance.getEntriesByName('backstory:scan').map((e) => e.duration),
      entities:
        (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')?.size ?? 0,
      claims: (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-claim')?.size ?? 0,
    }));
    const ours = tasks.filter((t) => t.ours);
    const longestOurs = ours.reduce((max, t) => (t.oursCpu > max.oursCpu ? t : max), {
      wall: 0,
      cpu: 0,
      oursCpu: 0,
      ours: true,
      what: [] as string[],
    });
    const others = tasks.filter((t) => !t.ours).sort((a, b) => b.wall - a.wall);
    const afterReady = timeline.longTasks.filter(([start]) => start! >= timeline.ready);
    const max = (list: number[][]) => Math.max(0, ...list.map(([, duration]) => duration!));
    log(
      `${path}: scan passes ${timeline.scans.map((d) => `${d.toFixed(0)} ms`).join(', ')} (wall, sliced); ` +
        `long tasks (PerformanceObserver): longest ${max(timeline.longTasks).toFixed(0)} ms overall (the page ` +
        `building itself included), longest after the page was built ${max(afterReady).toFixed(0)} ms; ` +
        `longest task without Backstory's code ${others[0]?.wall.toFixed(0) ?? 0} ms wall ` +
        `(${others[0]?.what.join(', ') ?? ''}); ` +
        `longest task running Backstory: ${longestOurs.oursCpu.toFixed(0)} ms CPU of ours ` +
        `(task ${longestOurs.wall.toFixed(0)} ms wall, ${longestOurs.cpu.toFixed(0)} ms CPU: ${longestOurs.what.join(', ')}); ` +
        `${ours.length} tasks of ours over 30 ms; ${timeline.entities} entity and ${timeline.claims} claim highlights`,
    );
    return { page, timeline, longestOurs };
  }

  it('scans a 10 MB page in slices and holds the highlight cap', async () => {
    await paintEveryMention();
    const { page, timeline, longestOurs } = await load('/fixtures/huge.html?mb=10', false);
    expect(longestOurs.oursCpu).toBeLessThan(200);
    expect(timeline.entities).toBeGreaterThan(1000);
    expect(timeline.entities).toBeLessThanOrEqual(1500);
    expect(timeline.claims).toBeLessThanOrEqual(200);
    expect(errors.fromPages()).toEqual([]);
    // Still responsive: a click opens a card.
    const point = await highlightPoint(page, 'backstory-entity', 'Nicolás Maduro');
    await page.mouse.click(point!.x, point!.y);
    await card(page).locator('h2').waitFor({ timeout: 10_000 });
  });

  it('scans 10 MB that a single-page app inserts after load in slices too', async () => {
    await paintEveryMention();
    const { timeline, longestOurs } = await load('/fixtures/huge.html?mb=10&late', true);
    expect(longestOurs.oursCpu).toBeLessThan(200);
    expect(timeline.entities).toBeGreaterThan(1000);
    expect(timeline.entities).toBeLessThanOrEqual(1500);
    expect(errors.fromPages()).toEqual([]);
  });

  it('walks a 20,000-deep tree without recursion or long tasks', async () => {
    await paintEveryMention();
    const { page, timeline, longestOurs } = await load('/fixtures/huge.html?depth=20000', false);
    expect(longestOurs.oursCpu).toBeLessThan(200);
    const texts = await highlightTexts(page, 'backstory-entity');
    // Every level is a story of its own (a <section> outside an article): the specific names are painted
    // down to the deepest level (Frontex, 18,000 levels down), broad ones (Trump, countries, cities,
    // the Pentagon) stay quiet in a one-line story that names nothing specific. Then the two names at
    // the chain's bottom, and the rendered chain's two levels and its bottom.
    const specific = ['Pete Hegseth', 'Marco Rubio', 'Claudia Sheinbaum', 'Tren de Aragua', 'Cartel de los Soles'];
    expect(texts).toEqual([
      'Nicolás Maduro',
      'Gustavo Petro',
      ...specific,
      'Hugo Chávez',
      'Sinaloa Cartel',
      'Frontex',
      'Nicolás Maduro',
      'Gustavo Petro',
      'Nicolás Maduro',
      'Gustavo Petro',
      'Gustavo Petro',
      'Nicolás Maduro',
    ]);
    expect(timeline.entities).toBe(texts.length);
    const bottom = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')!]
        .filter((r) => document.getElementById('bottom')!.contains(r.startContainer))
        .map((r) => r.toString()),
    );
    expect(bottom).toEqual(['Gustavo Petro', 'Nicolás Maduro']);
    // Two thousand levels down, hit-testing still finds the name under the pointer.
    const point = await page.evaluate(() => {
      const range = [
        ...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')!,
      ].filter((r) => document.getElementById('bottom')!.contains(r.startContainer))[0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await card(page).locator('h2').waitFor();
    expect(errors.fromPages()).toEqual([]);
  });
});

describe('form fields and editable text', () => {
  const inFields = (page: Page) =>
    page.evaluate(() =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity') ?? [])]
        .filter((r) => {
          const element = r.startContainer.parentElement ?? (r.startContainer as Element);
          return !!element.closest('input, textarea, select, button, [contenteditable]');
        })
        .map((r) => r.toString()),
    );

  for (const fallback of [false, true]) {
    it(`never touches fields, and typing a name into them works${fallback ? ' (fallback renderer)' : ''}`, async () => {
      const { page } = await open(`/fixtures/editable.html${fallback ? '?backstory-fallback' : ''}`, {
        snapshot: true,
      });
      const fields = () =>
        page.evaluate(() => ({
          input: (document.getElementById('input') as HTMLInputElement).value,
          search: (document.getElementById('search') as HTMLInputElement).value,
          filled: (document.getElementById('filled') as HTMLTextAreaElement).value,
          editable: document.getElementById('editable-filled')!.innerHTML,
          marks: document.querySelectorAll('form backstory-mark, [contenteditable] backstory-mark').length,
        }));
      const before = await fields();
      expect(before).toEqual({
        input: 'Nicolás Maduro',
        search: 'Tren de Aragua',
        filled: 'Gustavo Petro wrote to Pete Hegseth.',
        editable: 'Marco Rubio and <b>Donald Trump</b> in an editor.',
        marks: 0,
      });
      if (!fallback) expect(await highlightTexts(page, 'backstory-entity')).toContain('Nicolás Maduro');
      expect(await inFields(page)).toEqual([]);

      const passes = await scanCount(page);
      await page.locator('#textarea').click();
      await page.keyboard.type('Nicolás Maduro');
      await page.locator('#editable').click();
      await page.keyboard.type('Nicolás Maduro met Gustavo Petro');
      await page.locator('#editable-plain').click();
      await page.keyboard.type('Nicolás Maduro');
      await page.locator('#editable-filled').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Nicolás Maduro');
      // Let Backstory see the edits and rescan.
      await expect.poll(() => scanCount(page), { timeout: 5000 }).toBeGreaterThan(passes);
      await page.waitForTimeout(400);

      expect(await page.locator('#textarea').inputValue()).toBe('Nicolás Maduro');
      expect(await page.evaluate(() => document.getElementById('editable')!.textContent)).toBe(
        'Nicolás Maduro met Gustavo Petro',
      );
      expect(await page.evaluate(() => document.getElementById('editable')!.innerHTML)).toBe(
        'Nicolás Maduro met Gustavo Petro',
      );
      expect(await page.evaluate(() => document.getElementById('editable-plain')!.textContent)).toBe('Nicolás Maduro');
      expect(await page.evaluate(() => document.getElementById('editable-filled')!.textContent)).toBe(
        'Marco Rubio and Donald Trump in an editor. Nicolás Maduro',
      );
      expect(await inFields(page)).toEqual([]);
      expect((await fields()).marks).toBe(0);
      expect(await page.evaluate(() => (document.getElementById('input') as HTMLInputElement).value)).toBe(
        before.input,
      );
      expect(errors.fromPages()).toEqual([]);
    });
  }
});

describe('a page rendered by a keyed virtual-DOM loop', () => {
  async function run(fallback: boolean) {
    const { page } = await open(`/fixtures/vdom.html?interval=300${fallback ? '&backstory-fallback' : ''}`);
    let painted = 0;
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      painted = Math.max(
        painted,
        fallback
          ? await page.evaluate(() => document.querySelectorAll('backstory-mark').length)
          : (await highlightTexts(page, 'backstory-entity')).filter(Boolean).length,
      );
      await page.waitForTimeout(100);
    }
    const state = await page.evaluate(
      () => (window as unknown as { __vdom: { renders: number; checked: number; errors: string[] } }).__vdom,
    );
    log(
      `vdom${fallback ? ' (fallback renderer)' : ''}: ${state.renders} renders (${state.checked} checked in a frame), ${await scanCount(page)} scan passes, up to ${painted} ${fallback ? 'marks' : 'highlights'}`,
    );
    expect(state.renders).toBeGreaterThan(6);
    // The text the reader sees is checked frame by frame, not only right after rendering.
    expect(state.checked).toBeGreaterThan(6);
    expect(painted).toBeGreaterThan(0);
    expect(state.errors).toEqual([]);
    expect(errors.fromPages()).toEqual([]);
  }

  it('re-renders without errors while highlighted (CSS Custom Highlight API)', () => run(false));
  it('re-renders without errors while highlighted (fallback renderer)', () => run(true));
});

describe('shadow roots and frames', () => {
  it('reads open shadow roots (nested too), not closed ones, and leaves frames alone', async () => {
    const { page } = await open('/fixtures/frames.html', { snapshot: true });
    await page.frameLocator('#same-origin').locator('#in-frame').waitFor();
    const texts = await highlightTexts(page, 'backstory-entity');
    expect(texts).toEqual(expect.arrayContaining(['Marco Rubio', 'Nicolás Maduro', 'Gustavo Petro']));
    // Closed shadow roots cannot be read by an extension.
    expect(texts).not.toContain('Pete Hegseth');
    expect(await page.evaluate(() => (window as unknown as { __closedText(): string }).__closedText())).toBe(
      'Pete Hegseth defended the strikes.',
    );
    // Frames: the content script runs in top frames only (no all_frames in the manifest), so names in
    // same-origin and srcdoc frames are not highlighted and their documents are untouched.
    expect(texts).not.toContain('Donald Trump');
    expect(texts).not.toContain('Claudia Sheinbaum');
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const state = await frame.evaluate(() => ({
        highlights: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()],
        hosts: document.querySelectorAll('backstory-ui, backstory-mark').length,
        scans: performance.getEntriesByName('backstory:scan').length,
      }));
      expect(state, frame.url()).toEqual({ highlights: [], hosts: 0, scans: 0 });
    }
    log('frames: the content script runs in top frames only; same-origin and srcdoc frames are not scanned');

    // A name inside a nested open shadow root opens its card like any other.
    const point = await page.evaluate(() => {
      const range = [
        ...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-entity')!,
      ].find((r) => r.toString() === 'Gustavo Petro')!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await card(page).locator('h2').waitFor({ timeout: 5000 });
    expect(await card(page).locator('h2').textContent()).toBe('Gustavo Petro');
    await page.keyboard.press('Escape');
    expect(await bodyNow(page)).toBe(
      await page.evaluate(() => (window as unknown as { __bodyAtLoad: string }).__bodyAtLoad),
    );
    expect(errors.fromPages()).toEqual([]);
  });
});

describe('a page with no body text', () => {
  it('scans once, paints nothing, and the popup says nothing was found', async () => {
    const { page } = await open('/fixtures/empty.html', { snapshot: true });
    await page.waitForTimeout(500);
    expect(await scanCount(page)).toBe(1);
    expect(
      await page.evaluate(() => [...CSS.highlights.keys()].map((name) => [name, CSS.highlights.get(name)!.size])),
    ).toEqual([
      ['backstory-claim', 0],
      ['backstory-entity', 0],
    ]);
    const popup = await openPopup(page);
    await popup.locator('.empty-state').waitFor();
    expect(await popup.locator('.empty-state').textContent()).toMatch(/looks for the people, groups/);
    await page.mouse.click(20, 20);
    expect(await bodyNow(page)).toBe(
      await page.evaluate(() => (window as unknown as { __bodyAtLoad: string }).__bodyAtLoad),
    );
    expect(errors.fromPages()).toEqual([]);
  });
});
