import { useState } from 'preact/hooks';

export interface ActionControls {
  busy: boolean;
  /** The last refusal; stays until the next action, even after a refresh that hides the button. */
  error: string | null;
  /** Runs one action at a time; resolves to true when it succeeded. */
  run: (action: () => Promise<string | null>) => Promise<boolean>;
  clearError: () => void;
}

/** For store actions that resolve to the server's refusal (a message) or null. */
export function useAction(): ActionControls {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>) => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    const refusal = await action();
    setError(refusal);
    setBusy(false);
    return refusal === null;
  };
  return { busy, error, run, clearError: () => setError(null) };
}
