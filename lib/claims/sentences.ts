/**
 * Sentences of page text, for claims: Intl.Segmenter's sentences, joined again where it ends one
 * after an abbreviation ("the U.S. Navy") and where a quotation runs over several sentences with its
 * attribution. A claim needs only the sentences around its terms: in a block without quotation marks
 * sentenceFinder reads them from the segmenter's boundaries near each term, not splitting the block.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Abbreviations after which the segmenter wrongly ends a sentence ("the U.S. Navy", "Sen. Paul"), and
 * a middle initial ("Gerald R. Ford").
 */
const ABBREVIATION_END =
  /(?:^|[\s(“"])(?:[A-Z]|U\.S|U\.N|U\.K|E\.U|D\.C|Sen|Rep|Gov|Gen|Adm|Lt|Col|Sgt|Capt|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Inc|Corp|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$/;

/** Line breaks inside a paragraph are layout, not sentence ends: replaced one for one, so offsets hold. */
const layoutBreaksToSpaces = (text: string) => text.replace(/[\n\r\t\f\v]/g, ' ');

/** A segment after which the segmenter's sentence goes on (it ends with an abbreviation). */
const endsOpen = (segment: string) => ABBREVIATION_END.test(segment.trimEnd()) && !segment.includes('\u2029');

/** Sentence spans [start, end) of text[from, to), with offsets into `text`. */
export function sentences(text: string, from = 0, to = text.length): [number, number][] {
  const spans: [number, number][] = [];
  let open: [number, number] | undefined;
  for (const { index, segment } of segmenter.segment(layoutBreaksToSpaces(text.slice(from, to)))) {
    const trimmed = segment.trimEnd();
    const span: [number, number] = open
      ? [open[0], from + index + trimmed.length]
      : [from + index, from + index + trimmed.length];
    if (endsOpen(segment)) {
      open = span;
      continue;
    }
    open = undefined;
    if (span[1] > span[0]) spans.push(span);
  }
  if (open && open[1] > open[0]) spans.push(open);
  return joinQuotes(text, spans);
}

/** Sentences a quotation may run over before it must have closed (an unbalanced quote mark is a typo). */
const MAX_QUOTED_SENTENCES = 4;

/**
 * A quotation of several sentences and its attribution ("… we blew it up. And it will happen again,"
 * Rubio said.) are one statement: sentences inside an open quotation join the one that closes it.
 */
function joinQuotes(text: string, spans: [number, number][]): [number, number][] {
  const joined: [number, number][] = [];
  for (let i = 0; i < spans.length; i++) {
    const [start] = spans[i]!;
    let last = i;
    while (last + 1 < spans.length && last - i + 1 < MAX_QUOTED_SENTENCES && quoteOpen(text, start, spans[last]![1]))
      last++;
    if (last > i && quoteOpen(text, start, spans[last]![1])) last = i;
    joined.push([start, spans[last]![1]]);
    i = last;
  }
  return joined;
}

function quoteOpen(text: string, start: number, end: number): boolean {
  let curly = 0;
  let straight = 0;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x201c) curly++;
    else if (ch === 0x201d) curly--;
    else if (ch === 0x22) straight++;
  }
  return curly > 0 || straight % 2 === 1;
}

/** The double quotation marks quoteOpen counts. */
const QUOTE_MARK = /["\u201c\u201d]/;

/**
 * Whether text[from, to) has a double quotation mark. The regex engine reads the block (a loop in
 * script paid for each character, cold, on every page); the slice shares the text's characters.
 */
export function hasQuotes(text: string, from: number, to: number): boolean {
  return QUOTE_MARK.test(text.slice(from, to));
}

/**
 * The sentence of text[from, to) around a position, as `sentences(text, from, to)` gives it for a
 * block without quotation marks (where no sentences join): the segmenter's segment containing the
 * position, joined with its neighbours across abbreviations. Undefined for a position between sentences.
 */
export function sentenceFinder(text: string, from: number, to: number): (at: number) => [number, number] | undefined {
  const block = layoutBreaksToSpaces(text.slice(from, to));
  const segments = segmenter.segment(block);
  return (at) => {
    const found = segments.containing(at - from);
    if (!found) return undefined;
    let first = found;
    while (first.index > 0) {
      const previous = segments.containing(first.index - 1)!;
      if (!endsOpen(previous.segment)) break;
      first = previous;
    }
    let last = found;
    while (endsOpen(last.segment) && last.index + last.segment.length < block.length) {
      last = segments.containing(last.index + last.segment.length)!;
    }
    const span: [number, number] = [from + first.index, from + last.index + last.segment.trimEnd().length];
    return at >= span[0] && at < span[1] ? span : undefined;
  };
}
