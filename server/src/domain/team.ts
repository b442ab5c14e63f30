// Team management by admins: add agents, change roles, deactivate (which ends their sessions and sockets at once,
// and returns their open chats to Unassigned).
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { CreateAgentBody, UpdateAgentBody } from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { NO_PASSWORD, publicAgent } from './agents.js';
import type { InviteService, IssuedInvite } from './invites.js';
import { DomainError, notFound } from './errors.js';
import { returnChatsOfDeactivated } from './assignment.js';
import type { EventBus } from './events.js';
import { hashPassword } from './passwords.js';
import type { Timeline } from './timeline.js';
import { newId } from './tokens.js';
import { isUniqueViolation, type Store } from './store.js';

const emailTaken = () => new DomainError(ErrorCode.EmailTaken, 'An agent with this email already exists.');

export function createTeamService(
  store: Store,
  events: EventBus,
  invites: InviteService,
  now: () => number,
  timeline: Timeline,
) {
  return {
    list: async (): Promise<Agent[]> => (await store.agents.all()).map(publicAgent),

    /** Adds an agent; without a password they are invited, and the invite link's token comes back. */
    async create(input: CreateAgentBody): Promise<{ agent: Agent; invite?: IssuedInvite }> {
      const passwordHash = input.password ? await hashPassword(input.password) : NO_PASSWORD;
      const email = input.email.toLowerCase();
      return store.transaction(async () => {
        if (await store.agents.byEmail(email)) throw emailTaken();
        const agent = {
          id: newId(),
          email,
          name: input.name,
          role: input.role,
          active: true,
          createdAt: now(),
          passwordHash,
        };
        try {
          await store.agents.insert(agent);
        } catch (err) {
          // Added at the same time by another request (the lookup above cannot see its uncommitted row).
          if (isUniqueViolation(err)) throw emailTaken();
          throw err;
        }
        const invite = passwordHash === NO_PASSWORD ? await invites.issue(agent.id) : undefined;
        return { agent: publicAgent(agent), ...(invite ? { invite } : {}) };
      });
    },

    /** A fresh invite link for an agent who has not signed up yet. */
    reinvite: (id: string): Promise<IssuedInvite> => store.transaction(() => invites.issue(id)),

    async update(id: string, changes: UpdateAgentBody): Promise<Agent> {
      const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
      // One unit of work: the deactivation and the return of the agent's chats to Unassigned commit together.
      const { agent, revoked } = await timeline.commit(async (unit) => {
        // Locked before reading (admins first, always in this order): concurrent changes on other nodes wait.
        if (changes.role === 'agent' || changes.active === false) await store.agents.lockActiveAdmins();
        await store.agents.lock(id);
        const current = await store.agents.byId(id);
        if (!current) throw notFound('Agent');
        const next = {
          ...current,
          name: changes.name ?? current.name,
          role: changes.role ?? current.role,
          active: changes.active ?? current.active,
          passwordHash: passwordHash ?? current.passwordHash,
        };
        const losesAdmin =
          current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active);
        if (losesAdmin && (await store.agents.activeAdminCount()) <= 1) {
          throw new DomainError(
            ErrorCode.LastAdmin,
            'The last active admin cannot be demoted or deactivated.',
          );
        }
        await store.agents.update(next);
        const revoked = current.active && !next.active;
        // A password reset ends every session too: whoever held the old password is signed out.
        if (revoked || passwordHash) await store.sessions.removeForAgent(id);
        if (revoked) {
          await returnChatsOfDeactivated(store, unit, publicAgent(next));
          await store.teams.removeAgent(id); // nobody routes to a deactivated agent
        }
        return { agent: publicAgent(next), revoked };
      });
      // Open sockets act for the agent as they are now: closed when deactivated, updated otherwise (e.g. a new role).
      events.publish(revoked ? { type: 'agent.revoked', agentId: id } : { type: 'agent.updated', agent });
      if (passwordHash && !revoked) events.publish({ type: 'sessions.ended', agentId: id });
      return agent;
    },
  };
}
export type TeamService = ReturnType<typeof createTeamService>;
