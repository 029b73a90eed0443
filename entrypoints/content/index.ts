import { defineContentScript } from '#imports';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/preferences/sites';
import { runOnPage } from './run-on-page';
import { countScriptLoaded, ignoreForgedScriptStarts } from './script-started-guard';

// Counted while the module loads: before WXT's context tells older copies that this one started.
const thisCopy = countScriptLoaded();

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  // WXT's window.postMessage of 'content-script-started' tells every script on the page the extension id.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedScriptStarts(ctx, thisCopy);
    await runOnPage(ctx);
  },
});
