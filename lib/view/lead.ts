/** The opening of a summary for a preview: whole sentences, as many as fit in a budget, at least one. */

/** Abbreviations whose full stop does not end a sentence ("U.S.", "Gen.", "Jr."). */
const ABBREVIATION = /(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|No|vs)\.)$/;

export function sentences(text: string): string[] {
  const found: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["”’)]?\s+(?=["“¿¡(]?[\p{Lu}\d])/gu)) {
    const end = match.index + match[0].trimEnd().length;
    if (ABBREVIATION.test(text.slice(start, end))) continue;
    found.push(text.slice(start, end));
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) found.push(rest);
  return found;
}

export function leadSentences(text: string, maxChars: number, maxSentences = 2): string {
  const all = sentences(text.trim());
  let lead = all[0] ?? '';
  for (const next of all.slice(1, maxSentences)) {
    if (lead.length + 1 + next.length > maxChars) break;
    lead += ` ${next}`;
  }
  return lead;
}
