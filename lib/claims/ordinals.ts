/**
 * Ordinals after the first ("second", "3rd", "20th", "vigésimo", "20.º"): a sentence that counts an
 * event this way speaks of a later one, so it does not state a claim about the first (the first boat
 * strike is not "the 20th strike on a drug boat"). Dates written with ordinals ("Sept. 2nd", "2nd of
 * September") are not counts of events.
 */

const ENGLISH_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const ENGLISH_WORDS =
  'second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|' +
  'sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth';
const SPANISH_WORDS =
  'segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[ée]ptim[oa]|octav[oa]|noven[oa]|d[ée]cim[oa]|' +
  'und[ée]cim[oa]|duod[ée]cim[oa]|vig[ée]sim[oa]|trig[ée]sim[oa]';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

const LATER_ORDINAL = new RegExp(
  [
    `\\b(?:${ENGLISH_WORDS}|${SPANISH_WORDS})\\b`,
    `\\b(?:twenty|thirty|forty|fifty)[- ](?:${ENGLISH_UNITS})\\b`,
    // "20th strike", not "Sept. 2nd" nor "2nd of September".
    `(?<!${MONTH}\\s)\\b(?:[2-9]|\\d{2,})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTH})`,
    // Spanish "20.º ataque", "3ª lancha".
    `\\b\\d+\\.?[ºª]`,
  ].join('|'),
  'iu',
);

/** Whether a sentence counts some event past the first. */
export function mentionsLaterOrdinal(sentence: string): boolean {
  return LATER_ORDINAL.test(sentence);
}
