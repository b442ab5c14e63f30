import type { ComponentChild } from 'preact';
import { useId } from 'preact/hooks';

/** What a field hands its control: the label's target id and the links to its hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  /** A line under the control, which is also its accessible description (and not part of its name). */
  hint?: string | undefined;
  /** A validation message under the control; marks it invalid and is read with it. */
  error?: string | null | undefined;
  class?: string | undefined;
}

interface Props extends FieldProps {
  children: (control: ControlProps) => ComponentChild;
  /** Above the control, after the label (e.g. a formatting toolbar). */
  before?: ComponentChild;
}

/** A labelled control in the dashboard's form style, with an optional hint and inline error. */
export function Field({ label, hint, error, class: className, before, children }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {before}
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
