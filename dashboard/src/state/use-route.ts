import { useEffect, useState } from 'preact/hooks';
import { parseRoute, routeHref, type Route } from './route.js';

/** The current hash route. A hash change that names the same route keeps the same object, so nothing re-renders. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => {
      const next = parseRoute(location.hash);
      setRoute((current) => (routeHref(current) === routeHref(next) ? current : next));
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
