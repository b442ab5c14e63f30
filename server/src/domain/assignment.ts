// Who works a conversation. "Assign to me" is a compare-and-set in the store, so when several agents click at
// once exactly one wins and the others learn who did. Every change is an event in the agents' timeline; when an
// agent takes the chat the visitor sees them join and the bot stops.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Team } from '@livechat/shared/api';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store } from './store.js';
import { agentCanSee, visibleConversation } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import type { Timeline, WriteUnit } from './timeline.js';
import type { Routing } from './routing.js';

/** How long after a claim its losers learn who won: a click that raced it, not a later probe of a colleague's chat. */
const RACE_WINDOW_MS = 15_000;

/** Where the "Assignee" combobox puts a conversation: an agent, or a queue (a team's, or everyone's: null). */
export type AssigneeTarget = { agentId: string } | { teamId: string | null };

export function createAssignmentService(
  store: Store,
  timeline: Timeline,
  runner: PlaybookRunner,
  routing: Pick<Routing, 'queued'>,
) {
  /**
   * The holder claimed it moments ago with "Assign to me": read from the stored timeline (not process memory), so
   * it holds after a restart and on whichever node the losing click lands.
   */
  const claimedMomentsAgo = async (current: Conversation, now: number) => {
    const last = (await store.activities.of(current.id)).findLast((a) => a.kind === 'assigned');
    return (
      last !== undefined &&
      last.actor?.id === current.assigneeId &&
      last.data?.assigneeId === current.assigneeId &&
      now - last.createdAt <= RACE_WINDOW_MS
    );
  };
  /**
   * Who holds it is told to those who see it anyway (admins) and to whoever just lost the race: they saw it in
   * Unassigned and a colleague took it moments ago. A later probe of a colleague's chat is answered as unknown.
   */
  const mayLearnHolder = async (agent: Agent, current: Conversation, now: number) => {
    if (current.status !== 'open') return false;
    if (await agentCanSee(agent, current, store)) return true;
    return (
      (await claimedMomentsAgo(current, now)) &&
      (await agentCanSee(agent, { ...current, assigneeId: null }, store))
    );
  };

  async function openAndVisible(agent: Agent, conversationId: string): Promise<Conversation> {
    const conversation = await visibleConversation(store, agent, conversationId);
    if (conversation.status === 'closed')
      throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
    return conversation;
  }

  const joined = createJoinChat(store, runner);

  return {
    /** Takes an unassigned conversation; "Already taken by <name>." when a colleague was first. */
    assignToMe: (agent: Agent, conversationId: string): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // A bot-only conversation (the Bot folder) or one in a team's queue is claimed by whoever may see it: for
          // others it is unknown.
          const target = await store.conversations.byId(conversationId);
          if (target?.assigneeId === null && !(await agentCanSee(agent, target, store)))
            throw notFound('Conversation');
          const claimed = await store.conversations.claim(conversationId, agent.id, unit.now);
          if (!claimed) {
            // Read again: on PostgreSQL the winner may have committed between the read above and the claim.
            const current = await store.conversations.byId(conversationId);
            if (current?.assigneeId === agent.id) return current;
            // Whoever just lost the race may learn who was faster; anything else (a probe) stays not-found.
            if (current?.assigneeId && (await mayLearnHolder(agent, current, unit.now))) {
              const holder = await store.agents.byId(current.assigneeId);
              throw new DomainError(
                ErrorCode.AlreadyAssigned,
                `Already taken by ${holder?.name ?? 'a colleague'}.`,
              );
            }
            await openAndVisible(agent, conversationId); // throws the fitting not-found or closed
            throw new DomainError(ErrorCode.Conflict, 'This conversation cannot be assigned now.');
          }
          const before = { ...claimed, assigneeId: null };
          await joined(unit, { actor: agent }, agent, before, claimed);
          return claimed;
        },
        { conversationId },
      ),

    /**
     * The "Assignee" combobox: hand the conversation to any active agent (`agentId`; it stays filed under its team),
     * or put it in a queue (`teamId`: a team's, where its routing applies; null: everyone's Unassigned).
     */
    setAssignee: (actor: Agent, conversationId: string, target: AssigneeTarget): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // Locked first: concurrent changes of this conversation (on other nodes) wait for this unit's COMMIT.
          await store.conversations.lock(conversationId);
          const before = await openAndVisible(actor, conversationId);
          if ('agentId' in target) {
            if (before.assigneeId === target.agentId) return before;
            const assignee = await store.agents.byId(target.agentId);
            if (!assignee?.active)
              throw new DomainError(ErrorCode.InvalidRequest, 'No active agent has this id.', 'assigneeId');
            const after = (await store.conversations.setAssignee(conversationId, assignee.id, unit.now))!;
            await joined(unit, { actor }, assignee, before, after);
            return after;
          }
          const team = target.teamId === null ? null : await store.teams.byId(target.teamId);
          if (target.teamId !== null && !team)
            throw new DomainError(ErrorCode.InvalidRequest, 'No team has this id.', 'teamId');
          if (before.assigneeId === null && before.teamId === target.teamId && before.queuedAt !== null)
            return before;
          const after = (await store.conversations.setQueue(conversationId, target.teamId, unit.now))!;
          unit.changed(after, before);
          if (before.assigneeId) await agentLeft(store, unit, after.id, before.assigneeId);
          await unit.activity(after, {
            kind: 'unassigned',
            actor: { id: actor.id, name: actor.name },
            text: team
              ? `${actor.name} moved this conversation to the ${team.name} queue`
              : `${actor.name} moved this conversation back to Unassigned`,
            data: team && { teamId: team.id, teamName: team.name },
          });
          routing.queued(unit, after);
          return after;
        },
        { conversationId },
      ),
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;

/** Who gave the chat to its new assignee: an agent (themselves or a colleague), or a team's automatic routing. */
export type AssignedBy = { actor: Agent } | { team: Pick<Team, 'id' | 'name'> };
export type JoinChat = ReturnType<typeof createJoinChat>;

/** The new assignee joins: the visitor sees their name, the bot stops, the timeline records who did it. */
export function createJoinChat(store: Store, runner: PlaybookRunner) {
  return async (
    unit: WriteUnit,
    by: AssignedBy,
    assignee: Agent,
    before: Conversation,
    after: Conversation,
  ): Promise<void> => {
    await runner.agentJoined(unit, after);
    unit.changed(after, before);
    if (before.assigneeId) await agentLeft(store, unit, after.id, before.assigneeId);
    const actor = 'actor' in by ? by.actor : null;
    const text = !actor
      ? `${'team' in by ? by.team.name : 'The team'} assigned this conversation to ${assignee.name} automatically`
      : actor.id === assignee.id
        ? `${actor.name} assigned this conversation to themselves`
        : `${actor.name} assigned this conversation to ${assignee.name}`;
    await unit.activity(after, {
      kind: 'assigned',
      actor: actor && { id: actor.id, name: actor.name },
      text,
      data: {
        assigneeId: assignee.id,
        assigneeName: assignee.name,
        ...('team' in by && { teamId: by.team.id, teamName: by.team.name }),
      },
    });
    await unit.post(after.id, { kind: 'system', id: null, name: '' }, `${assignee.name} joined the chat`, {
      content: { type: 'agent_joined', agent: { id: assignee.id, name: assignee.name } },
    });
  };
}

/** The visitor sees the agent who had the conversation leave it (handed on, unassigned, deactivated). */
async function agentLeft(
  store: Store,
  unit: WriteUnit,
  conversationId: string,
  agentId: string,
): Promise<void> {
  const name = (await store.agents.byId(agentId))?.name ?? 'The agent';
  await unit.post(conversationId, { kind: 'system', id: null, name: '' }, `${name} left the chat`, {
    content: { type: 'agent_left', agent: { id: agentId, name } },
  });
}

/**
 * A deactivated agent's open conversations go back to Unassigned, inside the deactivation's unit of work: the
 * visitor sees them leave, the timeline says why, and agents hear of each chat as of a new one.
 */
export async function returnChatsOfDeactivated(store: Store, unit: WriteUnit, agent: Agent): Promise<void> {
  for (const { id } of await store.conversations.openAssignedTo(agent.id)) {
    // Locked, then read again: on another node it may have been closed or handed on meanwhile.
    await store.conversations.lock(id);
    const before = await store.conversations.byId(id);
    if (before?.status !== 'open' || before.assigneeId !== agent.id) continue;
    const after = (await store.conversations.setAssignee(id, null, unit.now))!;
    unit.changed(after, before);
    await agentLeft(store, unit, after.id, agent.id);
    await unit.activity(after, {
      kind: 'unassigned',
      actor: null,
      text: `Returned to ${after.teamId ? 'the team’s queue' : 'Unassigned'}: ${agent.name} was deactivated`,
      data: { reason: 'deactivated', agentId: agent.id, agentName: agent.name },
    });
  }
}
