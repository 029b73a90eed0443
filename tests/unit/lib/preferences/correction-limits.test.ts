import { describe, expect, it } from 'vitest';
import {
  MAX_CORRECTIONS,
  MAX_CORRECTIONS_PER_WINDOW,
  RATE_WINDOW_MS,
  admitCorrection,
} from '../../../../lib/preferences/correction-limits';
import { type Correction, notHereCorrection } from '../../../../lib/preferences/corrections';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const correction = (n: number, createdAt = ago(3_600_000)): Correction =>
  notHereCorrection({ kind: 'entity', id: `e${n}`, label: `E${n}` }, 'https://news.example/a', `E${n}`, createdAt);
const list = (count: number, createdAt?: (n: number) => string) =>
  Array.from({ length: count }, (_, n) => correction(n, createdAt?.(n)));

describe('admitCorrection (issue 18, item 1)', () => {
  it('adds a correction to a short list', () => {
    const result = admitCorrection(list(3), correction(99, NOW.toISOString()), NOW);
    expect(result).toEqual({ ok: true, corrections: [...list(3), correction(99, NOW.toISOString())] });
  });

  it(`refuses a new one once ${MAX_CORRECTIONS} are stored, but replaces one already there`, () => {
    const full = list(MAX_CORRECTIONS);
    expect(admitCorrection(full, correction(MAX_CORRECTIONS, NOW.toISOString()), NOW)).toEqual({
      ok: false,
      reason: 'full',
    });
    const again = admitCorrection(full, correction(7, NOW.toISOString()), NOW);
    expect(again.ok && again.corrections).toHaveLength(MAX_CORRECTIONS);
  });

  it(`refuses more than ${MAX_CORRECTIONS_PER_WINDOW} within a minute, and admits again once it has passed`, () => {
    const burst = list(MAX_CORRECTIONS_PER_WINDOW, (n) => ago(n * 1000));
    expect(admitCorrection(burst, correction(50, NOW.toISOString()), NOW)).toEqual({ ok: false, reason: 'too-fast' });
    const later = new Date(NOW.getTime() + RATE_WINDOW_MS);
    expect(admitCorrection(burst, correction(50, later.toISOString()), later).ok).toBe(true);
    const belowRate = list(MAX_CORRECTIONS_PER_WINDOW - 1, (n) => ago(n * 1000));
    expect(admitCorrection(belowRate, correction(50, NOW.toISOString()), NOW).ok).toBe(true);
  });

  it('counts a time ahead of the clock as recent, and an unreadable one as old', () => {
    const future = list(MAX_CORRECTIONS_PER_WINDOW, () => new Date(NOW.getTime() + 86_400_000).toISOString());
    expect(admitCorrection(future, correction(50), NOW)).toEqual({ ok: false, reason: 'too-fast' });
    expect(
      admitCorrection(
        list(MAX_CORRECTIONS_PER_WINDOW, () => ''),
        correction(50),
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('a flood like the one a page made (147 in 19 s) stops at the rate', () => {
    let stored: Correction[] = [];
    let admitted = 0;
    for (let n = 0; n < 147; n++) {
      const at = new Date(NOW.getTime() + Math.round((n * 19_000) / 147));
      const result = admitCorrection(stored, correction(n, at.toISOString()), at);
      if (result.ok) {
        stored = result.corrections;
        admitted++;
      }
    }
    expect(admitted).toBe(MAX_CORRECTIONS_PER_WINDOW);
  });
});
