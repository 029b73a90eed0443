/** The opening of a summary for a preview: whole sentences, as many as fit in a budget, at least one. */
import { sentences } from '../claims/sentences';

/** Sentences as claims read page text: abbreviations ("U.S.", "Gen.") and quotations kept whole. */
export function leadSentences(text: string, maxChars: number, maxSentences = 2): string {
  const trimmed = text.trim();
  const all = sentences(trimmed).map(([start, end]) => trimmed.slice(start, end));
  let lead = all[0] ?? '';
  for (const next of all.slice(1, maxSentences)) {
    if (lead.length + 1 + next.length > maxChars) break;
    lead += ` ${next}`;
  }
  return lead;
}
