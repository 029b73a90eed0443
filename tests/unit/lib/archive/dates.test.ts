import { describe, expect, it } from 'vitest';
import { formatDate, monthKey, monthLabel } from '../../../../lib/archive/dates';

describe('archive dates', () => {
  it('writes ISO dates out in English', () => {
    expect(formatDate('2025-08-08')).toBe('8 August 2025');
    expect(formatDate('2025-12-15')).toBe('15 December 2025');
    expect(formatDate('2025-10')).toBe('October 2025');
  });

  it('leaves anything else as it is', () => {
    expect(formatDate('sometime in 2025')).toBe('sometime in 2025');
    expect(formatDate('2025-13-01')).toBe('2025-13-01');
  });

  it('files dates under their month', () => {
    expect(monthKey('2025-08-31')).toBe('2025-08');
    expect(monthKey('late 2025')).toBe('undated');
    expect(monthLabel('2025-09')).toBe('September 2025');
    expect(monthLabel('undated')).toBe('Undated');
  });
});
