import { describe, expect, it } from 'vitest';
import { hasQuotes, sentenceFinder, sentences } from '../../../../lib/claims/sentences';

/** Paragraphs without quotation marks, written for these tests: abbreviations, figures, odd breaks. */
const PARAGRAPHS = [
  'The U.S. Navy struck a boat on Tuesday. Eleven people were killed, Sen. Paul said. The Pentagon declined to comment.',
  'Gen. Dan Caine briefed reporters at 9 a.m. on Sept. 3. He said the strike was lawful! Was it? Lawmakers asked.',
  'Strikes began in early September.\nThe toll rose to 83 by Nov. 15…  Officials gave no names.',
  'No. 10 Downing Street said nothing. Mr. and Mrs. Smith (of St. Louis) left at 5 p.m. Dr. Ruiz stayed.',
  'A figure of 1.5 million dollars was cited. The ship, U.S.S. Gerald R. Ford, sailed on Oct. 2.',
  '¿Quién ordenó el ataque? El gobierno de EE.UU. no respondió. La Armada dijo que hubo 11 muertos.',
  'One sentence with no end',
  '   Leading spaces. Trailing spaces too.   ',
  'Ends with an abbreviation, as in Jan.',
];

describe('sentenceFinder', () => {
  it('gives, at every position of a block without quotation marks, the sentence sentences() gives there', () => {
    const prefix = 'Heading\u2029';
    for (const paragraph of PARAGRAPHS) {
      const text = `${prefix}${paragraph}\u2029Next block.`;
      const from = prefix.length;
      const to = from + paragraph.length;
      const whole = sentences(text, from, to);
      expect(whole.length).toBeGreaterThan(0);
      const sentenceAt = sentenceFinder(text, from, to);
      for (let at = from; at < to; at++) {
        const expected = whole.find(([start, end]) => at >= start && at < end);
        expect(sentenceAt(at), `${JSON.stringify(paragraph)} at ${at - from}`).toEqual(expected);
      }
    }
  });

  it('joins sentences across abbreviations as sentences() does', () => {
    const text = 'The U.S. Navy struck. Sen. Paul objected.';
    const sentenceAt = sentenceFinder(text, 0, text.length);
    expect(sentenceAt(text.indexOf('Navy'))).toEqual([0, 21]);
    expect(sentenceAt(text.indexOf('Paul'))).toEqual([22, text.length]);
  });

  it('gives nothing between sentences', () => {
    const text = 'One.   Two.';
    expect(sentenceFinder(text, 0, text.length)(5)).toBeUndefined();
  });
});

describe('hasQuotes', () => {
  it('finds straight and curly double quotes in the range only', () => {
    expect(hasQuotes('He said “no.”', 0, 13)).toBe(true);
    expect(hasQuotes('He said "no."', 0, 13)).toBe(true);
    expect(hasQuotes('He said ‘no’ and it’s over.', 0, 27)).toBe(false);
    expect(hasQuotes('"A" then b', 3, 10)).toBe(false);
  });
});
