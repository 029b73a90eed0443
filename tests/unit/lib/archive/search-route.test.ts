import { describe, expect, it } from 'vitest';
import {
  draftOf,
  resultRoute,
  resultsFor,
  searchNavigation,
  searchQueryOf,
} from '../../../../lib/archive/search-route';
import type { SearchResult } from '../../../../lib/knowledge/search';

const result = (kind: SearchResult['kind'], id: string): SearchResult => ({
  kind,
  id,
  title: id,
  titleMarks: [],
  snippet: '',
  marks: [],
  score: 0,
});

describe('the archive search as routes', () => {
  it('the search box shows the query of the search view only', () => {
    expect(draftOf({ view: 'search', q: 'narco state' })).toBe('narco state');
    expect(draftOf({ view: 'entity', id: 'nicolas-maduro' })).toBe('');
  });

  it('runs queries of two letters or more, as typed', () => {
    expect(searchQueryOf({ view: 'search', q: ' ma ' })).toBe(' ma ');
    expect(searchQueryOf({ view: 'search', q: ' m ' })).toBeUndefined();
    expect(searchQueryOf({ view: 'search', q: '' })).toBeUndefined();
    expect(searchQueryOf({ view: 'index', tab: 'entities', filter: 'maduro' })).toBeUndefined();
  });

  it('typing on the search view rewrites its address; elsewhere a query opens it', () => {
    expect(searchNavigation({ view: 'search', q: 'mad' }, 'madu')).toEqual({
      route: { view: 'search', q: 'madu' },
      replace: true,
    });
    // Clearing the box on the search view stays there, with an empty query.
    expect(searchNavigation({ view: 'search', q: 'mad' }, '')).toEqual({
      route: { view: 'search', q: '' },
      replace: true,
    });
    expect(searchNavigation({ view: 'timeline' }, 'maduro')).toEqual({
      route: { view: 'search', q: 'maduro' },
      replace: false,
    });
    expect(searchNavigation({ view: 'timeline' }, '  ')).toBeUndefined();
  });

  it('opens an entity or claim result on its card, and a passage in its article', () => {
    const sourceOf = (index: number) => (index === 7 ? 'with-url' : undefined);
    expect(resultRoute(result('entity', 'nicolas-maduro'), sourceOf)).toEqual({ view: 'entity', id: 'nicolas-maduro' });
    expect(resultRoute(result('claim', 'bounty-doubled'), sourceOf)).toEqual({ view: 'claim', id: 'bounty-doubled' });
    expect(resultRoute(result('passage', '7'), sourceOf)).toEqual({
      view: 'articles',
      article: 'with-url',
      passage: 7,
    });
    expect(resultRoute(result('passage', '8'), sourceOf)).toBeUndefined();
  });

  it('shows results only for the query they answer; pending until then', () => {
    const found = [result('entity', 'nicolas-maduro')];
    expect(resultsFor(undefined, { q: 'ma', results: found })).toBeUndefined();
    expect(resultsFor('ma', undefined)).toBe('pending');
    expect(resultsFor('mad', { q: 'ma', results: found })).toBe('pending');
    expect(resultsFor('ma', { q: 'ma', results: found })).toBe(found);
    expect(resultsFor('ma', { q: 'ma', results: 'failed' })).toBe('failed');
  });
});
