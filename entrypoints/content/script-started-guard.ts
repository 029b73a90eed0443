import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';

/**
 * WXT stops a content script when a document event named `<extension id>:content:wxt:content-script-started`
 * says a newer copy of it started. A page can learn the id (a store listing shows it; Firefox's is in the
 * manifest) and dispatch that event to switch Backstory off. Copies of Backstory in one frame share one
 * isolated world, which pages cannot see: each counts itself there as it loads, and an older copy lets
 * the event through only when a newer one has counted itself, or when its own extension is gone
 * (reloaded, updated or removed) and a new one should take over.
 */
const LOADED_KEY = '__backstoryContentScriptsLoaded';

type World = typeof globalThis & { [LOADED_KEY]?: number };

const loaded = () => (globalThis as World)[LOADED_KEY] ?? 0;

/** Counts this copy as loaded; call when the script's module is evaluated, before WXT's context exists. */
export function countScriptLoaded(): number {
  const count = loaded() + 1;
  (globalThis as World)[LOADED_KEY] = count;
  return count;
}

/** Stops forged "content script started" events before they reach WXT's listener on the document. */
export function ignoreForgedScriptStarts(ctx: ContentScriptContext, mine: number): void {
  // WXT gives a 'wxt:' type its unique name, the one its context listens for on the document.
  ctx.addEventListener(
    window as EventTarget,
    'wxt:content-script-started',
    (event) => {
      if (loaded() > mine || !browser.runtime?.id) return;
      event.stopImmediatePropagation();
    },
    // On the window while capturing: before any listener on the document, where the event is dispatched.
    { capture: true },
  );
}
