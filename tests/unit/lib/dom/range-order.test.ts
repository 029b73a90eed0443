// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compareRangeStarts } from '../../../../lib/dom/range-order';

function rangeAt(node: Node, offset: number): Range {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  return range;
}

/** Light text, a host whose open shadow root holds text (and a nested host), then more light text. */
function page() {
  document.body.innerHTML = '<p id="before">Alpha</p><div id="host"></div><p id="after">Omega</p>';
  const host = document.getElementById('host')!;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>Beta</p><div></div><p>Delta</p>';
  const inner = shadow.querySelector('div')!.attachShadow({ mode: 'open' });
  inner.innerHTML = '<p>Gamma</p>';
  const text = (root: ParentNode, nth = 0) => root.querySelectorAll('p')[nth]!.firstChild!;
  return {
    before: rangeAt(text(document), 0),
    beta: rangeAt(text(shadow), 0),
    gamma: rangeAt(text(inner), 0),
    delta: rangeAt(text(shadow, 1), 0),
    after: rangeAt(document.getElementById('after')!.firstChild!, 0),
    host,
  };
}

describe('compareRangeStarts', () => {
  it('orders the page and its shadow trees as they are read, nested ones too', () => {
    const { before, beta, gamma, delta, after } = page();
    const shuffled = [after, gamma, before, delta, beta];
    expect(shuffled.sort(compareRangeStarts)).toEqual([before, beta, gamma, delta, after]);
  });

  it('agrees with compareBoundaryPoints within one tree', () => {
    const { before, after, beta, delta } = page();
    expect(compareRangeStarts(before, after)).toBeLessThan(0);
    expect(compareRangeStarts(after, before)).toBeGreaterThan(0);
    expect(compareRangeStarts(delta, beta)).toBeGreaterThan(0);
    expect(compareRangeStarts(before, before)).toBe(0);
  });

  it('puts a range on the host itself before the text of its shadow tree', () => {
    const { host, beta } = page();
    const onHost = document.createRange();
    onHost.setStart(host, 0);
    expect(compareRangeStarts(onHost, beta)).toBeLessThan(0);
    expect(compareRangeStarts(beta, onHost)).toBeGreaterThan(0);
  });
});
