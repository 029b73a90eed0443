/**
 * What a page's own scripts can do to Backstory (issue 18, items 1 and 8). The card's shadow root stays
 * closed here, as it is for pages in every build: the test reads the card through DevTools, which pages
 * do not have. A page may make up any event and knows the extension id (a store listing shows it).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightPoint, highlightTexts, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession({ openCard: false });

beforeEach(async () => {
  await session.browser.worker.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
});
afterEach(async () => {
  for (const page of session.browser.context.pages()) if (page.url() !== 'about:blank') await page.close();
});

/** The demo page, with every `message` event the page receives recorded from the start. */
async function openDemo(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __messages: string[] };
    w.__messages = [];
    window.addEventListener('message', (event) => w.__messages.push(JSON.stringify(event.data)));
  });
  await page.goto(session.server.url('/fixtures/demo.html'));
  await waitForScan(page);
  return page;
}

const storedCorrections = () =>
  session.browser.worker.evaluate(async () => (await chrome.storage.local.get('corrections')).corrections);

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType: string })[];
}

interface CardView {
  shadowRootType: string;
  text: string;
  /** The DevTools backend node id of each button, by its text. */
  buttons: Record<string, number>;
  /** The DevTools backend node id of the dialog. */
  dialog: number;
}

/** The viewport centre of a node (called by DevTools, not the page). */
async function centreOf(cdp: CDPSession, backendNodeId: number): Promise<{ x: number; y: number }> {
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () {
      const box = this.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }`,
    returnByValue: true,
  })) as { result: { value: { x: number; y: number } } };
  return result.value;
}

/** The card as DevTools sees it (closed shadow roots included), or undefined when there is none. */
async function cardViaDevtools(cdp: CDPSession): Promise<CardView | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode): DomNode | undefined =>
    node.localName === 'backstory-ui' ? node : (node.children ?? []).map(find).find(Boolean);
  const host = find(root);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return undefined;
  const textOf = (node: DomNode): string =>
    node.nodeType === 3 ? node.nodeValue : [...(node.children ?? [])].map(textOf).join(' ');
  const buttons: DomNode[] = [];
  let dialog: DomNode | undefined;
  const walk = (node: DomNode) => {
    if (node.localName === 'button') buttons.push(node);
    if (node.attributes?.includes('dialog')) dialog ??= node;
    (node.children ?? []).forEach(walk);
  };
  walk(shadow);
  const ids: CardView['buttons'] = {};
  for (const button of buttons) ids[textOf(button).trim()] = button.backendNodeId;
  if (!dialog) return undefined;
  return {
    shadowRootType: shadow.shadowRootType,
    text: textOf(shadow).replace(/\s+/g, ' '),
    buttons: ids,
    dialog: dialog.backendNodeId,
  };
}

/** Synthetic hovers and clicks at a point, every way a page script can make them. */
function forgeClicksAt(point: { x: number; y: number }) {
  const target = document.elementFromPoint(point.x, point.y)!;
  const init = { bubbles: true, cancelable: true, composed: true, clientX: point.x, clientY: point.y, view: window };
  for (let i = 0; i < 5; i++) {
    target.dispatchEvent(new MouseEvent('mousemove', init));
    target.dispatchEvent(new PointerEvent('pointerdown', init));
    target.dispatchEvent(new MouseEvent('mouseup', init));
    target.dispatchEvent(new MouseEvent('click', init));
    (target as HTMLElement).click();
  }
}

describe('a page script cannot drive the card (issue 18, item 1)', () => {
  it('made-up hovers and clicks on a highlight open no card', async () => {
    const page = await openDemo();
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    expect(point).not.toBeNull();
    await page.evaluate(forgeClicksAt, point!);
    // Longer than the hover delay (450 ms) and a click's card load; the host exists once a card has opened.
    await page.waitForTimeout(1500);
    expect(await page.locator('backstory-ui').count()).toBe(0);

    // The reader's own click still opens it.
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => page.locator('backstory-ui').count()).toBe(1);
  });

  it('cannot read an open card, press its buttons or write corrections; the reader can', async () => {
    const page = await openDemo();
    // Tall enough for the whole card: scrolling the page to reach a button would close it.
    await page.setViewportSize({ width: 1200, height: 2000 });
    const cdp = await session.browser.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    const point = await highlightPoint(page, 'backstory-entity', 'Tren de Aragua');
    await page.mouse.click(point!.x, point!.y);
    let card: CardView | undefined;
    // The reader opens the corrections: DevTools puts the focus on "Wrong match?", the reader presses Enter.
    await expect
      .poll(
        async () => {
          card = await cardViaDevtools(cdp);
          if (card?.buttons['Not this entity here'] !== undefined && card.text.includes('Tren de Aragua')) return true;
          const toggle = card?.buttons['Wrong match?'];
          if (toggle !== undefined) {
            await cdp.send('DOM.focus', { backendNodeId: toggle });
            await page.keyboard.press('Enter');
          }
          return false;
        },
        { interval: 500 },
      )
      .toBe(true);
    expect(card!.shadowRootType).toBe('closed');
    const dialog = await centreOf(cdp, card!.dialog);

    const seen = await page.evaluate((point) => {
      const host = document.querySelector('backstory-ui')!;
      const root = host.shadowRoot;
      // Everything a script could try: the shadow root, the buttons in it, made-up clicks where they are.
      for (const element of root?.querySelectorAll('button') ?? []) element.click();
      const target = document.elementFromPoint(point.x, point.y)!;
      const init = { bubbles: true, composed: true, clientX: point.x, clientY: point.y, view: window };
      for (let i = 0; i < 20; i++) target.dispatchEvent(new MouseEvent('click', init));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return {
        shadowRoot: root !== null,
        hit: target.localName,
        readable: [
          document.body.innerText,
          document.documentElement.outerHTML,
          host.textContent ?? '',
          (host as HTMLElement).innerText,
          host.getHTML({ serializableShadowRoots: true }),
        ].join('\n'),
      };
    }, dialog);
    expect(seen.shadowRoot).toBe(false);
    expect(seen.hit).toBe('backstory-ui');
    // The card's own words (its buttons, its summary) are nowhere a page script can read.
    for (const words of ['Not this entity here', 'Never highlight it on this site', card!.text.slice(0, 60)]) {
      expect(seen.readable).not.toContain(words);
    }
    await page.waitForTimeout(1000);
    expect(await storedCorrections()).toBeUndefined();
    expect(await highlightTexts(page, 'backstory-entity')).toContain('Tren de Aragua');

    // The test's check sees writes: the reader pressing the same button makes one.
    // DevTools puts the focus on the button; the reader's Enter key presses it.
    const now = await cardViaDevtools(cdp);
    await cdp.send('DOM.focus', { backendNodeId: now!.buttons['Not this entity here']! });
    await page.keyboard.press('Enter');
    await expect.poll(async () => ((await storedCorrections()) as unknown[] | undefined)?.length).toBe(1);
  });
});

describe("a page cannot learn the extension id or switch Backstory off through WXT's events (issue 18, item 8)", () => {
  it('hears no "content-script-started" message', async () => {
    const page = await openDemo();
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => m.includes(session.browser.extensionId) || m.includes('wxt'))).toEqual([]);
  });

  it('a forged "content-script-started" leaves the highlights on, and the page still watched', async () => {
    const page = await openDemo();
    const before = await highlightTexts(page, 'backstory-entity');
    expect(before.length).toBeGreaterThan(8);
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, session.browser.extensionId);
    await page.waitForTimeout(1500);
    expect(await highlightTexts(page, 'backstory-entity')).toEqual(before);
    // Still running: a name the page adds now is highlighted too.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Marco Rubio spoke.';
      document.querySelector('article, main, body')!.append(p);
    });
    await expect
      .poll(async () => (await highlightTexts(page, 'backstory-entity')).filter((t) => t === 'Marco Rubio').length)
      .toBeGreaterThan(before.filter((t) => t === 'Marco Rubio').length);
  });

  it('a forged "locationchange" forces no rescan; a real change of address still does', async () => {
    const page = await openDemo();
    const scans = () => page.evaluate(() => performance.getEntriesByName('backstory:scan').length);
    const before = await scans();
    await page.evaluate((id) => {
      for (let i = 0; i < 5; i++) window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
    }, session.browser.extensionId);
    await page.waitForTimeout(1500);
    expect(await scans()).toBe(before);

    await page.evaluate(() => history.pushState({}, '', '?next-story'));
    await expect.poll(scans).toBeGreaterThan(before);
  });
});
