// Invite links: an agent added without a password gets a single-use, expiring link to choose one and sign in.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent } from '@livechat/shared/model';
import { NO_PASSWORD, publicAgent } from './agents.js';
import type { AuthService, Session } from './auth.js';
import { DomainError, notFound } from './errors.js';
import { hashPassword } from './passwords.js';
import type { AgentWithHash, Store } from './store.js';
import { hashToken, newToken } from './tokens.js';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface IssuedInvite {
  token: string;
  expiresAt: number;
}

export function createInviteService(store: Store, auth: AuthService, now: () => number) {
  /** The invited, active agent a live invite token belongs to; otherwise not-found, whatever the reason. */
  async function pendingAgent(token: string): Promise<{ agent: AgentWithHash; expiresAt: number }> {
    const invite = await store.invites.byHash(hashToken(token));
    const agent = invite && invite.expires_at > now() ? await store.agents.byId(invite.agent_id) : null;
    if (!invite || !agent || !agent.active || agent.passwordHash !== NO_PASSWORD) throw notFound('Invite');
    return { agent, expiresAt: invite.expires_at };
  }

  return {
    /** A new link for an invited agent; earlier links stop working. Call inside a transaction with the agent's write. */
    async issue(agentId: string): Promise<IssuedInvite> {
      const agent = await store.agents.byId(agentId);
      if (!agent) throw notFound('Agent');
      if (agent.passwordHash !== NO_PASSWORD) {
        throw new DomainError(ErrorCode.Conflict, 'This agent has already signed up.');
      }
      const token = newToken();
      const expiresAt = now() + INVITE_TTL_MS;
      await store.invites.removeForAgent(agentId);
      await store.invites.insert(hashToken(token), agentId, now(), expiresAt);
      return { token, expiresAt };
    },

    async info(token: string): Promise<{ name: string; email: string; expiresAt: number }> {
      const { agent, expiresAt } = await pendingAgent(token);
      return { name: agent.name, email: agent.email, expiresAt };
    },

    /** Sets the agent's password, uses up the invite and signs them in. */
    async accept(token: string, password: string): Promise<{ agent: Agent } & Session> {
      await pendingAgent(token); // refuse before spending time on the hash
      const passwordHash = await hashPassword(password);
      const agent = await store.transaction(async () => {
        // Still valid after the await, and still once the agent is locked (two accepts of one link: one wins).
        await store.agents.lock((await pendingAgent(token)).agent.id);
        const { agent: pending } = await pendingAgent(token);
        const accepted = { ...pending, passwordHash };
        await store.agents.update(accepted);
        await store.invites.removeForAgent(accepted.id);
        return accepted;
      });
      return { agent: publicAgent(agent), ...(await auth.startSession(agent.id)) };
    },
  };
}
export type InviteService = ReturnType<typeof createInviteService>;
