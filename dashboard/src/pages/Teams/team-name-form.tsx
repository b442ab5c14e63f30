import { TEAM_NAME_MAX, TeamNameSchema } from '@livechat/shared/api';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields } from '../../components/form-errors.js';

const FIELDS = ['name'] as const;

interface Props {
  /** The form's accessible name. */
  title: string;
  submitLabel: string;
  initial?: string;
  /** Throws the server's refusal; a taken name (409) shows on the field. */
  onSave: (name: string) => Promise<void>;
  /** Shown as a Cancel button (renaming). */
  onCancel?: () => void;
}

/** A team's name: a new team's, or a new name for one. Checked here first, then by the server. */
export function TeamNameForm({ title, submitLabel, initial = '', onSave, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (onCancel) box.current?.querySelector('input')?.focus();
  }, []);
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      const check = TeamNameSchema.safeParse(name);
      if (!check.success)
        throw new InvalidFields({ name: check.error.issues[0]?.message ?? 'Enter a name.' });
      await onSave(check.data);
      if (!onCancel) setName('');
    },
    undefined,
    FIELDS,
  );
  return (
    <form class="team-name-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div ref={box}>
        <TextField
          label="Team name"
          autocomplete="off"
          maxLength={TEAM_NAME_MAX}
          error={fieldErrors.name}
          value={name}
          onValue={(value) => {
            setName(value);
            clearField('name');
          }}
        />
      </div>
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button class="button" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
