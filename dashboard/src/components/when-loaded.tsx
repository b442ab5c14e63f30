import type { ComponentChild } from 'preact';
import type { Loaded } from './use-load.js';

/** What was loaded, once it is: "Loading…" until then, or the failure in words. */
export function WhenLoaded<T>({
  state,
  children,
}: {
  state: Loaded<T>;
  children: (data: T) => ComponentChild;
}) {
  if (state.status === 'loading') return <p class="muted">Loading…</p>;
  if (state.status === 'error')
    return (
      <p class="form-error" role="alert">
        {state.message}
      </p>
    );
  return <>{children(state.data)}</>;
}
