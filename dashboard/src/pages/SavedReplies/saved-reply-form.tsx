import type { SavedReply } from '@livechat/shared/model';
import { REPLY_VARIABLES } from '@livechat/shared/saved-replies';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, type SavedReplyInput } from '../../api/index.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields } from '../../components/form-errors.js';
import { REPLY_FIELDS, checkSavedReply, type ReplyField } from './check-saved-reply.js';

interface Props {
  /** The reply being edited; null to add one. Keyed by the page, so a new choice starts a fresh form. */
  editing: SavedReply | null;
  /** Admins choose who sees a new reply; agents add their own ("Only me"). */
  canShare: boolean;
  /** Throws the server's refusal, which the form shows. */
  onSave: (input: SavedReplyInput) => Promise<void>;
  onCancel: () => void;
}

const VARIABLES_HINT = `Variables filled in when the reply is inserted: ${REPLY_VARIABLES.map((n) => `{{${n}}}`).join(', ')}.`;

/**
 * Adds a saved reply, or edits one chosen in the list. Errors show on their field; a taken shortcut (409) and an
 * unknown variable too. Who sees a reply is chosen when it is added.
 */
export function SavedReplyForm({ editing, canShare, onSave, onCancel }: Props) {
  const [form, setForm] = useState<Required<SavedReplyInput>>({
    shortcut: editing?.shortcut ?? '',
    body: editing?.body ?? '',
    personal: editing?.personal ?? !canShare,
  });
  const visibleId = useId();
  const shortcutBox = useRef<HTMLDivElement>(null);

  // Editing starts in the form, which may be far above the row's Edit button.
  useEffect(() => {
    if (!editing) return;
    const input = shortcutBox.current?.querySelector('input');
    input?.focus();
    input?.scrollIntoView?.({ block: 'nearest' });
  }, [editing]);

  // This page's check and the server's refusals (a taken shortcut too) are shown next to their field.
  const {
    busy,
    error,
    fieldErrors: errors,
    submit,
    clearField,
  } = useFormSubmit(
    async () => {
      const check = checkSavedReply(form);
      if (!check.ok) throw new InvalidFields<ReplyField>(check.errors);
      try {
        await onSave(check.input);
      } catch (err) {
        if (err instanceof ApiError && err.code === ErrorCode.Conflict)
          throw new InvalidFields<ReplyField>({ shortcut: err.message });
        throw err;
      }
      if (!editing) setForm((f) => ({ ...f, shortcut: '', body: '' }));
    },
    undefined,
    REPLY_FIELDS,
  );

  const set = (field: ReplyField) => (value: string) => {
    // A typed field only: who sees the reply is set by the radios.
    setForm((f) => ({ ...f, [field]: value }));
    // The message was about the old value.
    clearField(field);
  };

  const title = editing ? `Edit /${editing.shortcut}` : 'Add a saved reply';
  return (
    <form class="card saved-reply-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2 class="card__title">{title}</h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div ref={shortcutBox}>
        <TextField
          label="Shortcut"
          hint='Agents type "/" and the shortcut in the reply box to insert the text.'
          autocomplete="off"
          spellcheck={false}
          maxLength={32}
          error={errors.shortcut}
          value={form.shortcut}
          onValue={set('shortcut')}
        />
      </div>
      <TextAreaField
        label="Reply text"
        hint={VARIABLES_HINT}
        rows={4}
        error={errors.body}
        value={form.body}
        onValue={set('body')}
      />
      {!editing && canShare && (
        <fieldset class="fieldset" role="radiogroup" aria-labelledby={visibleId}>
          <legend class="field__label" id={visibleId}>
            Visible to
          </legend>
          {(
            [
              [true, 'Only me'],
              [false, 'Everyone'],
            ] as const
          ).map(([personal, label]) => (
            <label key={label} class="check">
              <input
                type="radio"
                name="visible-to"
                checked={form.personal === personal}
                onChange={() => setForm((f) => ({ ...f, personal }))}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {!editing && !canShare && <p class="muted">Only you see the replies you add here.</p>}
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          {editing ? 'Save changes' : 'Add saved reply'}
        </button>
        {editing && (
          <button class="button" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
