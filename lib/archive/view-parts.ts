import { NAMES } from './archive-index';
import type { Route } from './route';
import { CLAIM_NAMES, ENTITY_NAMES } from './split';

/** The names a view shows (an open article and the timeline's entity picker load theirs themselves). */
export function namesFor(route: Route): readonly string[] {
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
