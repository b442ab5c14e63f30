// How editor fields find their validation message without threading it through every step component.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface FieldErrorControls {
  errorFor: (key: string) => string | undefined;
  /** The admin changed this field: its client-side issues show from now on. */
  touch: (key: string) => void;
}

export const FieldErrorsContext = createContext<FieldErrorControls>({
  errorFor: () => undefined,
  touch: () => {},
});

export function useFieldError(key: string): { error: string | undefined; touch: () => void } {
  const { errorFor, touch } = useContext(FieldErrorsContext);
  return { error: errorFor(key), touch: () => touch(key) };
}
