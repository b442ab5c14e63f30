// Who is signed in: asked from the server once at start, then changed by sign in / sign out / revocation.
import type { Agent } from '@livechat/shared/model';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, authApi } from '../api/index.js';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; agent: Agent };

export interface SessionControls {
  session: Session;
  signedIn: (agent: Agent) => void;
  /** `notice` explains an involuntary sign-out on the sign-in screen. */
  signedOut: (notice?: string) => void;
}

export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    // Only settles a session still loading: the invite page can sign the agent in before this answers.
    const settle = (next: Session) => live && setSession((s) => (s.status === 'loading' ? next : s));
    authApi.me().then(
      (agent) => settle({ status: 'signed-in', agent }),
      (error: unknown) => {
        const notice =
          error instanceof ApiError && error.status === 401 ? null : 'Could not reach the server.';
        settle({ status: 'signed-out', notice });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const signedIn = useCallback((agent: Agent) => setSession({ status: 'signed-in', agent }), []);
  const signedOut = useCallback(
    (notice?: string) => setSession({ status: 'signed-out', notice: notice ?? null }),
    [],
  );
  return { session, signedIn, signedOut };
}
