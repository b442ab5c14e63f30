import type { Agent, Locale } from '@livechat/shared/model';
import { UpdateProfileBodySchema } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { profileApi } from '../../api/index.js';
import { SelectField } from '../../components/select-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { browserLocale, DASHBOARD_LOCALES, LANGUAGE_NAMES } from '../../i18n/locale.js';

interface Props {
  agent: Agent;
  /** The agent as stored: the whole dashboard switches to the language at once. */
  onSaved: (agent: Agent) => void;
}

/** '' is "the browser's", stored as null. */
type Choice = Locale | '';
const FIELDS = ['language'] as const;

/** The dashboard's language, stored on the server so it follows the agent to every browser. */
export function LanguageForm({ agent, onSaved }: Props) {
  const t = useT();
  const [choice, setChoice] = useState<Choice>(agent.language ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      setSaved(false);
      const check = UpdateProfileBodySchema.safeParse({ language: choice === '' ? null : choice });
      if (!check.success) throw new InvalidFields(issueFields(check.error.issues, FIELDS));
      const updated = await profileApi.update(check.data);
      setChoice(updated.language ?? '');
      onSaved(updated);
      setSaved(true);
    },
    undefined,
    FIELDS,
  );
  // Each language named in itself, so anyone finds their own whatever the dashboard speaks now.
  const options = [
    { value: '' as Choice, label: t.fn('language.browser')(LANGUAGE_NAMES[browserLocale()]) },
    ...DASHBOARD_LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
  ];

  return (
    <form
      class="card profile-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="profile-language-title"
    >
      <h2 class="card__title" id="profile-language-title">
        {t('language.title')}
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <SelectField
        label={t('language.label')}
        hint={t('language.hint')}
        error={fieldErrors.language}
        value={choice}
        options={options}
        onValue={(value) => {
          setChoice(value);
          setSaved(false);
          clearField('language');
        }}
      />
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          {t('language.save')}
        </button>
        <p class="settings__status" role="status">
          {saved ? t('profile.saved') : ''}
        </p>
      </div>
    </form>
  );
}
