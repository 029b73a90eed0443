import { describe, expect, it } from 'vitest';
import { HitBuffer } from '../../../../lib/scan/hit-buffer';

const records = (buffer: HitBuffer) =>
  Array.from({ length: buffer.length }, (_, i) => Array.from({ length: buffer.width }, (_, f) => buffer.get(i, f)));

describe('HitBuffer', () => {
  it('keeps records of its width and ignores fields past it', () => {
    const buffer = new HitBuffer(3);
    buffer.push(7, 10, 16);
    buffer.push(2, 40, 45, 99);
    expect(buffer.length).toBe(2);
    expect(records(buffer)).toEqual([
      [7, 10, 16],
      [2, 40, 45],
    ]);
  });

  it('grows past its first capacity without losing records', () => {
    const buffer = new HitBuffer(2, 4);
    for (let i = 0; i < 1000; i++) buffer.push(i, -i);
    expect(buffer.length).toBe(1000);
    expect(buffer.get(0, 0)).toBe(0);
    expect(buffer.get(999, 0)).toBe(999);
    expect(buffer.get(999, 1)).toBe(-999);
  });

  it('orders records by a field, equal values in the order they were added', () => {
    const buffer = new HitBuffer(2);
    // (pattern, start): a longer match is reported after a shorter one that starts later.
    for (const [pattern, start] of [
      [1, 30],
      [2, 10],
      [3, 30],
      [4, 10],
      [5, 20],
    ]) {
      buffer.push(pattern!, start!);
    }
    expect(buffer.orderBy(1).map((i) => buffer.get(i, 0))).toEqual([2, 4, 5, 1, 3]);
    expect(buffer.orderBy(1, 2)).toEqual([3, 4, 2]);
  });

  it('gives records already in order as they are, and nothing past its length', () => {
    const buffer = new HitBuffer(2);
    buffer.push(0, 1);
    buffer.push(0, 1);
    buffer.push(0, 5);
    expect(buffer.orderBy(1)).toEqual([0, 1, 2]);
    expect(buffer.orderBy(1, 3)).toEqual([]);
  });

  it('orders any input as a stable sort does: nearly in order, reversed (a hostile page) and shuffled', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const inputs = [
      Array.from({ length: 500 }, (_, i) => i * 3 - Math.floor(random() * 7)),
      Array.from({ length: 500 }, (_, i) => 1000 - i),
      Array.from({ length: 500 }, () => Math.floor(random() * 50)),
    ];
    for (const starts of inputs) {
      const buffer = new HitBuffer(2);
      starts.forEach((start, i) => buffer.push(i, start));
      const expected = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || a - b);
      expect(buffer.orderBy(1)).toEqual(expected);
      expect(buffer.orderBy(1, 100)).toEqual(expected.filter((i) => i >= 100));
    }
  });
});
