/**
 * The language of the text around a name, for aliases that mean one thing in English and another in
 * Spanish ("EU": the European Union in English, Estados Unidos in Mexican Spanish). Counting a few
 * function words either side is enough to tell the two apart; a page may mix both.
 */

const SPANISH = new Set(
  'de del el la los las que y en por para con una según como pero sus entre fue ha se al su lo'.split(' '),
);
const ENGLISH = new Set('the of and to that for with from was is has by on his her it as at be were said'.split(' '));

/** Characters either side of the name that are read. */
const REACH = 400;

/** A paragraph break: a blank line, or the block separator of extracted page text. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n|\u2029/g;

/**
 * 'es' or 'en' by the function words within REACH of [start, end); undefined when they tie. The
 * name's own paragraph decides when it can: on a page that mixes stories, the next one may be in the
 * other language.
 */
export function languageAround(text: string, start: number, end: number): 'es' | 'en' | undefined {
  const from = Math.max(0, start - REACH);
  const to = Math.min(text.length, end + REACH);
  let paragraphFrom = from;
  let paragraphTo = to;
  for (const gap of text.slice(from, to).matchAll(PARAGRAPH_BREAK)) {
    const at = from + gap.index;
    if (at + gap[0].length <= start) paragraphFrom = at + gap[0].length;
    else if (at >= end) {
      paragraphTo = at;
      break;
    }
  }
  return languageOf(text.slice(paragraphFrom, paragraphTo)) ?? languageOf(text.slice(from, to));
}

function languageOf(passage: string): 'es' | 'en' | undefined {
  const words = passage.toLowerCase().match(/\p{L}+/gu) ?? [];
  let balance = 0;
  for (const word of words) {
    if (SPANISH.has(word)) balance++;
    else if (ENGLISH.has(word)) balance--;
  }
  return balance > 0 ? 'es' : balance < 0 ? 'en' : undefined;
}
