import type { Agent } from '@livechat/shared/model';
import { UpdateProfileBodySchema } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { profileApi } from '../../api/index.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  agent: Agent;
  onSaved: (agent: Agent) => void;
}

const FIELDS = ['name'] as const;

/** The name colleagues and visitors see ("Dana joined the chat"). */
export function NameForm({ agent, onSaved }: Props) {
  const [name, setName] = useState(agent.name);
  const [saved, setSaved] = useState(false);
  const t = useT();
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      setSaved(false);
      const check = UpdateProfileBodySchema.safeParse({ name });
      if (!check.success) throw new InvalidFields(issueFields(check.error.issues, FIELDS));
      const updated = await profileApi.update(check.data);
      setName(updated.name);
      onSaved(updated);
      setSaved(true);
    },
    undefined,
    FIELDS,
  );

  return (
    <form
      class="card profile-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="profile-name-title"
    >
      <h2 class="card__title" id="profile-name-title">
        {t('profile.nameTitle')}
      </h2>
      <p class="muted">{t('profile.nameHint')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <TextField
        label={t('profile.name')}
        name="name"
        autocomplete="name"
        maxLength={100}
        error={fieldErrors.name}
        value={name}
        onValue={(value) => {
          setName(value);
          setSaved(false);
          clearField('name');
        }}
      />
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          {t('profile.save')}
        </button>
        <p class="settings__status" role="status">
          {saved ? t('profile.saved') : ''}
        </p>
      </div>
    </form>
  );
}
