/** The only way knowledge or page text reaches the DOM as HTML: DOMPurify with a tiny allowlist. */
import DOMPurify from 'dompurify';

/** Escapes text and wraps the given [start, end) runs in <mark>, then sanitises the result. */
export function markedHtml(win: Window, text: string, marks: readonly [number, number][]): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  let html = '';
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    html += escape(text.slice(at, start)) + '<mark>' + escape(text.slice(start, end)) + '</mark>';
    at = end;
  }
  html += escape(text.slice(at));
  return DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]).sanitize(html, {
    ALLOWED_TAGS: ['mark'],
    ALLOWED_ATTR: [],
  });
}
