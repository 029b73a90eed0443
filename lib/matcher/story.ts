/**
 * Stories: the stretch of text in which a full name or a cue may confirm a short or ambiguous name,
 * and which decides whether broad entities are worth highlighting. A page mixes stories (a homepage,
 * a roundup, a live blog), and "Rand Paul" in one of them says nothing about "Paul" in another.
 *
 * Page text marks the boundaries it knows from the DOM (an article, a section, a list item, a
 * heading) with STORY_SEPARATOR; within a story, and in plain text that has no such marks, context
 * reaches a window of a few hundred words either side.
 */
import { BLOCK_SEPARATOR } from '../text/fold';

/** Two block separators in a row: the text index writes it where one story ends and another begins. */
export const STORY_SEPARATOR = BLOCK_SEPARATOR + BLOCK_SEPARATOR;

/** Characters either side of a mention that its context reaches (about 300 words). */
export const STORY_WINDOW = 2000;

export interface Stories {
  /** The [start, end) offsets of the context around `offset`: its story, cut to the window. */
  around(offset: number): [number, number];
}

/** Where each story of `text` starts (one indexOf pass): 0, then just after each separator. */
function storyStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf(STORY_SEPARATOR); at >= 0; at = text.indexOf(STORY_SEPARATOR, at + 2)) {
    starts.push(at + 2);
  }
  return starts;
}

/** Story boundaries of `text`, found once; lookups are binary searches. */
export function storiesOf(text: string, window = STORY_WINDOW): Stories {
  const starts = storyStarts(text);
  return {
    around(offset) {
      const story = lowerBound(starts, offset + 1) - 1;
      const storyEnd = story + 1 < starts.length ? starts[story + 1]! : text.length;
      return [Math.max(starts[story]!, offset - window), Math.min(storyEnd, offset + window)];
    },
  };
}

/** Numbers the stories of a page's text: storyAt(offset) is 0 in the first story, 1 in the next… */
export function storyNumbering(text: string): { count: number; storyAt(offset: number): number } {
  const starts = storyStarts(text);
  return { count: starts.length, storyAt: (offset) => lowerBound(starts, offset + 1) - 1 };
}

/** Index of the first value in sorted `values` that is ≥ `at`. */
export function lowerBound(values: readonly number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The value of sorted `values` inside [lo, hi) nearest to `at`, or -1: a binary search and two
 * neighbours, whatever the length of the list.
 */
export function nearestIndex(values: readonly number[], at: number, lo: number, hi: number): number {
  const i = lowerBound(values, at);
  let best = -1;
  if (i < values.length && values[i]! < hi) best = i;
  if (i > 0 && values[i - 1]! >= lo && (best < 0 || at - values[i - 1]! <= values[best]! - at)) best = i - 1;
  return best;
}
