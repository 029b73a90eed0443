import { describe, expect, it } from 'vitest';
import { oneEditApart } from '../../../../lib/text/one-edit';

describe('oneEditApart', () => {
  it.each([
    ['maduro', 'madura'],
    ['hegseth', 'hegsteh'],
    ['hegseth', 'hegset'],
    ['hegseth', 'heggseth'],
    ['sheinbaum', 'shienbaum'],
    ['a', 'b'],
  ])('%s / %s: one typo', (a, b) => {
    expect(oneEditApart(a, b)).toBe(true);
    expect(oneEditApart(b, a)).toBe(true);
  });

  it.each([
    ['maduro', 'maduro'],
    ['maduro', 'marudo'],
    ['maduro', 'madurito'],
    ['hegseth', 'hesgteh'],
    ['sheinbaum', 'sheinbaumm s'],
  ])('%s / %s: not one typo', (a, b) => {
    expect(oneEditApart(a, b)).toBe(false);
    expect(oneEditApart(b, a)).toBe(false);
  });
});
