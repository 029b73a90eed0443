// @vitest-environment happy-dom
/**
 * WXT stops a content script when a "content-script-started" event reaches its context; a page can
 * dispatch one (issue 18, item 8). Only a newer copy of Backstory, or the loss of its extension, may.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countScriptLoaded, ignoreForgedScriptStarts } from '../../../../entrypoints/content/script-started-guard';

const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

const contexts: ContentScriptContext[] = [];
function start(guarded: boolean): ContentScriptContext {
  const mine = countScriptLoaded();
  const ctx = new ContentScriptContext('content');
  if (guarded) ignoreForgedScriptStarts(ctx, mine);
  contexts.push(ctx);
  return ctx;
}
const forge = () =>
  document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'content', messageId: 'forged' } }));

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort('test over');
  fakeBrowser.reset();
});

describe('ignoreForgedScriptStarts', () => {
  it('the event name is the one WXT listens for', () => {
    expect(STARTED).toMatch(/:wxt:content-script-started$/);
  });

  it('without it, a forged event stops the script (what a page did)', () => {
    const ctx = start(false);
    forge();
    expect(ctx.isValid).toBe(false);
  });

  it('keeps the script running through forged events', () => {
    const ctx = start(true);
    forge();
    forge();
    expect(ctx.isValid).toBe(true);
  });

  it('lets a newer copy of the script take over', () => {
    const older = start(true);
    const newer = start(true);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    forge();
    expect(newer.isValid).toBe(true);
  });
});
