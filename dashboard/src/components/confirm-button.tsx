// A button that asks first (ConfirmDialog) and runs its action only when confirmed; focus comes back to it when the
// question is cancelled.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ConfirmDialog } from './confirm-dialog.js';

interface Props {
  /** The button's text and accessible name. */
  label: string;
  title: string;
  /** What the action does, in full. */
  children: ComponentChildren;
  confirmLabel: string;
  /** Resolves to the server's refusal, or null when done. */
  onConfirm: () => Promise<string | null>;
  class?: string;
  disabled?: boolean;
}

export function ConfirmButton({
  label,
  class: className = 'button button--danger',
  disabled,
  ...question
}: Props) {
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setAsking(false);
    button.current?.focus();
  };
  const confirm = async () => {
    const refusal = await question.onConfirm();
    if (refusal === null) setAsking(false);
    return refusal;
  };
  return (
    <>
      <button
        type="button"
        class={className}
        ref={button}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
      {asking && <ConfirmDialog {...question} onConfirm={confirm} onCancel={cancel} />}
    </>
  );
}
