import { useCallback, useMemo, useState } from 'preact/hooks';
import type { FieldErrorControls } from './field-errors.js';
import type { FieldErrors } from './validate.js';

const NONE: FieldErrors = new Map();

/** Keys about the structure (the form, the list, one step) rather than one input: shown without being touched. */
const isStructural = (key: string) =>
  key === '' || key === 'steps' || /^steps\.\d+$/.test(key) || /\.(questions|capture)$/.test(key);

/**
 * Which messages show: the server's until the next edit; the client's for fields the admin changed, and all of
 * them after a save attempt, so a fresh step does not open covered in "must not be empty".
 */
export function useFieldErrors(clientErrors: FieldErrors) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>(NONE);

  const touch = useCallback(
    (key: string) => setTouched((keys) => (keys.has(key) ? keys : new Set(keys).add(key))),
    [],
  );

  const controls = useMemo<FieldErrorControls>(
    () => ({
      errorFor: (key) =>
        serverErrors.get(key) ??
        (showAll || touched.has(key) || isStructural(key) ? clientErrors.get(key) : undefined),
      touch,
    }),
    [clientErrors, serverErrors, showAll, touched, touch],
  );

  return {
    controls,
    showAll: () => setShowAll(true),
    setServerErrors,
    clearServerErrors: () => setServerErrors(NONE),
  };
}
