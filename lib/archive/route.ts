/**
 * The archive browser's hash routes, so every view is linkable and the back button walks through them:
 *
 *   #/articles                       all articles          #/article/<source id>[?passage=<n>]  one, opened
 *   #/index[?filter=<text>]          entities by type      #/index/claims                       claims by status
 *   #/entity/<id>  #/claim/<id>      one background        #/timeline[?entity=<id>]             by month
 *   #/search?q=<query>               full-text search
 *
 * Anything else (an empty hash, an old link) opens the article list.
 */

export type Route =
  | { view: 'articles'; article?: string; passage?: number }
  | { view: 'index'; tab: 'entities' | 'claims'; filter?: string }
  | { view: 'entity'; id: string }
  | { view: 'claim'; id: string }
  | { view: 'timeline'; entity?: string }
  | { view: 'search'; q: string };

/** The top-level tab a route belongs to. */
export type Tab = 'articles' | 'index' | 'timeline' | 'search';

export function tabOf(route: Route): Tab {
  switch (route.view) {
    case 'articles':
      return 'articles';
    case 'index':
    case 'entity':
    case 'claim':
      return 'index';
    case 'timeline':
      return 'timeline';
    case 'search':
      return 'search';
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '').replace(/^\/+/, '');
  const queryAt = raw.indexOf('?');
  const path = (queryAt < 0 ? raw : raw.slice(0, queryAt)).split('/').filter(Boolean).map(decode);
  const params = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  const param = (name: string) => params.get(name) || undefined;
  const [head, id] = path;
  switch (head) {
    case 'article': {
      if (!id) return { view: 'articles' };
      const passage = Number(params.get('passage') ?? NaN);
      return Number.isInteger(passage) && passage >= 0
        ? { view: 'articles', article: id, passage }
        : { view: 'articles', article: id };
    }
    case 'index': {
      const filter = param('filter');
      return { view: 'index', tab: id === 'claims' ? 'claims' : 'entities', ...(filter ? { filter } : {}) };
    }
    case 'entity':
    case 'claim':
      return id ? { view: head, id } : { view: 'index', tab: head === 'claim' ? 'claims' : 'entities' };
    case 'timeline': {
      const entity = param('entity');
      return entity ? { view: 'timeline', entity } : { view: 'timeline' };
    }
    case 'search':
      return { view: 'search', q: params.get('q') ?? '' };
    default:
      return { view: 'articles' };
  }
}

export function formatRoute(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'articles':
      if (!route.article) return '#/articles';
      return `#/article/${e(route.article)}${route.passage !== undefined ? `?passage=${route.passage}` : ''}`;
    case 'index':
      return `#/index${route.tab === 'claims' ? '/claims' : ''}${route.filter ? `?filter=${e(route.filter)}` : ''}`;
    case 'entity':
    case 'claim':
      return `#/${route.view}/${e(route.id)}`;
    case 'timeline':
      return route.entity ? `#/timeline?entity=${e(route.entity)}` : '#/timeline';
    case 'search':
      return `#/search?q=${e(route.q)}`;
  }
}
