import { describe, expect, it } from 'vitest';
import { type TextQuoteSelector, anchorQuote, createAnchorer } from '../../../../lib/export/anchor';
import { offsetMap } from '../../../../lib/export/text-offsets';
import { toWebAnnotations } from '../../../../lib/export/web-annotation';
import { demoFindings } from './demo';
import { emojiPage, pack } from './fixture';

const quote = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});

describe('round trip on the demo page', () => {
  it('re-anchors every exported TextQuoteSelector to the finding it came from', { timeout: 30_000 }, async () => {
    const { findings, pack: realPack } = await demoFindings();
    const items = toWebAnnotations(findings, realPack).first.items;
    const expected = [...findings.entities, ...findings.claims].sort((a, b) => a.start - b.start || a.end - b.end);
    expect(items.length).toBe(expected.length);
    expect(findings.entities.length).toBeGreaterThan(100);
    expect(findings.claims.length).toBeGreaterThan(5);

    const anchorer = createAnchorer(findings.text);
    const map = offsetMap(findings.text);
    const repeated = new Set<string>();
    items.forEach((item, n) => {
      const [q, position] = item.target.selector;
      const { start, end } = expected[n]!;
      // With the position hint, as a consumer would use both selectors.
      expect(anchorer.anchorSelectors(item.target.selector)).toEqual({
        start,
        end,
        codePointStart: position.start,
        codePointEnd: position.end,
        verbatim: true,
      });
      expect(map.toCodePoint(start)).toBe(position.start);
      // From the quote alone: prefix and suffix tell repeated quotes apart.
      expect(anchorer.anchor(q)).toMatchObject({ start, end });
      if (findings.text.indexOf(q.exact) !== findings.text.lastIndexOf(q.exact)) repeated.add(q.exact);
    });
    // The page repeats names ("Trump", "Venezuela", "Maduro"), so disambiguation was really exercised.
    expect(repeated.size).toBeGreaterThan(5);
  });

  it('re-anchors every selector of a page with emoji before and between the findings', () => {
    const page = emojiPage();
    const anchorer = createAnchorer(page.text);
    const expected = [...page.entities, ...page.claims].sort((a, b) => a.start - b.start);
    toWebAnnotations(page, pack).first.items.forEach((item, n) => {
      const range = anchorer.anchorSelectors(item.target.selector)!;
      expect([range.start, range.end]).toEqual([expected[n]!.start, expected[n]!.end]);
      expect([range.codePointStart, range.codePointEnd]).toEqual([
        item.target.selector[1].start,
        item.target.selector[1].end,
      ]);
      expect(anchorer.anchor(item.target.selector[0])).toMatchObject({ start: range.start, end: range.end });
    });
  });
});

describe('anchorQuote', () => {
  const text = 'Maduro said no. Then Maduro said yes. Later Maduro said no.';
  const starts = [0, 21, 44];

  it('uses the prefix and suffix to pick among repeated quotes', () => {
    expect(anchorQuote(text, quote('Maduro said', 'Then ', ' yes'))?.start).toBe(starts[1]);
    expect(anchorQuote(text, quote('Maduro said', 'Later ', ''))?.start).toBe(starts[2]);
    expect(anchorQuote(text, quote('Maduro said', '', ' no. Then'))?.start).toBe(starts[0]);
    // Only the suffix differs from the third occurrence's.
    expect(anchorQuote(text, quote('Maduro said', undefined, ' no.'))?.start).toBe(starts[0]);
  });

  it('takes the occurrence nearest the position hint when the context does not decide', () => {
    const position = (start: number) => ({ type: 'TextPositionSelector' as const, start, end: start + 6 });
    expect(anchorQuote(text, quote('Maduro'), position(40))?.start).toBe(starts[2]);
    expect(anchorQuote(text, quote('Maduro'), position(25))?.start).toBe(starts[1]);
    expect(anchorQuote(text, quote('Maduro'))?.start).toBe(starts[0]);
    // The context outweighs a stale hint.
    expect(anchorQuote(text, quote('Maduro', 'Then '), position(44))?.start).toBe(starts[1]);
  });

  it('reads the hint in code points', () => {
    const emoji = `${'😀'.repeat(10)}Maduro Maduro`;
    // The second "Maduro" is at code point 17, UTF-16 offset 27; read as UTF-16, 17 would be nearer the first (20).
    expect(anchorQuote(emoji, quote('Maduro'), { type: 'TextPositionSelector', start: 17, end: 23 })).toEqual({
      start: 27,
      end: 33,
      codePointStart: 17,
      codePointEnd: 23,
      verbatim: true,
    });
  });

  it('accepts a match that differs only in whitespace, and reports it', () => {
    const page = 'The State\n          Department\u2029designated the cartels.';
    expect(anchorQuote(page, quote('State Department designated'))).toEqual({
      start: 4,
      end: page.indexOf('designated') + 'designated'.length,
      codePointStart: 4,
      codePointEnd: page.indexOf('designated') + 'designated'.length,
      verbatim: false,
    });
  });

  it('finds nothing for a missing or empty quote', () => {
    expect(anchorQuote(text, quote('Petro'))).toBeUndefined();
    expect(anchorQuote(text, quote(''))).toBeUndefined();
    expect(anchorQuote(text, quote('   '))).toBeUndefined();
  });
});

describe('anchorSelectors', () => {
  const text = 'a😀 Maduro';
  const anchorer = createAnchorer(text);

  it('falls back on a TextPositionSelector alone and ignores other selector types', () => {
    expect(
      anchorer.anchorSelectors([
        { type: 'FragmentSelector', value: 'x' },
        { type: 'TextPositionSelector', start: 3, end: 9 },
      ]),
    ).toEqual({ start: 4, end: 10, codePointStart: 3, codePointEnd: 9, verbatim: true });
    expect(anchorer.anchorSelectors({ type: 'TextQuoteSelector', exact: 'Maduro' })).toMatchObject({ start: 4 });
  });

  it('refuses positions outside the text and selectors it cannot read', () => {
    expect(anchorer.anchorSelectors({ type: 'TextPositionSelector', start: 3, end: 99 })).toBeUndefined();
    expect(anchorer.anchorSelectors({ type: 'TextPositionSelector', start: 5, end: 2 })).toBeUndefined();
    expect(anchorer.anchorSelectors([{ type: 'CssSelector', value: 'p' }])).toBeUndefined();
    expect(anchorer.anchorSelectors(null)).toBeUndefined();
  });
});
