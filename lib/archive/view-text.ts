import type { I18n } from '../view/i18n';
import type { ArchiveIndex } from './archive-index';
import type { Route } from './route';

/** The article list's intro: how many articles, from when to when; empty for an archive without any. */
export function articlesIntro(i18n: I18n, archive: ArchiveIndex): string {
  const articles = archive.articles();
  if (!articles.length) return '';
  const first = articles[0]!.date;
  const last = articles[articles.length - 1]!.date;
  return i18n.plural('articlesIntro', articles.length, i18n.date(first), i18n.date(last));
}

/** What a view is called in the page title. Needs the route's names (`namesFor`) loaded. */
export function titleOf(i18n: I18n, route: Route, archive: ArchiveIndex): string {
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
