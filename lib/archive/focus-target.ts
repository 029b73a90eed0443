/** Where the archive browser moves on arriving at a view by its address (a link, Back, a typed hash). */
import type { Route } from './route';

/** A view starts at its top, but an open article: the list scrolls to the article itself. */
export function startsAtTop(route: Route): boolean {
  return !(route.view === 'articles' && route.article);
}

/** The heading focus moves to: a card's own heading, else the view's. */
export function viewHeading(doc: Document): HTMLElement | null {
  return doc.getElementById('detail-heading') ?? doc.getElementById('view-heading');
}
