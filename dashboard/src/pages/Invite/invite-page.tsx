import type { Agent } from '@livechat/shared/model';
import { AcceptInviteForm } from './accept-invite-form.js';
import { useInvite } from './use-invite.js';

interface Props {
  token: string;
  /** Signed in with the new password; the app takes over as after a sign-in. */
  onSignedIn: (agent: Agent) => void;
}

/** Where an invite link lands: the invited agent chooses a password and is signed in. No session needed. */
export function InvitePage({ token, onSignedIn }: Props) {
  const { state, markInvalid } = useInvite(token);

  if (state.status === 'ready') {
    return (
      <main class="signin">
        <AcceptInviteForm token={token} info={state.info} onSignedIn={onSignedIn} onInvalid={markInvalid} />
      </main>
    );
  }
  return (
    <main class="signin">
      <div class="signin__card">
        <h1 class="signin__title">Your invite</h1>
        {state.status === 'loading' && <p class="muted">Checking your invite link…</p>}
        {state.status === 'invalid' && (
          <p class="form-error" role="alert">
            This invite link is not valid any more. Ask your admin for a new one.
          </p>
        )}
        {state.status === 'error' && (
          <p class="form-error" role="alert">
            {state.message}
          </p>
        )}
        {state.status !== 'loading' && (
          <a class="button signin__submit" href="#/inbox">
            Go to sign in
          </a>
        )}
      </div>
    </main>
  );
}
