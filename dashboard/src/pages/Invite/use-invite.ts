// Loads what an invite link says about the agent it invites.
import type { InviteInfo } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage, invitesApi } from '../../api/index.js';

export type InviteState =
  | { status: 'loading' }
  | { status: 'ready'; info: InviteInfo }
  /** Unknown, used or expired: the server does not say which. */
  | { status: 'invalid' }
  | { status: 'error'; message: string };

/** The server's answer for an unknown, used or expired token. */
export function isInvalidInvite(error: unknown): boolean {
  return error instanceof ApiError && error.code === ErrorCode.NotFound;
}

/** Looking a link up, a malformed token (a link cut short when pasted) is just as unusable. */
function isUnusableLink(error: unknown): boolean {
  return isInvalidInvite(error) || (error instanceof ApiError && error.code === ErrorCode.InvalidRequest);
}

export function useInvite(token: string): { state: InviteState; markInvalid: () => void } {
  const [state, setState] = useState<InviteState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    invitesApi.get(token).then(
      (info) => live && setState({ status: 'ready', info }),
      (error: unknown) => {
        if (!live) return;
        setState(
          isUnusableLink(error) ? { status: 'invalid' } : { status: 'error', message: errorMessage(error) },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  const markInvalid = useCallback(() => setState({ status: 'invalid' }), []);
  return { state, markInvalid };
}
