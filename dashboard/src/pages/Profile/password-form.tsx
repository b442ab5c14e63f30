import { ChangePasswordBodySchema } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { profileApi } from '../../api/index.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';

const FIELDS = ['currentPassword', 'newPassword'] as const;
const blank = { currentPassword: '', newPassword: '' };

export const PASSWORD_CHANGED = 'Password changed. You were signed out on your other devices.';

/** A new password ends the agent's other sessions; this one stays signed in. */
export function PasswordForm({ email }: { email: string }) {
  const [form, setForm] = useState(blank);
  const [done, setDone] = useState(false);
  const t = useT();
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      setDone(false);
      const check = ChangePasswordBodySchema.safeParse(form);
      if (!check.success) throw new InvalidFields(issueFields(check.error.issues, FIELDS));
      await profileApi.changePassword(check.data);
      setForm(blank);
      setDone(true);
    },
    undefined,
    FIELDS,
  );

  const set = (field: (typeof FIELDS)[number]) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setDone(false);
    clearField(field);
  };

  return (
    <form
      class="card profile-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="profile-password-title"
    >
      <h2 class="card__title" id="profile-password-title">
        {t('profile.passwordTitle')}
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p class="notice" role="status">
          {t('profile.passwordChanged')}
        </p>
      )}
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autocomplete="username" value={email} readOnly hidden />
      <TextField
        label={t('profile.currentPassword')}
        type="password"
        name="current-password"
        autocomplete="current-password"
        error={fieldErrors.currentPassword}
        value={form.currentPassword}
        onValue={set('currentPassword')}
      />
      <TextField
        label={t('profile.newPassword')}
        type="password"
        name="new-password"
        autocomplete="new-password"
        hint={t('profile.newPasswordHint')}
        error={fieldErrors.newPassword}
        value={form.newPassword}
        onValue={set('newPassword')}
      />
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          {t('profile.changePassword')}
        </button>
      </div>
    </form>
  );
}
