import type { ComponentChild, JSX, Ref } from 'preact';
import { Field, type FieldProps } from './field.js';

type AreaProps = Omit<
  JSX.TextareaHTMLAttributes<HTMLTextAreaElement>,
  'class' | 'value' | 'onInput' | 'id' | 'label' | 'ref'
>;

interface Props extends FieldProps, AreaProps {
  value: string;
  onValue: (value: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Between the label and the textarea (a formatting toolbar). */
  before?: ComponentChild;
}

export function TextAreaField({
  label,
  hint,
  error,
  class: className,
  value,
  onValue,
  textareaRef,
  before,
  ...area
}: Props) {
  return (
    <Field label={label} hint={hint} error={error} class={className} before={before}>
      {(control) => (
        <textarea
          class="input input--area"
          ref={textareaRef}
          rows={3}
          {...control}
          {...area}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
