/**
 * How many corrections a page can add: a cap on the stored list and a rate. A page cannot click a
 * card's buttons (closed shadow root, untrusted events ignored); these bound what a bug or a page that
 * found another way in could still write, and keep the list an options page can show.
 */
import { type Correction, addCorrection, correctionKey } from './corrections';

/** Stored corrections at most; undoing some in the options page makes room again. */
export const MAX_CORRECTIONS = 500;
/** New corrections within one RATE_WINDOW_MS at most: a person reads a card before each one. */
export const MAX_CORRECTIONS_PER_WINDOW = 10;
export const RATE_WINDOW_MS = 60_000;

/** Why a correction was not saved: the stored list is full, or too many were made just now. */
export type CorrectionRefusal = 'full' | 'too-fast';

export type Admission = { ok: true; corrections: Correction[] } | { ok: false; reason: CorrectionRefusal };

/** The list with the new correction added, unless the list is full or too many were added just now. */
export function admitCorrection(corrections: readonly Correction[], correction: Correction, now: Date): Admission {
  const key = correctionKey(correction);
  const isNew = !corrections.some((c) => correctionKey(c) === key);
  if (isNew && corrections.length >= MAX_CORRECTIONS) return { ok: false, reason: 'full' };
  const since = now.getTime() - RATE_WINDOW_MS;
  const recent = corrections.filter((c) => {
    const made = Date.parse(c.createdAt);
    // A time ahead of the clock (a changed clock, a forged file) counts as recent, never as old.
    return Number.isNaN(made) ? false : made > since;
  }).length;
  if (recent >= MAX_CORRECTIONS_PER_WINDOW) return { ok: false, reason: 'too-fast' };
  return { ok: true, corrections: addCorrection(corrections, correction) };
}
