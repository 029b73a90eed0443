/**
 * Re-anchoring a W3C Web Annotation text selector: finds the range a TextQuoteSelector (with an
 * optional TextPositionSelector as a hint) describes in a page's text. The quote must occur; among
 * several occurrences the one whose surroundings agree most with the selector's prefix and suffix
 * wins, then the one nearest the position hint, then the first. When the quote is not in the text
 * verbatim, a match that differs only in whitespace (line breaks, block separators) is accepted.
 */
import { type OffsetMap, offsetMap } from './text-offsets';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in Unicode code points, as the Web Annotation model counts. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnchoredRange {
  /** UTF-16 offsets into the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** The same range in code points (a TextPositionSelector's units). */
  codePointStart: number;
  codePointEnd: number;
  /** False when only a whitespace-tolerant match was found. */
  verbatim: boolean;
}

export interface Anchorer {
  /** The range `quote` describes in the text, or undefined when the quote is not there. */
  anchor(quote: TextQuoteSelector, position?: TextPositionSelector): AnchoredRange | undefined;
  /**
   * The range a selector list (a target's `selector`) describes: its TextQuoteSelector with the
   * TextPositionSelector as a hint, or the position alone when there is no quote. Other selector
   * types are ignored.
   */
  anchorSelectors(selectors: unknown): AnchoredRange | undefined;
}

/** Characters of `context` that agree with the text next to an occurrence, going outwards from it. */
function agreeBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

function agreeAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of `exact` (overlapping ones too), as [start, end) UTF-16 pairs. */
function verbatimOccurrences(text: string, exact: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push([at, at + exact.length]);
  return found;
}

/** Occurrences of `exact` where every whitespace run may be any other whitespace run. */
function looseOccurrences(text: string, exact: string): [number, number][] {
  const words = exact.split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
  const found: [number, number][] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push([match.index, match.index + match[0].length]);
    pattern.lastIndex = match.index + 1;
  }
  return found;
}

const isSelector = (value: unknown, type: string): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;

export function createAnchorer(text: string): Anchorer {
  let map: OffsetMap | undefined;
  const offsets = () => (map ??= offsetMap(text));

  const anchor: Anchorer['anchor'] = (quote, position) => {
    if (!quote.exact) return undefined;
    let verbatim = true;
    let candidates = verbatimOccurrences(text, quote.exact);
    if (!candidates.length) {
      verbatim = false;
      candidates = looseOccurrences(text, quote.exact);
    }
    if (!candidates.length) return undefined;
    const hint = position ? offsets().toUtf16(position.start) : undefined;
    let best: [number, number] | undefined;
    let bestContext = -1;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      const context =
        agreeBefore(text, candidate[0], quote.prefix ?? '') + agreeAfter(text, candidate[1], quote.suffix ?? '');
      const distance = hint === undefined ? 0 : Math.abs(candidate[0] - hint);
      if (context > bestContext || (context === bestContext && distance < bestDistance)) {
        best = candidate;
        bestContext = context;
        bestDistance = distance;
      }
    }
    const [start, end] = best!;
    return {
      start,
      end,
      codePointStart: offsets().toCodePoint(start),
      codePointEnd: offsets().toCodePoint(end),
      verbatim,
    };
  };

  return {
    anchor,
    anchorSelectors(selectors) {
      const list: unknown[] = Array.isArray(selectors) ? selectors : [selectors];
      const quote = list.find((s) => isSelector(s, 'TextQuoteSelector') && typeof s.exact === 'string') as
        TextQuoteSelector | undefined;
      const position = list.find(
        (s) => isSelector(s, 'TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end),
      ) as TextPositionSelector | undefined;
      if (quote) return anchor(quote, position);
      if (!position || position.start < 0 || position.end < position.start) return undefined;
      if (position.end > offsets().codePointLength) return undefined;
      const start = offsets().toUtf16(position.start);
      const end = offsets().toUtf16(position.end);
      return { start, end, codePointStart: position.start, codePointEnd: position.end, verbatim: true };
    },
  };
}

/** One-off re-anchoring; use createAnchorer to anchor many selectors in the same text. */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): AnchoredRange | undefined {
  return createAnchorer(text).anchor(quote, position);
}
