// Asked before a saved reply goes into the reply box when some of its variables have no value in this conversation
// (no first name known yet): one box per missing value, named after it. A box left empty inserts nothing there.
import { VARIABLE_LABELS, type ReplyVariable } from '@livechat/shared/saved-replies';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { TextField } from '../../components/text-field.js';
import '../../components/confirm-dialog.css';

interface Props {
  shortcut: string;
  missing: readonly ReplyVariable[];
  onInsert: (typed: Partial<Record<ReplyVariable, string>>) => void;
  onCancel: () => void;
}

export function ReplyVariablesDialog({ shortcut, missing, onInsert, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [typed, setTyped] = useState<Partial<Record<ReplyVariable, string>>>({});

  useEffect(() => {
    const el = dialog.current;
    // Modal: the page behind is inert and Escape cancels (the browser's own dialog behaviour).
    if (el && !el.open) el.showModal();
    el?.querySelector('input')?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: closed by the owner (which unmounts the dialog), not by the browser behind its back.
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        class="confirm-dialog__body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onInsert(typed);
        }}
      >
        <h2 class="confirm-dialog__title" id={titleId}>
          Fill in /{shortcut}
        </h2>
        <p class="confirm-dialog__text">
          This conversation has no value for {missing.length === 1 ? 'this' : 'these'}. Type it, or leave it
          empty to insert nothing there.
        </p>
        {missing.map((name) => (
          <TextField
            key={name}
            label={VARIABLE_LABELS[name]}
            autocomplete="off"
            value={typed[name] ?? ''}
            onValue={(v) => setTyped((t) => ({ ...t, [name]: v }))}
          />
        ))}
        <div class="confirm-dialog__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary">
            Insert
          </button>
        </div>
      </form>
    </dialog>
  );
}
