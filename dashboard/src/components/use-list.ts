import { useRef } from 'preact/hooks';
import { useLoad } from './use-load.js';

export interface ListControls<T> {
  items: T[];
  loading: boolean;
  loadError: string | null;
  /** Adds the server's copy of an item, or replaces the one with its id. */
  put: (item: T) => void;
  drop: (id: string) => void;
}

/**
 * A list the server returns whole and the page then changes item by item, kept in `order`. Changes that finish
 * together each build on the other's result, not on the render they started from.
 */
export function useList<T extends { id: string }>(
  load: () => Promise<T[]>,
  order?: (a: T, b: T) => number,
): ListControls<T> {
  const { state, setData } = useLoad(load, []);
  const items = state.status === 'ready' ? state.data : [];
  const latest = useRef(items);
  latest.current = items;
  const apply = (next: T[]) => {
    latest.current = next;
    setData(next);
  };
  return {
    items,
    loading: state.status === 'loading',
    loadError: state.status === 'error' ? state.message : null,
    put: (item) => {
      const next = [...latest.current.filter((i) => i.id !== item.id), item];
      apply(order ? next.sort(order) : next);
    },
    drop: (id) => apply(latest.current.filter((i) => i.id !== id)),
  };
}
