/**
 * "Always run on this site" (issue 17): on a site outside the built-in list the popup offers it, the
 * click asks for that one site's permission, the background registers the content script there (so the
 * next visit is highlighted without the popup), and the options list the site and take it back.
 *
 * What needs a person: the browser's permission prompt. A test cannot click it, so the person's "Allow"
 * is stood in for by the browser's own site-access setting (chrome://extensions → Site access → "On
 * specific sites", through chrome.developerPrivate), after which permissions.request from the popup's
 * click resolves without a prompt. The toolbar click that gives the popup the tab (activeTab) is made
 * through the DevTools protocol (Extensions.triggerAction). Everything after the prompt is real.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { ARTIFACTS } from './support/browser';
import { tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

// news.test is no built-in site: it resolves to the test server, and the extension has no access to it.
const session = useSession({
  args: ['--host-resolver-rules=MAP news.test 127.0.0.1', '--enable-unsafe-extension-debugging'],
});
const SITE = '*://news.test/*';

const onNewsTest = (path: string) => session.server.url(path).replace('127.0.0.1', 'news.test');

/** The toolbar button clicked on the page's tab: the popup opens and the extension gets activeTab. */
async function clickToolbarButton(page: Page) {
  const cdp = await session.browser.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((target) => target.url === page.url());
  await cdp.send('Extensions.triggerAction', { id: session.browser.extensionId, targetId: tab!.targetId });
  await cdp.detach();
}

/** What the person's "Allow" in the permission prompt would grant, set where the browser keeps it. */
async function allowInBrowserSettings(origin: string) {
  const settings = await session.browser.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ([id, pattern]) =>
      (
        chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
      ).developerPrivate.addHostPermission(id!, pattern!),
    [session.browser.extensionId, origin],
  );
  await settings.close();
}

const registeredMatches = () =>
  session.browser.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
  );
const hasAccess = (origin: string) =>
  session.browser.worker.evaluate((o) => chrome.permissions.contains({ origins: [o] }), origin);
const scanCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('backstory:scan').length);

describe('always run on this site', () => {
  it('is not offered where Backstory runs by itself', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/demo.html'));
    await waitForScan(page);
    const tabId = await tabIdOf(session.browser, page);
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('.finding-list').waitFor();
    expect(await popup.locator('.always-run, .always-run-note').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('is asked for from the popup, registered, listed in the options and taken back there', async () => {
    await session.browser.context.route(/^http:\/\/news\.test[:/]/, (route) => route.continue());
    const page = await session.browser.context.newPage();
    await page.goto(onNewsTest('/fixtures/demo.html'));
    expect(await scanCount(page)).toBe(0);
    const tabId = await tabIdOf(session.browser, page);
    await clickToolbarButton(page);

    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    const always = popup.getByRole('button', { name: 'Always run on this site' });
    await always.waitFor();
    // The run-here offer follows the page's (missing) report, which can answer after the header renders.
    const runHere = popup.getByRole('button', { name: 'Run Backstory on this page' });
    await runHere.waitFor();
    expect(await runHere.count()).toBe(1);
    expect(await hasAccess(SITE)).toBe(false);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: join(ARTIFACTS, `popup-always-ask-${scheme}.png`) });
      expect(await seriousViolations(popup)).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: 'light' });

    await allowInBrowserSettings(SITE);
    await always.click();
    // Granted: the popup runs Backstory on the page in front of it and says it will run on every visit.
    await popup.locator('.finding-list').waitFor();
    expect(await popup.locator('.always-run-note').textContent()).toBe('Runs on every visit to news.test');
    expect(await hasAccess(SITE)).toBe(true);
    await expect.poll(registeredMatches).toEqual([SITE]);
    await waitForScan(page);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-always-granted-light.png') });

    // The next visit is highlighted by the registered content script, without the popup.
    await page.reload();
    await waitForScan(page);

    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    const list = options.locator('.always-sites');
    await list.getByText('news.test', { exact: true }).waitFor();
    await list.screenshot({ path: join(ARTIFACTS, 'options-always-sites-light.png') });
    expect(await seriousViolations(options)).toEqual([]);
    await list.getByRole('button', { name: 'Remove news.test' }).click();
    await expect.poll(registeredMatches).toEqual([]);
    expect(await hasAccess(SITE)).toBe(false);
    await list.locator('.empty-state').waitFor();

    // Taken back: a new visit is left alone (a pass would be recorded within the wait if it ran).
    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await scanCount(page)).toBe(0);
    await options.close();
    await popup.close();
    await page.close();
  });
});
