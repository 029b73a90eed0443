import { describe, expect, it } from 'vitest';
import { articlesIntro, titleOf } from '../../../../lib/archive/view-text';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { pack as exportPack } from '../export/fixture';
import { i18nFor } from '../../support/i18n';
import { loadedArchive } from './loaded-archive';

// The export tests' hand-made pack, and one article without a headline.
const pack: KnowledgePack = {
  ...exportPack,
  sources: [
    ...exportPack.sources,
    {
      id: 'untitled',
      headline: null,
      publisher: 'Wire Service',
      authors: [],
      date: '2025-11-02',
      dateIsEstimate: false,
      url: null,
    },
  ],
  passages: [...exportPack.passages, { source: 'untitled', text: 'a third passage' }],
};
const archive = await loadedArchive(pack);
const english = i18nFor('en');

describe('the archive page title', () => {
  const title = (route: Parameters<typeof titleOf>[1]) => titleOf(english, route, archive);

  it('names an open article by its headline, or by its publisher when it has none', () => {
    expect(title({ view: 'articles' })).toBe('Articles');
    expect(title({ view: 'articles', article: 'with-url', passage: 0 })).toBe('Strikes *expand* [again]');
    expect(title({ view: 'articles', article: 'untitled' })).toBe('Untitled article, Wire Service');
    expect(title({ view: 'articles', article: 'no-such-article' })).toBe('Articles');
  });

  it('names an entity or claim, and says when the address names none', () => {
    expect(title({ view: 'entity', id: 'nicolas-maduro' })).toBe('Nicolás Maduro');
    expect(title({ view: 'claim', id: 'bounty-doubled' })).toBe('The bounty on Maduro was doubled to $50 million.');
    expect(title({ view: 'entity', id: 'bounty-doubled' })).toBe('Not found');
    expect(title({ view: 'claim', id: 'nicolas-maduro' })).toBe('Not found');
  });

  it('names the index tabs, the timeline of an entity, and the search', () => {
    expect(title({ view: 'index', tab: 'entities' })).toBe('Entities');
    expect(title({ view: 'index', tab: 'claims' })).toBe('Claims');
    expect(title({ view: 'timeline' })).toBe('Timeline');
    expect(title({ view: 'timeline', entity: 'nicolas-maduro' })).toBe('Timeline: Nicolás Maduro');
    expect(title({ view: 'timeline', entity: 'nobody' })).toBe('Timeline');
    expect(title({ view: 'search', q: '  bounty ' })).toBe('Search: bounty');
    expect(title({ view: 'search', q: '   ' })).toBe('Search');
  });
});

describe('the article list’s intro', () => {
  it('counts the articles from the first date to the last', () => {
    expect(articlesIntro(english, archive)).toBe(
      `3 articles from ${english.date('2025-09-01')} to ${english.date('2025-11-02')}, oldest first. ` +
        'Open one to read its passages; names link to their background.',
    );
  });

  it('is empty for an archive without articles', async () => {
    const empty = await loadedArchive({ ...pack, sources: [], entities: [], claims: [], passages: [] });
    expect(articlesIntro(english, empty)).toBe('');
  });
});
