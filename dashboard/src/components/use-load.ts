import { useCallback, useEffect, useRef, useState, type Inputs } from 'preact/hooks';
import { errorMessage } from '../api/index.js';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

export interface LoadControls<T> {
  state: Loaded<T>;
  /** Asks again, keeping what is shown until the answer arrives. */
  reload: () => void;
  /** Replaces the data with a copy the server returned from a change. */
  setData: (data: T) => void;
}

/** Data from the server, loaded when `deps` change. Only the latest answer is applied, and none after unmount. */
export function useLoad<T>(load: () => Promise<T>, deps: Inputs): LoadControls<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const generation = useRef(0);

  // `deps` are what `load` reads.
  const reload = useCallback(() => {
    const current = ++generation.current;
    load().then(
      (data) => current === generation.current && setState({ status: 'ready', data }),
      (error: unknown) =>
        current === generation.current && setState({ status: 'error', message: errorMessage(error) }),
    );
  }, deps);

  useEffect(() => {
    setState({ status: 'loading' });
    reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  const setData = useCallback((data: T) => {
    generation.current++;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, setData };
}
