import { describe, expect, it } from 'vitest';
import { markdownLineToText } from '../../../../lib/knowledge/markdown';

describe('markdownLineToText', () => {
  it.each([
    ['# Bridge reopens', 'Bridge reopens'],
    ['### A subhead', 'A subhead'],
    ['> A quoted line', 'A quoted line'],
    ['- a list item', 'a list item'],
    ['2. a numbered item', 'a numbered item'],
    ['The **council** voted _twice_.', 'The council voted twice.'],
    ['Read [the report](https://example.org/r) here.', 'Read the report here.'],
    ['An ![image](x.png) inline', 'An image inline'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['5 * 3 = 15 and 2 * 2', '5 * 3 = 15 and 2 * 2'],
    ['Use `code` words', 'Use code words'],
  ])('%s', (line, text) => {
    expect(markdownLineToText(line)).toBe(text);
  });
});
