/**
 * npm run demo: builds the extension, serves the bundled demo news page on 127.0.0.1 and opens it in
 * Chromium with Backstory loaded. Headless machines (no DISPLAY) get a screenshot instead of a window;
 * `--screenshot` forces that, and the command then exits.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, findChromium, launchWithExtension, servePages } from './support/browser';

async function main(): Promise<void> {
  try {
    findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const headless = process.argv.includes('--screenshot') || !process.env.DISPLAY;
  const server = await servePages();
  const browser = await launchWithExtension({ headless });
  const page = await browser.context.newPage();
  await page.goto(server.url('/fixtures/demo.html'));
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, {
    timeout: 15_000,
  });
  // The badge's title says what the popup and the exports count too: mentions found on the page.
  const tabId = await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
  let counted = '';
  for (let attempt = 0; attempt < 50 && !/\d/.test(counted); attempt++) {
    if (attempt) await page.waitForTimeout(100);
    counted = await browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
  }
  console.log(`Demo page: ${server.url('/fixtures/demo.html')} (${counted})`);
  console.log(`Popup: chrome-extension://${browser.extensionId}/popup.html`);
  if (headless) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'demo.png');
    await page.screenshot({ path, fullPage: false });
    console.log(`No display: saved a screenshot to ${path}. Run under a desktop (or xvfb-run) for a window.`);
    await browser.close();
    await server.close();
    return;
  }
  console.log('Chromium is open with Backstory loaded. Close the window or press Ctrl+C to stop.');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void browser.close().then(() => process.exit(0)));
}

void main();
