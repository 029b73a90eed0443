/**
 * Calm pages: a name is highlighted where a story first mentions it, not at each of its mentions
 * ("U.S." eighteen times in one article). Stories are the ones the matcher reads context in
 * (lib/matcher/story.ts): the text index marks where the DOM says one ends and another begins.
 */
import { STORY_SEPARATOR } from '../matcher/story';

/** Numbers the stories of a page's text: storyAt(offset) is 0 in the first story, 1 in the next… */
export function storyNumbering(text: string): { count: number; storyAt(offset: number): number } {
  const starts = [0];
  for (let at = text.indexOf(STORY_SEPARATOR); at >= 0; at = text.indexOf(STORY_SEPARATOR, at + 2)) {
    starts.push(at + 2);
  }
  return {
    count: starts.length,
    storyAt(offset) {
      // The last story starting at or before the offset.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/**
 * The mentions to paint, in page order: every one where `everyMention` says so, else the first of each
 * item (`itemOf`: the entity or claim mentioned) in each story, or on the whole page for items
 * `pageWide` says are background (a country: the reader needs its card once, not in every story of a
 * roundup). `mentions` must be in page order.
 */
export function firstMentions<T extends { story: number }>(
  mentions: readonly T[],
  itemOf: (mention: T) => number,
  everyMention: (mention: T) => boolean,
  pageWide: (item: number) => boolean = () => false,
): T[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => {
    if (everyMention(mention)) return true;
    const item = itemOf(mention);
    const key = pageWide(item) ? `${item}` : `${item}:${mention.story}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
