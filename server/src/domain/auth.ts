// Agent sign-in and sessions. Session tokens are random and stored hashed. A session ends at sign-out, when the
// agent is deactivated or their password is reset, and (all but the current one) when they change their password;
// a `sessions.ended` event then closes the sockets opened with it.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent } from '@livechat/shared/model';
import { publicAgent } from './agents.js';
import { DomainError } from './errors.js';
import type { EventBus } from './events.js';
import type { Store } from './store.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Session {
  token: string;
  expiresAt: number;
}

/** A signed-in agent and the hash of the session token they used, which identifies the session. */
export interface AgentSession {
  agent: Agent;
  sessionHash: string;
}

export function createAuthService(store: Store, events: EventBus, now: () => number) {
  async function startSession(agentId: string): Promise<Session> {
    const token = newToken();
    const createdAt = now();
    const expiresAt = createdAt + SESSION_TTL_MS;
    await store.sessions.insert(hashToken(token), agentId, createdAt, expiresAt);
    return { token, expiresAt };
  }

  async function agentOfSession(sessionHash: string): Promise<Agent | null> {
    const session = await store.sessions.byHash(sessionHash);
    if (!session || session.expires_at <= now()) return null;
    const agent = await store.agents.byId(session.agent_id);
    return agent?.active ? publicAgent(agent) : null;
  }

  return {
    async login(
      email: string,
      password: string,
    ): Promise<{ agent: Agent; token: string; expiresAt: number }> {
      const found = await store.agents.byEmail(email.trim().toLowerCase());
      const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
      if (!found || !ok || !found.active) {
        throw new DomainError(ErrorCode.InvalidCredentials, 'Email or password is incorrect.');
      }
      return { agent: publicAgent(found), ...(await startSession(found.id)) };
    },

    startSession,

    /** The active agent behind a session token, or null when unknown, expired or deactivated. */
    authenticate(token: string | undefined): Promise<Agent | null> {
      return token ? agentOfSession(hashToken(token)) : Promise.resolve(null);
    },

    /** Like authenticate, with the session's hash: a socket remembers it to close when the session ends. */
    async session(token: string | undefined): Promise<AgentSession | null> {
      if (!token) return null;
      const sessionHash = hashToken(token);
      const agent = await agentOfSession(sessionHash);
      return agent ? { agent, sessionHash } : null;
    },

    /** The active agent while the session with this hash lasts, else null (a socket checks before acting). */
    agentOfSession,

    /** Ends this session; the sockets opened with it close. */
    async logout(token: string | undefined): Promise<void> {
      if (!token) return;
      const sessionHash = hashToken(token);
      const session = await store.sessions.byHash(sessionHash);
      if (!session) return;
      await store.sessions.remove(sessionHash);
      events.publish({ type: 'sessions.ended', agentId: session.agent_id, sessionHashes: [sessionHash] });
    },

    /** Ends every session of the agent, or all but `exceptHash` (the one that changed the password). */
    async endSessions(agentId: string, exceptHash?: string): Promise<void> {
      if (exceptHash === undefined) await store.sessions.removeForAgent(agentId);
      else await store.sessions.removeForAgentExcept(agentId, exceptHash);
      events.publish({ type: 'sessions.ended', agentId, ...(exceptHash ? { exceptHash } : {}) });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
