/**
 * Imports a pack file through the options page of a launched extension, as a person would, for the
 * benchmarks (tests/bench/imported-startup.ts, tests/bench/startup-profile.ts --import=FILE).
 */
import type { ExtensionBrowser } from '../e2e/support/browser';

/** Imports the pack file through the options page and waits until storage holds it. */
export async function importThroughOptions(browser: ExtensionBrowser, file: string): Promise<number> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Knowledge packs' }).waitFor();
  const start = Date.now();
  await options.locator('.packs input[type=file]').setInputFiles(file);
  // The write is done when the worker reads the pack back (the list shows before the write ends).
  for (;;) {
    const stored = await browser.worker.evaluate(async () => {
      const { packs } = (await chrome.storage.local.get('packs')) as { packs?: unknown[] };
      return packs?.length ?? 0;
    });
    if (stored) break;
    const alert = await options
      .getByRole('alert')
      .textContent({ timeout: 100 })
      .catch(() => '');
    if (alert) throw new Error(`import refused: ${alert}`);
    await options.waitForTimeout(100);
  }
  const ms = Date.now() - start;
  await options.close();
  return ms;
}
