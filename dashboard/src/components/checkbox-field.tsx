import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  checked: boolean;
  onValue: (checked: boolean) => void;
  disabled?: boolean;
  /** The visible label, which is also the accessible name unless `ariaLabel` names it more precisely. */
  children: ComponentChildren;
  /** For a row's checkbox whose visible label ("Active") is the same on every row. */
  ariaLabel?: string;
  /** A line beside the label, read as the checkbox's description (not part of its name). */
  hint?: string;
}

/** A checkbox with its label beside it, in the dashboard's form style. */
export function CheckboxField({ checked, onValue, disabled, children, ariaLabel, hint }: Props) {
  const id = useId();
  return (
    <div class="check-field">
      <label class="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onValue(e.currentTarget.checked)}
        />
        {children}
      </label>
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
