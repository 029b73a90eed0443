import { useEffect, useRef, useState } from 'preact/hooks';
import { type Route, formatRoute, parseRoute } from '../../lib/archive/route';

/** Goes to a route; `replace` rewrites the address in place (no history entry) for in-view changes. */
export type Navigate = (next: Route, replace?: boolean) => void;

export interface ArchiveRoute {
  route: Route;
  /** The route now, for callbacks that outlive a render (a debounced search). */
  current: () => Route;
  navigate: Navigate;
}

/**
 * The route in the address's hash, so every view is linkable and Back walks through them.
 * `onAddressChange` hears each route the address changes to (a link, Back) before it renders.
 */
export function useArchiveRoute(onAddressChange: (next: Route) => void): ArchiveRoute {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const latest = useRef(route);
  latest.current = route;
  const onChange = useRef(onAddressChange);
  onChange.current = onAddressChange;

  useEffect(() => {
    const onHashChange = () => {
      const next = parseRoute(location.hash);
      onChange.current(next);
      setRoute(next);
    };
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate: Navigate = (next, replace = false) => {
    const hash = formatRoute(next);
    if (replace) {
      history.replaceState(history.state, '', hash);
      setRoute(next);
    } else if (location.hash !== hash) {
      location.hash = hash; // hashchange sets the route
    }
  };
  return { route, current: () => latest.current, navigate };
}
