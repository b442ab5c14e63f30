import { useState } from 'preact/hooks';
import { errorMessage } from '../api/index.js';

/**
 * A form's submit: one request at a time, busy while it runs, and the server's message shown when it fails.
 * `onError` may take an error over (return true), e.g. to leave the page instead of showing it.
 */
export function useFormSubmit(action: () => Promise<void>, onError?: (err: unknown) => boolean) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      if (!onError?.(err)) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  /** Hides the error, e.g. once the person changed what it was about. */
  const clearError = () => setError(null);
  return { busy, error, submit, clearError };
}
