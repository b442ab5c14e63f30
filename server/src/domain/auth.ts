// Agent sign-in and sessions. Session tokens are random, stored hashed, and end when the agent is deactivated.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent } from '@livechat/shared/model';
import { publicAgent, type Store } from '../store/index.js';
import { DomainError } from './errors.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Session {
  token: string;
  expiresAt: number;
}

export function createAuthService(store: Store, now: () => number) {
  function startSession(agentId: string): Session {
    const token = newToken();
    const createdAt = now();
    const expiresAt = createdAt + SESSION_TTL_MS;
    store.sessions.insert(hashToken(token), agentId, createdAt, expiresAt);
    return { token, expiresAt };
  }

  return {
    async login(
      email: string,
      password: string,
    ): Promise<{ agent: Agent; token: string; expiresAt: number }> {
      const found = store.agents.byEmail(email.trim().toLowerCase());
      const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
      if (!found || !ok || !found.active) {
        throw new DomainError(ErrorCode.InvalidCredentials, 'Email or password is incorrect.');
      }
      return { agent: publicAgent(found), ...startSession(found.id) };
    },

    startSession,

    /** The active agent behind a session token, or null when unknown, expired or deactivated. */
    authenticate(token: string | undefined): Agent | null {
      if (!token) return null;
      const session = store.sessions.byHash(hashToken(token));
      if (!session || session.expires_at <= now()) return null;
      const agent = store.agents.byId(session.agent_id);
      return agent?.active ? publicAgent(agent) : null;
    },

    logout(token: string | undefined): void {
      if (token) store.sessions.remove(hashToken(token));
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
