import { highlightCss } from '../../lib/highlight-style';
import type { Settings } from '../../lib/settings';

/**
 * The highlight colours as a constructed style sheet adopted by the document: no <style> element is
 * added, so the page's DOM stays exactly as the page built it.
 */
export function createPageStyle(settings: Settings): { update(settings: Settings): void; remove(): void } {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss(settings.style, settings.intensity));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return {
    update: (next) => sheet.replaceSync(highlightCss(next.style, next.intensity)),
    remove: () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
