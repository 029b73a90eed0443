// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sameRange } from '../../../../lib/dom/same-range';

function rangeOver(node: Node, start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

describe('sameRange', () => {
  const paragraph = document.createElement('p');
  paragraph.textContent = 'Nicolás Maduro met Gustavo Petro.';
  const text = paragraph.firstChild!;

  it('is true for two Range objects over the same words', () => {
    expect(sameRange(rangeOver(text, 0, 14), rangeOver(text, 0, 14))).toBe(true);
  });

  it('is false for other words of the same text node, or the same offsets in another node', () => {
    expect(sameRange(rangeOver(text, 0, 14), rangeOver(text, 19, 32))).toBe(false);
    expect(sameRange(rangeOver(text, 0, 14), rangeOver(text, 0, 7))).toBe(false);
    const copy = document.createTextNode(text.textContent!);
    expect(sameRange(rangeOver(text, 0, 14), rangeOver(copy, 0, 14))).toBe(false);
  });
});
