import { type PageColors, highlightCss, isDefaultLook } from '../../lib/dom/highlight-style';
import type { Settings } from '../../lib/preferences/settings';

/**
 * The highlight colours. The default look comes with the content script (lib/dom/highlight-style.ts
 * HIGHLIGHT_CSS_FILE, injected by the manifest, or by the popup where it runs the script on demand);
 * another look, or colours a dark page needs, is a constructed style sheet adopted by the document on
 * top of it: no <style> element is added, so the page's DOM stays exactly as the page built it.
 */
export function createPageStyle(
  settings: Settings,
  colors: () => PageColors,
): { update(settings: Settings): void; remove(): void } {
  let sheet: CSSStyleSheet | undefined;
  const remove = () => {
    if (!sheet) return;
    const adopted = sheet;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== adopted);
    sheet = undefined;
  };
  const update = (next: Settings) => {
    const page = colors();
    if (isDefaultLook(next, page)) return remove();
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(highlightCss(next.style, next.intensity, page));
  };
  update(settings);
  return { update, remove };
}
