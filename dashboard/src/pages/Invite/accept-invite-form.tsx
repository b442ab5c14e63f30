import type { Agent } from '@livechat/shared/model';
import { AcceptInviteBodySchema, type InviteInfo } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { invitesApi } from '../../api/index.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { TextField } from '../../components/text-field.js';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { isInvalidInvite } from './use-invite.js';

interface Props {
  token: string;
  info: InviteInfo;
  /** The server accepted the password and set the session cookie. */
  onSignedIn: (agent: Agent) => void;
  /** The link stopped working while the page was open (used, replaced or expired). */
  onInvalid: () => void;
}

/** The password is checked with the server's schema; a refusal is shown next to it. */
export function AcceptInviteForm({ token, info, onSignedIn, onInvalid }: Props) {
  const [password, setPassword] = useState('');
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      const check = AcceptInviteBodySchema.safeParse({ password });
      if (!check.success) throw new InvalidFields(issueFields(check.error.issues, ['password']));
      onSignedIn(await invitesApi.accept(token, check.data.password));
    },
    (err) => {
      if (!isInvalidInvite(err)) return false;
      onInvalid();
      return true;
    },
    ['password'],
  );

  return (
    <form class="signin__card" onSubmit={(e) => void submit(e)} noValidate>
      <h1 class="signin__title">Welcome, {info.name}</h1>
      <p class="muted">
        Choose a password for <strong>{info.email}</strong>. You will use it to sign in from now on.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autocomplete="username" value={info.email} readOnly hidden />
      <TextField
        label="Password"
        type="password"
        name="password"
        autocomplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={fieldErrors.password}
        value={password}
        onValue={(value) => {
          setPassword(value);
          clearField('password');
        }}
      />
      <button class="button button--primary signin__submit" type="submit" disabled={busy} aria-busy={busy}>
        Set password and sign in
      </button>
    </form>
  );
}
