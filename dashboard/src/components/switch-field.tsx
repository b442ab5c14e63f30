import { useId } from 'preact/hooks';

interface Props {
  /** The switch's accessible name. */
  label: string;
  checked: boolean;
  onValue: (on: boolean) => void;
  /** A line under it, read as its description. */
  hint?: string;
  disabled?: boolean;
  /** Saving: announced, and the switch waits. */
  busy?: boolean;
}

/** An on/off setting in a light form (role "switch"), with an optional hint. */
export function SwitchField({ label, checked, onValue, hint, disabled, busy }: Props) {
  const hintId = useId();
  return (
    <div class="field">
      <button
        type="button"
        role="switch"
        class="switch switch--light"
        aria-checked={checked}
        aria-describedby={hint ? hintId : undefined}
        aria-busy={busy}
        disabled={disabled || busy}
        onClick={() => onValue(!checked)}
      >
        <span class="switch__track" aria-hidden="true">
          <span class="switch__thumb" />
        </span>
        <span class="switch__label">{label}</span>
      </button>
      {hint && (
        <span class="field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}
