import { useEffect, useState } from 'preact/hooks';
import { confirmLeave } from './leave-guard.js';
import { parseRoute, routeHref, type Route } from './route.js';

// One hash listener for every useRoute, so a guarded change is asked about once, whoever listens.
const listeners = new Set<(route: Route) => void>();
let accepted = '';

function onHashChange(): void {
  const next = location.hash;
  if (routeHref(parseRoute(next)) === routeHref(parseRoute(accepted))) {
    accepted = next;
    return;
  }
  if (!confirmLeave(next)) {
    // Stay: put the address back without another hashchange (the history entry is replaced, not added).
    history.replaceState(history.state, '', accepted || location.pathname + location.search);
    return;
  }
  accepted = next;
  for (const listener of listeners) listener(parseRoute(next));
}

function listen(listener: (route: Route) => void): () => void {
  if (listeners.size === 0) {
    accepted = location.hash;
    addEventListener('hashchange', onHashChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) removeEventListener('hashchange', onHashChange);
  };
}

/**
 * The current hash route. A hash change that names the same route keeps the same object, so nothing re-renders;
 * one that would lose unsaved work (see leave-guard.ts) is asked about first, and undone if the agent stays.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = (next: Route) =>
      setRoute((current) => (routeHref(current) === routeHref(next) ? current : next));
    update(parseRoute(location.hash)); // a change between render and subscribe
    return listen(update);
  }, []);
  return route;
}
