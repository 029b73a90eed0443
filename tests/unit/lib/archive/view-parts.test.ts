import { describe, expect, it } from 'vitest';
import { NAMES } from '../../../../lib/archive/archive-index';
import { CLAIM_NAMES, ENTITY_NAMES } from '../../../../lib/archive/split';
import { namesFor } from '../../../../lib/archive/view-parts';

describe('the names a view waits for', () => {
  it('loads only the names the view lists', () => {
    expect(namesFor({ view: 'index', tab: 'entities' })).toEqual([ENTITY_NAMES]);
    expect(namesFor({ view: 'index', tab: 'entities', filter: 'mad' })).toEqual([ENTITY_NAMES]);
    expect(namesFor({ view: 'index', tab: 'claims' })).toEqual([CLAIM_NAMES]);
  });

  it('the timeline needs claim names, and entity names too once filtered by an entity', () => {
    expect(namesFor({ view: 'timeline' })).toEqual([CLAIM_NAMES]);
    expect(namesFor({ view: 'timeline', entity: 'nicolas-maduro' })).toEqual(NAMES);
  });

  it('a background card links both kinds; articles and search wait for nothing', () => {
    expect(namesFor({ view: 'entity', id: 'x' })).toEqual(NAMES);
    expect(namesFor({ view: 'claim', id: 'x' })).toEqual(NAMES);
    expect(namesFor({ view: 'articles' })).toEqual([]);
    expect(namesFor({ view: 'articles', article: 'with-url', passage: 0 })).toEqual([]);
    expect(namesFor({ view: 'search', q: 'maduro' })).toEqual([]);
  });
});
