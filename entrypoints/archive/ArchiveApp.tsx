import { useEffect, useMemo } from 'preact/hooks';
import { ArchiveMasthead } from '../../components/archive/ArchiveMasthead';
import { ArticlesView } from '../../components/archive/ArticlesView';
import { Detail } from '../../components/archive/Detail';
import { IndexView } from '../../components/archive/IndexView';
import { Loading } from '../../components/archive/Loading';
import { SearchView } from '../../components/archive/SearchView';
import { TimelineView } from '../../components/archive/TimelineView';
import { useParts } from '../../components/archive/useParts';
import { useI18n } from '../../components/i18n';
import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { type Route, tabOf } from '../../lib/archive/route';
import { resultRoute } from '../../lib/archive/search-route';
import { partNames } from '../../lib/archive/split';
import { namesFor } from '../../lib/archive/view-parts';
import { titleOf } from '../../lib/archive/view-text';
import { MAX_TIMELINE } from '../../lib/view/card-data';
import type { SearchResult } from '../../lib/knowledge/search';
import type { SearchClient } from './search-client';
import { useArchiveRoute } from './use-archive-route';
import { useArchiveSearch } from './use-archive-search';
import { useFocusTarget } from './use-focus-target';

/** Archives this small (today's: 0.4 MB) load whole after the first render: their views never wait. */
const LOAD_WHOLE_BELOW = 2_000_000;

export interface ArchiveAppProps {
  archive: ArchiveIndex;
  /** Starts the search worker (called once). */
  startSearch: () => SearchClient;
}

export function ArchiveApp({ archive, startSearch }: ArchiveAppProps) {
  const i18n = useI18n();
  const core = archive.core;
  const router = useArchiveRoute((next: Route) => arriveByAddress(next));
  const { route, navigate } = router;
  const search = useArchiveSearch(router, startSearch);
  const reducedMotion = useMemo(() => matchMedia('(prefers-reduced-motion: reduce)').matches, []);

  // Views that show names wait for the archive's names; a card also for its record and passages.
  const names = useParts(archive, namesFor(route));
  const card = useParts(
    archive,
    names === 'ready' && (route.view === 'entity' || route.view === 'claim')
      ? archive.cardParts(route.view, route.id, MAX_TIMELINE)
      : [],
  );
  const viewState = names !== 'ready' ? names : card;
  const focus = useFocusTarget(route, viewState);
  // A link or Back moves focus to the new view, unless the reader is typing a search.
  const arriveByAddress = (next: Route) => {
    const typing = search.isTyping();
    focus.expect(!typing);
    if (!typing) search.show(next);
  };

  useEffect(() => {
    performance.mark('backstory:archive:first-render');
    if (core.partsLength < LOAD_WHOLE_BELOW) archive.load(partNames(core)).catch(console.error);
    // The archive is the page's one archive: this runs once.
  }, [archive, core]);
  useEffect(() => {
    document.title = i18n.t('archivePageTitle', names === 'ready' ? titleOf(i18n, route, archive) : i18n.t('loading'));
  });

  const openResult = (result: SearchResult) => {
    const next = resultRoute(result, (passage) => archive.sourceOfPassage(passage));
    if (next) navigate(next);
  };
  const copy = (text: string) => navigator.clipboard.writeText(text);

  return (
    <div class="archive">
      <button type="button" class="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {i18n.t('skipToContent')}
      </button>
      <ArchiveMasthead
        core={core}
        tab={tabOf(route)}
        searchInput={search.input}
        draft={search.draft}
        onSearchFocus={search.warm}
        onType={search.type}
        onSubmit={search.submit}
      />
      <main id="main" tabIndex={-1}>
        {route.view === 'articles' ? (
          <ArticlesView
            archive={archive}
            open={route.article}
            passage={route.passage}
            copy={copy}
            onOpen={(article) => navigate(article ? { view: 'articles', article } : { view: 'articles' }, true)}
            scrollBehavior={reducedMotion ? 'auto' : 'smooth'}
          />
        ) : route.view === 'index' ? (
          <IndexView
            archive={archive}
            tab={route.tab}
            filter={route.filter ?? ''}
            state={viewState}
            onFilter={(filter) => navigate({ view: 'index', tab: 'entities', ...(filter ? { filter } : {}) }, true)}
          />
        ) : route.view === 'entity' || route.view === 'claim' ? (
          viewState !== 'ready' ? (
            <Loading state={viewState} />
          ) : (
            <Detail
              key={`${route.view}:${route.id}`}
              archive={archive}
              kind={route.view}
              id={route.id}
              onSelect={(kind, id) => navigate({ view: kind, id })}
              copy={copy}
            />
          )
        ) : route.view === 'timeline' ? (
          <TimelineView
            archive={archive}
            entity={route.entity}
            state={viewState}
            onEntity={(entity) => navigate(entity ? { view: 'timeline', entity } : { view: 'timeline' })}
          />
        ) : (
          <SearchView q={route.q} results={search.results} onSelect={openResult} />
        )}
      </main>
      <footer class="page-footer">{i18n.t('archiveFooter', core.name, core.version)}</footer>
    </div>
  );
}
