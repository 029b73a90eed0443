/**
 * Calm pages: a name is highlighted where a story first mentions it, not at each of its mentions
 * ("U.S." eighteen times in one article). Stories are the ones the matcher reads context in
 * (lib/matcher/story.ts, which numbers them): the text index marks where the DOM says one ends and another begins.
 */
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
