/** The only way knowledge or page text reaches the DOM as HTML: escaped, marked, then DOMPurify with a tiny allowlist. */
import DOMPurify from 'dompurify';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * Text with the given [start, end) runs wrapped in <mark>, as HTML. Overlapping runs after the first
 * are dropped. The text is escaped first; DOMPurify then keeps nothing but <mark>, so even a bug in the
 * escaping could not let a page's or a pack's text run script.
 */
export function markedHtml(win: Window, text: string, marks: readonly (readonly [number, number])[]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  html += escapeHtml(text.slice(at));
  // Parsed in an inert document (nothing loads or runs there) and cleaned in place under a <span> that
  // stays the root: DOMPurify keeps only <mark> inside it, without attributes.
  const host = win.document.implementation.createHTMLDocument('').createElement('span');
  host.innerHTML = html;
  DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]).sanitize(host, {
    IN_PLACE: true,
    ALLOWED_TAGS: ['span', 'mark'],
    ALLOWED_ATTR: [],
  });
  return host.innerHTML;
}
