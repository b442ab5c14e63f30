import { Field, type FieldProps } from './field.js';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> extends FieldProps {
  value: V;
  options: readonly SelectOption<V>[];
  onValue: (value: V) => void;
  disabled?: boolean;
}

export function SelectField<V extends string>({ value, options, onValue, disabled, ...field }: Props<V>) {
  return (
    <Field {...field}>
      {(control) => (
        <select
          class="input"
          {...control}
          disabled={disabled}
          value={value}
          // The options are the only values the select can hold.
          onChange={(e) => onValue(e.currentTarget.value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
