/** Helpers for reading Backstory's state out of a page in the browser tests. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Texts of the ranges registered under a highlight name (the registry is shared with the page). */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(highlightName);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, name);
}

export function waitForScan(page: Page, passes = 1): Promise<unknown> {
  return page.waitForFunction((n) => performance.getEntriesByName('backstory:scan').length >= n, passes, {
    timeout: 15_000,
  });
}

/** The tab id of a page, read by the extension's service worker (the page must be in front). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** Centre of the first painted range whose text is `text`, in viewport coordinates. */
export function highlightPoint(page: Page, name: string, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([highlightName, wanted]) => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(highlightName!);
      const range = [...(highlight ?? [])].find((r) => r.toString() === wanted);
      if (!range) return null;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [name, text],
  );
}

export function setSettings(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  return browser.worker.evaluate((value) => chrome.storage.sync.set({ settings: value }), settings);
}

export async function sendToTab(browser: ExtensionBrowser, tabId: number, message: unknown): Promise<void> {
  await browser.worker.evaluate(([id, m]) => chrome.tabs.sendMessage(id as number, m), [tabId, message] as const);
}
