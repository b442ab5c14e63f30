import type { JSX } from 'preact';
import { useId } from 'preact/hooks';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'class' | 'value' | 'onInput' | 'id'>;

interface Props extends InputProps {
  /** The visible label, which is also the input's accessible name. */
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** A line under the input, which is also its accessible description (and not part of its name). */
  hint?: string;
}

/** A labelled text input in the dashboard's form style. */
export function TextField({ label, value, onValue, hint, ...input }: Props) {
  const id = useId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        class="input"
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
