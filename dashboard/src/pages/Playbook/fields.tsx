// Editor fields bound to a validation key: they show that key's message and mark it touched when changed.
import type { JSX } from 'preact';
import { RichTextField } from '../../components/rich-text-field.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useFieldError } from './field-errors.js';

interface Common {
  /** The field's path in the playbook, e.g. "steps.2.text". */
  fieldKey: string;
  label: string;
  hint?: string;
}

export function RichTextInput({
  fieldKey,
  label,
  value,
  onValue,
}: Common & { value: string; onValue: (v: string) => void }) {
  const { error, touch } = useFieldError(fieldKey);
  return (
    <RichTextField
      label={label}
      value={value}
      error={error}
      onValue={(v) => {
        touch();
        onValue(v);
      }}
    />
  );
}

type InputAttributes = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onInput' | 'label' | 'class' | 'id'
>;

export function TextInput({
  fieldKey,
  value,
  onValue,
  errorText,
  ...rest
}: Common &
  InputAttributes & {
    value: string;
    onValue: (v: string) => void;
    /** Shown instead of the schema's message when the input is refused, for a field that is part of a value. */
    errorText?: string;
  }) {
  const { error, touch } = useFieldError(fieldKey);
  return (
    <TextField
      {...rest}
      error={error === undefined ? undefined : (errorText ?? error)}
      value={value}
      onValue={(v) => {
        touch();
        onValue(v);
      }}
    />
  );
}

export function LinesInput({
  fieldKey,
  label,
  hint,
  value,
  onValue,
}: Common & { value: string; onValue: (v: string) => void }) {
  const { error, touch } = useFieldError(fieldKey);
  return (
    <TextAreaField
      label={label}
      hint={hint}
      error={error}
      rows={4}
      value={value}
      onValue={(v) => {
        touch();
        onValue(v);
      }}
    />
  );
}

export function SelectInput<V extends string>({
  fieldKey,
  showError = true,
  onValue,
  ...rest
}: Common & {
  /** False when another control shows this key's message. */
  showError?: boolean;
  value: V;
  options: readonly SelectOption<V>[];
  onValue: (v: V) => void;
}) {
  const { error, touch } = useFieldError(fieldKey);
  return (
    <SelectField
      {...rest}
      error={showError ? error : undefined}
      onValue={(v) => {
        touch();
        onValue(v);
      }}
    />
  );
}
