import { describe, expect, it } from 'vitest';
import { type Route, formatRoute, parseRoute, tabOf } from '../../../../lib/archive/route';

describe('archive hash routes', () => {
  const cases: [string, Route][] = [
    ['#/articles', { view: 'articles' }],
    ['#/article/politico-petro-next', { view: 'articles', article: 'politico-petro-next' }],
    ['#/article/politico-petro-next?passage=12', { view: 'articles', article: 'politico-petro-next', passage: 12 }],
    ['#/index', { view: 'index', tab: 'entities' }],
    ['#/index?filter=mad%20uro', { view: 'index', tab: 'entities', filter: 'mad uro' }],
    ['#/index/claims', { view: 'index', tab: 'claims' }],
    ['#/entity/nicolas-maduro', { view: 'entity', id: 'nicolas-maduro' }],
    ['#/claim/us-doubles-maduro-reward', { view: 'claim', id: 'us-doubles-maduro-reward' }],
    ['#/timeline', { view: 'timeline' }],
    ['#/timeline?entity=gustavo-petro', { view: 'timeline', entity: 'gustavo-petro' }],
    ['#/search?q=narco%20state', { view: 'search', q: 'narco state' }],
    ['#/search?q=', { view: 'search', q: '' }],
  ];

  it.each(cases)('parses %s and formats it back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash === '#/search?q=' ? '#/search?q=' : hash);
  });

  it('round-trips ids and queries with reserved characters', () => {
    for (const route of [
      { view: 'entity', id: 'a/b?c#d e' },
      { view: 'search', q: 'Trump & “Maduro”? 100%' },
      { view: 'timeline', entity: 'x&y=z' },
      { view: 'articles', article: 'wsj/colombia', passage: 0 },
    ] as Route[]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it('takes "+" in a typed query as a space, and tolerates broken escapes', () => {
    expect(parseRoute('#/search?q=narco+state')).toEqual({ view: 'search', q: 'narco state' });
    expect(parseRoute('#/entity/100%')).toEqual({ view: 'entity', id: '100%' });
  });

  it('opens the article list for an empty, unknown or incomplete hash', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', 'articles', '#/article/']) {
      expect(parseRoute(hash)).toEqual({ view: 'articles' });
    }
    expect(parseRoute('#/entity/')).toEqual({ view: 'index', tab: 'entities' });
    expect(parseRoute('#/claim')).toEqual({ view: 'index', tab: 'claims' });
    expect(parseRoute('#/article/x?passage=-1')).toEqual({ view: 'articles', article: 'x' });
    expect(parseRoute('#/article/x?passage=abc')).toEqual({ view: 'articles', article: 'x' });
  });

  it('accepts the hash without its leading slash', () => {
    expect(parseRoute('#entity/petro')).toEqual({ view: 'entity', id: 'petro' });
  });

  it('puts entity and claim pages under the index tab', () => {
    expect(tabOf({ view: 'entity', id: 'x' })).toBe('index');
    expect(tabOf({ view: 'claim', id: 'x' })).toBe('index');
    expect(tabOf({ view: 'timeline', entity: 'x' })).toBe('timeline');
    expect(tabOf({ view: 'search', q: '' })).toBe('search');
    expect(tabOf({ view: 'articles', article: 'x' })).toBe('articles');
  });
});
