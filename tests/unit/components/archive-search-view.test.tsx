// @vitest-environment happy-dom
/** The archive's search view in each state a search goes through, under the heading focus lands on. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchView, type SearchViewProps } from '../../../components/archive/SearchView';
import { SEARCH_LIMIT } from '../../../lib/archive/search-route';
import type { SearchResult } from '../../../lib/knowledge/search';
import { i18nFor, inLanguage } from '../support/i18n';

const english = i18nFor('en');
const result = (id: string): SearchResult => ({
  kind: 'entity',
  id,
  title: id,
  titleMarks: [],
  snippet: '',
  marks: [],
  score: 0,
});

let root: HTMLElement | undefined;
function mount(props: Partial<SearchViewProps> & Pick<SearchViewProps, 'results'>): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(inLanguage(english, <SearchView q=" maduro " onSelect={() => {}} {...props} />), root);
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

describe('the archive search view', () => {
  it('is a section named by a heading that can take focus, carrying the query as the address has it', () => {
    const view = mount({ results: undefined });
    const section = view.querySelector('section.search-view')!;
    const heading = view.querySelector('#view-heading') as HTMLElement;
    expect(section.getAttribute('aria-labelledby')).toBe('view-heading');
    expect(section.getAttribute('data-search-query')).toBe(' maduro ');
    expect(heading.textContent).toBe(english.t('tabSearch'));
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('shows a hint before a query, then waiting, then a failure', () => {
    expect(mount({ results: undefined }).querySelector('.empty-state')?.textContent).toBe(english.t('searchHint'));
    render(inLanguage(english, <SearchView q="ma" results="pending" onSelect={() => {}} />), root!);
    expect(root!.querySelector('[role=status]')?.textContent).toBe(english.t('searching'));
    render(inLanguage(english, <SearchView q="ma" results="failed" onSelect={() => {}} />), root!);
    expect(root!.querySelector('[role=alert]')?.textContent).toBe(english.t('archivePartFailed'));
  });

  it('counts the results for the trimmed query, or says it shows the best when there are as many as it asks for', () => {
    const few = mount({ results: [result('a'), result('b')] });
    expect(few.querySelector('.view-intro')?.textContent).toBe(english.plural('searchResults', 2, 'maduro'));
    expect(few.querySelectorAll('[data-result]')).toHaveLength(2);
    const many = Array.from({ length: SEARCH_LIMIT }, (_, i) => result(`e${i}`));
    render(inLanguage(english, <SearchView q=" maduro " results={many} onSelect={() => {}} />), root!);
    expect(root!.querySelector('.view-intro')?.textContent).toBe(
      english.t('searchBest', english.number(SEARCH_LIMIT), 'maduro'),
    );
  });

  it('says nothing was found without a count, and opens a result it is given', () => {
    const onSelect = vi.fn();
    const none = mount({ results: [] });
    expect(none.querySelector('.view-intro')).toBeNull();
    expect(none.querySelector('.empty-state')?.textContent).toBe(english.t('noSearchResults', 'maduro'));
    render(inLanguage(english, <SearchView q="maduro" results={[result('a')]} onSelect={onSelect} />), root!);
    root!.querySelector<HTMLButtonElement>('[data-result="entity:a"]')!.click();
    expect(onSelect).toHaveBeenCalledWith(result('a'));
  });
});
