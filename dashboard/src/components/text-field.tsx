import type { JSX } from 'preact';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'class' | 'value' | 'onInput'>;

interface Props extends InputProps {
  /** The visible label, which is also the input's accessible name. */
  label: string;
  value: string;
  onValue: (value: string) => void;
}

/** A labelled text input in the dashboard's form style. */
export function TextField({ label, value, onValue, ...input }: Props) {
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      <input class="input" {...input} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  );
}
