import { useEffect, useState } from 'preact/hooks';

export interface Subscribable<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/** Re-renders on every store change. The store replaces its state object on change, so identity is enough. */
export function useStore<S>(store: Subscribable<S>): S {
  const [state, setState] = useState(() => store.getState());
  useEffect(() => {
    const sync = () => setState(() => store.getState());
    sync(); // a change between render and subscribe
    return store.subscribe(sync);
  }, [store]);
  return state;
}
