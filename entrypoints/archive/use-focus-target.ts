import { useEffect, useRef } from 'preact/hooks';
import type { PartsState } from '../../components/archive/useParts';
import { startsAtTop, viewHeading } from '../../lib/archive/focus-target';
import type { Route } from '../../lib/archive/route';

/**
 * Arriving at a view by its address starts it at its top with focus on its heading, as a new page
 * would; the heading may come only once the view's parts have loaded. Call `expect(true)` before such a
 * route renders (`expect(false)` when the reader is typing a search and keeps the focus).
 */
export function useFocusTarget(route: Route, viewState: PartsState): { expect: (move: boolean) => void } {
  const moveFocus = useRef(false);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (!startsAtTop(route)) return;
    // A new view starts at its top at once (smooth scrolling is for jumps within a view).
    scrollTo({ top: 0, behavior: 'instant' });
    focusHeading.current = true;
  }, [route]);
  useEffect(() => {
    if (!focusHeading.current || viewState === 'loading') return;
    focusHeading.current = false;
    viewHeading(document)?.focus({ preventScroll: true });
  });
  return {
    expect: (move) => {
      moveFocus.current = move;
    },
  };
}
