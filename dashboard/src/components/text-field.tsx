import type { JSX } from 'preact';
import { Field, type FieldProps } from './field.js';

type InputProps = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'class' | 'value' | 'onInput' | 'id' | 'label'
>;

interface Props extends FieldProps, InputProps {
  value: string;
  onValue: (value: string) => void;
}

/** A labelled text input in the dashboard's form style. */
export function TextField({ label, hint, error, class: className, value, onValue, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error} class={className}>
      {(control) => (
        <input
          class="input"
          {...control}
          {...input}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
