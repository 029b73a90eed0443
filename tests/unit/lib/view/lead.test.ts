import { describe, expect, it } from 'vitest';
import { sentences as sentenceSpans } from '../../../../lib/claims/sentences';
import { leadSentences } from '../../../../lib/view/lead';

// Previews cut summaries with the sentence splitter claims use on page text.
const sentences = (text: string) => sentenceSpans(text).map(([start, end]) => text.slice(start, end));

describe('sentences of a summary', () => {
  it('splits at full stops before a capital, not after abbreviations', () => {
    expect(sentences('The U.S. Navy sank a boat. Gen. Smith said so. He left!')).toEqual([
      'The U.S. Navy sank a boat.',
      'Gen. Smith said so.',
      'He left!',
    ]);
  });

  it('keeps closing quotes with their sentence and reads Spanish openers', () => {
    expect(sentences('He said “no.” ¿Qué pasa? 2025 was long.')).toEqual([
      'He said “no.”',
      '¿Qué pasa?',
      '2025 was long.',
    ]);
  });

  it('does not split inside figures or before lower case', () => {
    expect(sentences('It rose 2.5 percent. the rest')).toEqual(['It rose 2.5 percent. the rest']);
  });
});

describe('leadSentences', () => {
  const text = 'First sentence here. Second one is here. Third is never shown.';

  it('takes up to two sentences within the budget', () => {
    expect(leadSentences(text, 200)).toBe('First sentence here. Second one is here.');
  });

  it('stops before a sentence that would pass the budget', () => {
    expect(leadSentences(text, 30)).toBe('First sentence here.');
  });

  it('always gives the first sentence, however long', () => {
    expect(leadSentences(text, 5)).toBe('First sentence here.');
    expect(leadSentences('', 5)).toBe('');
  });
});
