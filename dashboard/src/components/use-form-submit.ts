import { useState } from 'preact/hooks';
import { formErrors, type FieldMessages } from './form-errors.js';

/**
 * A form's submit: one request at a time, busy while it runs. When it fails, each message about one of `fields`
 * (thrown as InvalidFields by the form's own check, or in the server's `details`) goes to `fieldErrors`, and the
 * rest to `error`, in plain words. `onError` may take an error over (return true), e.g. to leave the page.
 */
export function useFormSubmit<F extends string = never>(
  action: () => Promise<void>,
  onError?: (err: unknown) => boolean,
  fields: readonly F[] = [],
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldMessages<F>>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await action();
    } catch (err) {
      if (!onError?.(err)) {
        const shown = formErrors(err, fields);
        setFieldErrors(shown.fields);
        setError(shown.message);
      }
    } finally {
      setBusy(false);
    }
  };
  /** Hides the error, e.g. once the person changed what it was about. */
  const clearError = () => setError(null);
  /** Hides one field's message once the person edits that field. */
  const clearField = (field: F) =>
    setFieldErrors((errors) => (errors[field] === undefined ? errors : { ...errors, [field]: undefined }));
  return { busy, error, fieldErrors, submit, clearError, clearField };
}
