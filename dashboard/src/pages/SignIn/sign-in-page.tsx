import type { Agent } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { authApi } from '../../api/index.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { TextField } from '../../components/text-field.js';

interface Props {
  onSignedIn: (agent: Agent) => void;
  /** Why the agent landed here involuntarily (session revoked, server unreachable). */
  notice?: string | null;
}

export function SignInPage({ onSignedIn, notice = null }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormSubmit(async () =>
    onSignedIn(await authApi.login(email.trim(), password)),
  );

  return (
    <main class="signin">
      <form class="signin__card" onSubmit={(e) => void submit(e)} noValidate>
        <h1 class="signin__title">Sign in to LiveChat</h1>
        {notice && !error && <p class="notice">{notice}</p>}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <TextField
          label="Email"
          type="email"
          name="email"
          autocomplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <button class="button button--primary signin__submit" type="submit" disabled={busy} aria-busy={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
