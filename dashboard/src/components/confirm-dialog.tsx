// A modal question before something that cannot be undone: what it does, in words, then the action or Cancel
// (focused first, so Enter does not destroy anything). A refusal shows inside it, in the server's words.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import './confirm-dialog.css';

interface Props {
  /** The question, and the dialog's accessible name. */
  title: string;
  /** What will happen, in full. */
  children: ComponentChildren;
  /** The action's button. */
  confirmLabel: string;
  /** Resolves to the server's refusal (shown here), or null when done (the owner then closes the dialog). */
  onConfirm: () => Promise<string | null>;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    // Modal: the page behind is inert and Escape cancels (the browser's own dialog behaviour).
    if (el && !el.open) el.showModal();
    cancel.current?.focus();
  }, []);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const refusal = await onConfirm();
    // Done: the owner unmounts the dialog; only a refusal keeps it open.
    if (refusal !== null) {
      setError(refusal);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: closed by the owner (which unmounts the dialog), not by the browser behind its back.
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <div class="confirm-dialog__body">
        <h2 class="confirm-dialog__title" id={titleId}>
          {title}
        </h2>
        <div class="confirm-dialog__text">{children}</div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="confirm-dialog__actions">
          <button type="button" class="button" ref={cancel} disabled={busy} onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            class="button button--danger"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
