import type { Agent } from '@livechat/shared/model';
import { LoginBodySchema } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { authApi } from '../../api/index.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { TextField } from '../../components/text-field.js';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  onSignedIn: (agent: Agent) => void;
  /** Why the agent landed here involuntarily (session revoked, server unreachable). */
  notice?: string | null;
}

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ onSignedIn, notice = null }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const t = useT();
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      // The server's own rules, so an empty or malformed email is said next to the field, without a round trip.
      const check = LoginBodySchema.safeParse({ email, password });
      if (!check.success) throw new InvalidFields(issueFields(check.error.issues, FIELDS));
      onSignedIn(await authApi.login(check.data.email, check.data.password));
    },
    undefined,
    FIELDS,
  );

  return (
    <main class="signin">
      <form class="signin__card" onSubmit={(e) => void submit(e)} noValidate>
        <h1 class="signin__title">{t('signIn.title')}</h1>
        {notice && !error && <p class="notice">{notice}</p>}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <TextField
          label={t('signIn.email')}
          type="email"
          name="email"
          autocomplete="username"
          required
          error={fieldErrors.email}
          value={email}
          onValue={(value) => {
            setEmail(value);
            clearField('email');
          }}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          name="password"
          autocomplete="current-password"
          required
          error={fieldErrors.password}
          value={password}
          onValue={(value) => {
            setPassword(value);
            clearField('password');
          }}
        />
        <button class="button button--primary signin__submit" type="submit" disabled={busy} aria-busy={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
