import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArticleList } from '../../components/archive/ArticleList';
import { ClaimIndex } from '../../components/archive/ClaimIndex';
import { Detail } from '../../components/archive/Detail';
import { EntityIndex } from '../../components/archive/EntityIndex';
import { Loading } from '../../components/archive/Loading';
import { Timeline } from '../../components/archive/Timeline';
import { useParts } from '../../components/archive/useParts';
import { useI18n } from '../../components/i18n';
import { SearchResults } from '../../components/SearchResults';
import { type ArchiveIndex, NAMES } from '../../lib/archive/archive-index';
import { type Route, formatRoute, parseRoute, tabOf } from '../../lib/archive/route';
import { CLAIM_NAMES, ENTITY_NAMES, partNames } from '../../lib/archive/split';
import { MAX_TIMELINE } from '../../lib/view/card-data';
import type { I18n } from '../../lib/view/i18n';
import type { SearchResult } from '../../lib/knowledge/search';
import type { SearchClient } from './search-client';

/** Typing pauses this long before the search runs (and the address changes). */
const SEARCH_DEBOUNCE_MS = 150;
const SEARCH_LIMIT = 50;
/** Archives this small (today's: 0.4 MB) load whole after the first render: their views never wait. */
const LOAD_WHOLE_BELOW = 2_000_000;
/** The search worker starts once the reader has stayed on a view this long (or when they search). */
const SEARCH_WARM_DELAY_MS = 1000;

export interface ArchiveAppProps {
  archive: ArchiveIndex;
  /** Starts the search worker (called once). */
  startSearch: () => SearchClient;
}

export function ArchiveApp({ archive, startSearch }: ArchiveAppProps) {
  const i18n = useI18n();
  const core = archive.core;
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [draft, setDraft] = useState(() => (route.view === 'search' ? route.q : ''));
  const routeRef = useRef(route);
  routeRef.current = route;
  const searchInput = useRef<HTMLInputElement>(null);
  const moveFocus = useRef(false);
  const debounce = useRef<ReturnType<typeof setTimeout>>();
  const reducedMotion = useMemo(() => matchMedia('(prefers-reduced-motion: reduce)').matches, []);

  // Search runs in a worker that fetches the whole pack and builds its index. It starts when the reader
  // pauses on a view, so it does not compete with the parts a view needs, or at once for a search;
  // typing rarely waits for it and the page never does.
  const search = useRef<SearchClient>();
  const getSearch = () => (search.current ??= startSearch());
  const [searched, setSearched] = useState<{ q: string; results: SearchResult[] | 'failed' }>();

  // Views that show names wait for the archive's names; a card also for its record and passages.
  const names = useParts(archive, namesFor(route));
  const card = useParts(
    archive,
    names === 'ready' && (route.view === 'entity' || route.view === 'claim')
      ? archive.cardParts(route.view, route.id, MAX_TIMELINE)
      : [],
  );
  const viewState = names !== 'ready' ? names : card;

  useEffect(() => {
    performance.mark('backstory:archive:first-render');
    if (core.partsLength < LOAD_WHOLE_BELOW) archive.load(partNames(core)).catch(console.error);
    const onHashChange = () => {
      const next = parseRoute(location.hash);
      const typing = document.activeElement === searchInput.current;
      moveFocus.current = !typing;
      if (!typing) setDraft(next.view === 'search' ? next.q : '');
      setRoute(next);
    };
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    const timer = setTimeout(getSearch, SEARCH_WARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [route]);

  const focusHeading = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (route.view === 'articles' && route.article) return; // the list scrolls to the article itself
    // A new view starts at its top at once (smooth scrolling is for jumps within a view).
    scrollTo({ top: 0, behavior: 'instant' });
    focusHeading.current = true;
  }, [route]);
  // The heading to focus may come only once the view's parts have loaded.
  useEffect(() => {
    document.title = i18n.t('archivePageTitle', names === 'ready' ? titleOf(i18n, route, archive) : i18n.t('loading'));
    if (!focusHeading.current || viewState === 'loading') return;
    focusHeading.current = false;
    (document.getElementById('detail-heading') ?? document.getElementById('view-heading'))?.focus({
      preventScroll: true,
    });
  });

  const navigate = (next: Route, replace = false) => {
    const hash = formatRoute(next);
    if (replace) {
      history.replaceState(history.state, '', hash);
      setRoute(next);
    } else if (location.hash !== hash) {
      location.hash = hash; // hashchange sets the route
    }
  };

  const commitSearch = (q: string) => {
    clearTimeout(debounce.current);
    if (routeRef.current.view === 'search') navigate({ view: 'search', q }, true);
    else if (q.trim()) navigate({ view: 'search', q });
  };

  const query = route.view === 'search' && route.q.trim().length >= 2 ? route.q : undefined;
  useEffect(() => {
    if (query === undefined) return;
    let live = true;
    const start = performance.now();
    getSearch()
      .search(query, SEARCH_LIMIT)
      .then(
        (results) => {
          // The measure spans the round trip to the worker, as a reader waits for it.
          performance.measure('backstory:archive:search', { start, detail: { query, results: results.length } });
          if (live) setSearched({ q: query, results });
        },
        (error: unknown) => {
          console.error(error);
          if (live) setSearched({ q: query, results: 'failed' });
        },
      );
    return () => {
      live = false;
    };
  }, [query]);
  const results = query === undefined ? undefined : searched?.q === query ? searched.results : 'pending';

  const openResult = (result: SearchResult) => {
    if (result.kind === 'passage') {
      const passage = Number(result.id);
      const source = archive.sourceOfPassage(passage);
      if (source) navigate({ view: 'articles', article: source, passage });
    } else {
      navigate({ view: result.kind, id: result.id });
    }
  };

  const tab = tabOf(route);
  const copy = (text: string) => navigator.clipboard.writeText(text);

  return (
    <div class="archive">
      <button type="button" class="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {i18n.t('skipToContent')}
      </button>
      <header class="masthead">
        <div class="masthead-inner">
          <div class="brand">
            <h1>{i18n.t('archiveTitle')}</h1>
            <p class="subtitle">
              {i18n.plural('articleCount', core.sources.length)} · {i18n.plural('entityCount', core.entityCount)} ·{' '}
              {i18n.plural('claimCount', core.claimCount)} · {i18n.plural('passageCount', core.passageCount)}
            </p>
          </div>
          <nav class="tabs" aria-label={i18n.t('archiveNav')}>
            <ul>
              {(
                [
                  ['articles', i18n.t('tabArticles'), '#/articles'],
                  ['index', i18n.t('tabIndex'), '#/index'],
                  ['timeline', i18n.t('tabTimeline'), '#/timeline'],
                ] as const
              ).map(([id, label, href]) => (
                <li key={id}>
                  <a href={href} aria-current={tab === id ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form
            role="search"
            class="search-form"
            onSubmit={(event) => {
              event.preventDefault();
              commitSearch(draft);
            }}
          >
            <input
              ref={searchInput}
              id="archive-search"
              class="search"
              type="search"
              aria-label={i18n.t('searchArchive')}
              placeholder={i18n.t('archiveSearchPlaceholder')}
              value={draft}
              onFocus={getSearch}
              onInput={(event) => {
                const q = event.currentTarget.value;
                setDraft(q);
                clearTimeout(debounce.current);
                debounce.current = setTimeout(() => commitSearch(q), SEARCH_DEBOUNCE_MS);
              }}
            />
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.view === 'articles' ? (
          <section aria-labelledby="view-heading">
            <h2 id="view-heading" tabIndex={-1}>
              {i18n.t('tabArticles')}
            </h2>
            <p class="view-intro">{articlesIntro(i18n, archive)}</p>
            <ArticleList
              archive={archive}
              open={route.article}
              passage={route.passage}
              copy={copy}
              onOpen={(article) => navigate(article ? { view: 'articles', article } : { view: 'articles' }, true)}
              scrollBehavior={reducedMotion ? 'auto' : 'smooth'}
            />
          </section>
        ) : route.view === 'index' ? (
          <section aria-labelledby="view-heading">
            <h2 id="view-heading" tabIndex={-1}>
              {i18n.t('tabIndex')}
            </h2>
            <nav class="subtabs" aria-label={i18n.t('tabIndex')}>
              <a href="#/index" aria-current={route.tab === 'entities' ? 'page' : undefined}>
                {i18n.t('entitiesByType')}
              </a>
              <a href="#/index/claims" aria-current={route.tab === 'claims' ? 'page' : undefined}>
                {i18n.t('claimsByStatus')}
              </a>
            </nav>
            {viewState !== 'ready' ? (
              <Loading state={viewState} />
            ) : route.tab === 'entities' ? (
              <EntityIndex
                archive={archive}
                filter={route.filter ?? ''}
                onFilter={(filter) => navigate({ view: 'index', tab: 'entities', ...(filter ? { filter } : {}) }, true)}
              />
            ) : (
              <ClaimIndex archive={archive} />
            )}
          </section>
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
          <section aria-labelledby="view-heading">
            <h2 id="view-heading" tabIndex={-1}>
              {i18n.t('tabTimeline')}
            </h2>
            {viewState !== 'ready' ? (
              <Loading state={viewState} />
            ) : (
              <Timeline
                archive={archive}
                entity={route.entity}
                onEntity={(entity) => navigate(entity ? { view: 'timeline', entity } : { view: 'timeline' })}
              />
            )}
          </section>
        ) : (
          <section class="search-view" aria-labelledby="view-heading" data-search-query={route.q}>
            <h2 id="view-heading" tabIndex={-1}>
              {i18n.t('tabSearch')}
            </h2>
            {results === 'pending' || results === 'failed' ? (
              <Loading state={results === 'pending' ? 'loading' : 'failed'} what="searching" />
            ) : results ? (
              <>
                {results.length > 0 && (
                  <p class="view-intro" role="status">
                    {results.length >= SEARCH_LIMIT
                      ? i18n.t('searchBest', i18n.number(SEARCH_LIMIT), route.q.trim())
                      : i18n.plural('searchResults', results.length, route.q.trim())}
                  </p>
                )}
                <SearchResults query={route.q.trim()} results={results} onSelect={openResult} />
              </>
            ) : (
              <p class="empty-state">{i18n.t('searchHint')}</p>
            )}
          </section>
        )}
      </main>
      <footer class="page-footer">{i18n.t('archiveFooter', core.name, core.version)}</footer>
    </div>
  );
}

function articlesIntro(i18n: I18n, archive: ArchiveIndex): string {
  const articles = archive.articles();
  if (!articles.length) return '';
  const first = articles[0]!.date;
  const last = articles[articles.length - 1]!.date;
  return i18n.plural('articlesIntro', articles.length, i18n.date(first), i18n.date(last));
}

/** The names a view shows (an open article and the timeline's entity picker load theirs themselves). */
function namesFor(route: Route): readonly string[] {
  switch (route.view) {
    case 'index':
      return route.tab === 'claims' ? [CLAIM_NAMES] : [ENTITY_NAMES];
    case 'timeline':
      return route.entity ? NAMES : [CLAIM_NAMES];
    case 'entity':
    case 'claim':
      return NAMES;
    default:
      return [];
  }
}

/** Needs the route's names (`namesFor`) loaded. */
function titleOf(i18n: I18n, route: Route, archive: ArchiveIndex): string {
  switch (route.view) {
    case 'articles': {
      const source = route.article ? archive.source(route.article) : undefined;
      return source ? (source.headline ?? i18n.t('untitledArticleBy', source.publisher)) : i18n.t('tabArticles');
    }
    case 'index':
      return i18n.t(route.tab === 'claims' ? 'groupClaims' : 'titleEntities');
    case 'entity':
      return archive.entity(route.id)?.name ?? i18n.t('notFound');
    case 'claim':
      return archive.claim(route.id)?.statement ?? i18n.t('notFound');
    case 'timeline': {
      const entity = route.entity ? archive.entity(route.entity) : undefined;
      return entity ? i18n.t('timelineOf', entity.name) : i18n.t('tabTimeline');
    }
    case 'search':
      return route.q.trim() ? i18n.t('searchFor', route.q.trim()) : i18n.t('tabSearch');
  }
}
