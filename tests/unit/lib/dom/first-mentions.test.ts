import { describe, expect, it } from 'vitest';
import { firstMentions } from '../../../../lib/dom/first-mentions';
import { storyNumbering } from '../../../../lib/matcher/story';
import { STORY_SEPARATOR } from '../../../../lib/matcher/story';

describe('storyNumbering', () => {
  it('numbers the stories a text index marks, and counts them', () => {
    const text = `Maduro spoke.${STORY_SEPARATOR}Petro replied.${STORY_SEPARATOR}Maduro left.`;
    const stories = storyNumbering(text);
    expect(stories.count).toBe(3);
    expect(stories.storyAt(0)).toBe(0);
    expect(stories.storyAt(text.indexOf('Petro'))).toBe(1);
    expect(stories.storyAt(text.lastIndexOf('Maduro'))).toBe(2);
  });

  it('reads text without marks as one story', () => {
    const stories = storyNumbering('Maduro spoke. Maduro left.');
    expect(stories.count).toBe(1);
    expect(stories.storyAt(20)).toBe(0);
  });
});

describe('firstMentions', () => {
  const mention = (item: number, story: number, label: string) => ({ item, story, label });
  const mentions = [
    mention(1, 0, 'a'),
    mention(2, 0, 'b'),
    mention(1, 0, 'c'),
    mention(1, 1, 'd'),
    mention(2, 1, 'e'),
    mention(2, 1, 'f'),
  ];
  const labels = (list: { label: string }[]) => list.map((m) => m.label);

  it('keeps the first mention of each item in each story, in page order', () => {
    expect(
      labels(
        firstMentions(
          mentions,
          (m) => m.item,
          () => false,
        ),
      ),
    ).toEqual(['a', 'b', 'd', 'e']);
  });

  it('keeps every mention of what everyMention picks', () => {
    expect(
      labels(
        firstMentions(
          mentions,
          (m) => m.item,
          (m) => m.item === 2,
        ),
      ),
    ).toEqual(['a', 'b', 'd', 'e', 'f']);
  });

  it('keeps only the first mention on the page of background items, whatever the story', () => {
    expect(
      labels(
        firstMentions(
          mentions,
          (m) => m.item,
          () => false,
          (item) => item === 1,
        ),
      ),
    ).toEqual(['a', 'b', 'e']);
  });
});
