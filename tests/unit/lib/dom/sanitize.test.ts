// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markedHtml } from '../../../../lib/dom/sanitize';

function rendered(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

describe('markedHtml', () => {
  it('marks the given runs in order, whatever order they come in', () => {
    const html = markedHtml(window, 'Nicolás Maduro met Gustavo Petro', [
      [19, 26],
      [8, 14],
    ]);
    expect(html).toBe('Nicolás <mark>Maduro</mark> met <mark>Gustavo</mark> Petro');
  });

  it('drops runs that overlap an earlier one, and empty runs', () => {
    expect(
      markedHtml(window, 'abcdef', [
        [0, 3],
        [2, 5],
        [4, 4],
        [5, 6],
      ]),
    ).toBe('<mark>abc</mark>de<mark>f</mark>');
  });

  it('keeps hostile text as text: nothing but <mark> elements, no attributes, the text unchanged', () => {
    const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a> & 'q'`;
    const host = rendered(markedHtml(window, hostile, [[0, 4]]));
    expect(host.textContent).toBe(hostile);
    const elements = [...host.querySelectorAll('*')];
    expect(elements.map((e) => e.localName)).toEqual(['mark']);
    expect(elements[0]!.attributes.length).toBe(0);
  });

  it('marks inside hostile text without opening a tag', () => {
    const text = 'a <b onclick=x>bold</b> word';
    const host = rendered(markedHtml(window, text, [[3, 5]]));
    expect(host.querySelector('mark')?.textContent).toBe('b ');
    expect(host.querySelector('b')).toBeNull();
    expect(host.textContent).toBe(text);
  });
});
