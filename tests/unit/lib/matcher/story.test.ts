import { describe, expect, it } from 'vitest';
import { type MatchableEntity, compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import { joinedName } from '../../../../lib/matcher/joined-name';
import { STORY_SEPARATOR, nearestIndex, storiesOf } from '../../../../lib/matcher/story';

function entity(id: string, name: string, rest: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, name, type: 'person', aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const matcher = loadMatcher(
  compileMatcherData(
    'test',
    [
      entity('rand-paul', 'Rand Paul', { aliases: ['Paul'], ambiguous: ['Paul'], cues: ['Kentucky', 'senator'] }),
      entity('tom-homan', 'Tom Homan', { aliases: ['Homan'], ambiguous: ['Homan'], cues: ['border czar'] }),
      entity('hegseth', 'Pete Hegseth', { aliases: ['Hegseth'] }),
      entity('quito', 'Quito', { type: 'place' }),
      entity('mexico', 'Mexico', { type: 'place', background: true }),
      entity('republicans', 'Republican Party', {
        type: 'organisation',
        aliases: ['Republican'],
        ambiguous: ['Republican'],
        cues: ['Senate'],
      }),
    ],
    [],
    { terms: ['cartel', 'cocaine'], broadTerms: ['Mexico', 'Mexican'], minDistinct: 2 },
  ),
);

const ids = (text: string) =>
  findEntities(matcher, text).map((f) => [matcher.data.entities[f.entity]!.id, text.slice(f.start, f.end), f.rule]);

const filler = (words: number) => ' Lorem ipsum dolor sit amet.'.repeat(Math.ceil(words / 5));

describe('stories', () => {
  it('end at a story separator and reach a window either side', () => {
    const text = `${'a'.repeat(100)}${STORY_SEPARATOR}${'b'.repeat(5000)}`;
    const stories = storiesOf(text, 1000);
    expect(stories.around(50)).toEqual([0, 102]);
    expect(stories.around(102)).toEqual([102, 1102]);
    expect(stories.around(3000)).toEqual([2000, 4000]);
  });

  it('find the nearest position inside a range by binary search', () => {
    const values = [10, 20, 40, 80];
    expect(nearestIndex(values, 33, 0, 100)).toBe(2);
    expect(nearestIndex(values, 29, 0, 100)).toBe(1);
    expect(nearestIndex(values, 33, 35, 100)).toBe(2);
    expect(nearestIndex(values, 33, 0, 30)).toBe(1);
    expect(nearestIndex(values, 33, 21, 39)).toBe(-1);
  });
});

describe('context is local to the story', () => {
  it('a full name confirms the short name in its own story', () => {
    expect(ids('Rand Paul spoke. Later Paul left.')).toEqual([
      ['rand-paul', 'Rand Paul', 'alias'],
      ['rand-paul', 'Paul', 'name-on-page'],
    ]);
  });

  it('but not in the next story of the page', () => {
    expect(ids(`Rand Paul spoke.${STORY_SEPARATOR}Paul scored twice.`)).toEqual([['rand-paul', 'Rand Paul', 'alias']]);
  });

  it('nor beyond a few hundred words in plain text', () => {
    expect(ids(`Rand Paul spoke.${filler(500)} Paul scored twice.`)).toEqual([['rand-paul', 'Rand Paul', 'alias']]);
  });

  it('a cue in another story does not confirm either', () => {
    expect(ids(`The senator from Kentucky spoke.${STORY_SEPARATOR}Paul scored.`)).toEqual([]);
    expect(ids('The senator from Kentucky spoke. Paul voted.')).toEqual([['rand-paul', 'Paul', 'cue-nearby']]);
  });
});

describe('joined names', () => {
  it.each([
    ['Chris Paul had 18 points and the senator watched.', []],
    ['The Homan Square facility near the border czar office.', []],
    ['Guards met Sen. Paul in Kentucky.', [['rand-paul', 'Paul', 'cue-nearby']]],
    ['When Paul spoke in Kentucky, he was calm.', [['rand-paul', 'Paul', 'cue-nearby']]],
    ["Kentucky's Paul said no.", [['rand-paul', 'Paul', 'cue-nearby']]],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('make the bare short name nearby theirs, unless the entity is named nearer', () => {
    expect(ids('Chris Paul had 18 points for the senator. Paul hit a three.')).toEqual([]);
    const text = `Chris Paul had 18 points.${filler(60)} Rand Paul, the senator, spoke. Paul left.`;
    expect(ids(text).map(([, slice, rule]) => [slice, rule])).toEqual([
      ['Rand Paul', 'alias'],
      ['Paul', 'name-on-page'],
    ]);
  });

  it('apply to names that need no confirmation too', () => {
    expect(ids('Hegseth spoke; Jennifer Hegseth did not. Quito Hegseth Foundation.')).toEqual([
      ['hegseth', 'Hegseth', 'alias'],
    ]);
  });

  it('do not apply in a title-case headline', () => {
    expect(ids('Chris Says Hegseth Will Resign')).toEqual([['hegseth', 'Hegseth', 'alias']]);
  });

  it('read a line as a headline when no word of four letters or more starts in lower case', () => {
    // "Chris Paul" joins in prose; in a headline every word is capitalised and nothing joins.
    expect(joinedName('Chris Paul Wins Anti-drug Vote', 6, 10)).toBeUndefined();
    expect(joinedName('Chris Paul Is In It to Win', 6, 10)).toBeUndefined();
    expect(joinedName('Chris Paul Wins Anti-drug vote', 6, 10)).toEqual({ before: true, after: true });
    expect(joinedName('Chris Paul scored again', 6, 10)).toEqual({ before: true, after: false });
    // Only the name's own line counts.
    expect(joinedName('Chris Paul Wins\nthe game went on', 6, 10)).toBeUndefined();
    expect(joinedName('the game went on\nChris Paul Wins', 23, 27)).toBeUndefined();
  });

  it('do not join an organisation to the place before it', () => {
    expect(ids('The Senate heard a Kentucky Republican.').map(([id]) => id)).toEqual(['republicans']);
  });

  it('tell which side joins', () => {
    expect(joinedName('Ford Motor sold cars.', 0, 4)).toEqual({ before: false, after: true });
    expect(joinedName('The Estadio Jalisco was full.', 12, 19)).toEqual({ before: true, after: false });
    expect(joinedName('In Venezuela. Maduro spoke.', 14, 20)).toBeUndefined();
    expect(joinedName('The U.S. Navy sailed.', 9, 13)).toBeUndefined();
    expect(joinedName("Víctor 'Pocho' Guzmán scored.", 15, 21)).toEqual({ before: true, after: false });
  });

  it('do not join a place that ends a title to the name of the person holding it', () => {
    expect(joinedName('U.S. Ambassador to Mexico Ronald Johnson spoke.', 19, 25)).toBeUndefined();
    expect(joinedName('Governor of Florida Ron DeSantis signed it.', 12, 19)).toBeUndefined();
    expect(joinedName('el embajador en México Ronald Johnson', 16, 22)).toBeUndefined();
    // Without the title the next capitalised word still makes another name.
    expect(joinedName('A trip to Mexico Beach ended.', 10, 16)).toEqual({ before: false, after: true });
  });
});

describe('topic on short and mixed texts', () => {
  it('a story that names a specific entity is on the subject', () => {
    expect(ids('Hegseth flew to Mexico.').map(([id]) => id)).toEqual(['hegseth', 'mexico']);
  });

  it('broad topic words alone do not make a story on the subject', () => {
    expect(ids('Mexican coffee from Mexico is sweet.')).toEqual([]);
    expect(ids('Mexican cartel smuggled cocaine from Mexico.').map(([id]) => id)).toEqual(['mexico']);
    expect(ids('A Mexican cartel operates in Mexico.').map(([id]) => id)).toEqual(['mexico']);
  });

  it('a story about something else stays quiet beside one on the subject', () => {
    const onSubject = 'Hegseth flew to Mexico.';
    const offSubject = 'Travellers love Mexico for its beaches.';
    expect(ids(`${onSubject}${STORY_SEPARATOR}${offSubject}`).map(([, slice]) => slice)).toEqual(['Hegseth', 'Mexico']);
  });
});
