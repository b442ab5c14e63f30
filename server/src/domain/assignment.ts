// Who works a conversation. "Assign to me" is a compare-and-set in the store, so when several agents click at
// once exactly one wins and the others learn who did. Every change is an event in the agents' timeline; when an
// agent takes the chat the visitor sees them join and the bot stops.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store } from './store.js';
import { isBotOnly } from '@livechat/shared/inbox';
import { agentCanSee, visibleConversation } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import type { Timeline, WriteUnit } from './timeline.js';

/** How long after a claim its losers learn who won: a click that raced it, not a later probe of a colleague's chat. */
const RACE_WINDOW_MS = 15_000;

export function createAssignmentService(store: Store, timeline: Timeline, runner: PlaybookRunner) {
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
    if (await agentCanSee(agent, current, store.sites)) return true;
    return (
      (await claimedMomentsAgo(current, now)) &&
      (await agentCanSee(agent, { ...current, assigneeId: null }, store.sites))
    );
  };

  async function openAndVisible(agent: Agent, conversationId: string): Promise<Conversation> {
    const conversation = await visibleConversation(store, agent, conversationId);
    if (conversation.status === 'closed')
      throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
    return conversation;
  }

  /** The new assignee joins: the visitor sees their name, the bot stops, the timeline records who did it. */
  async function joined(
    unit: WriteUnit,
    actor: Agent,
    assignee: Agent,
    before: Conversation,
    after: Conversation,
  ): Promise<void> {
    await runner.agentJoined(unit, after);
    unit.changed(after, before);
    if (before.assigneeId) await agentLeft(store, unit, after.id, before.assigneeId);
    const text =
      actor.id === assignee.id
        ? `${actor.name} assigned this conversation to themselves`
        : `${actor.name} assigned this conversation to ${assignee.name}`;
    await unit.activity(after, {
      kind: 'assigned',
      actor: { id: actor.id, name: actor.name },
      text,
      data: { assigneeId: assignee.id, assigneeName: assignee.name },
    });
    await unit.post(after.id, { kind: 'system', id: null, name: '' }, `${assignee.name} joined the chat`, {
      content: { type: 'agent_joined', agent: { id: assignee.id, name: assignee.name } },
    });
  }

  return {
    /** Takes an unassigned conversation; "Already taken by <name>." when a colleague was first. */
    assignToMe: (agent: Agent, conversationId: string): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // A bot-only conversation (the Bot folder) is claimed too, by whoever may see it: for others it is unknown.
          const target = await store.conversations.byId(conversationId);
          if (target && isBotOnly(target) && !(await agentCanSee(agent, target, store.sites)))
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
          await joined(unit, agent, agent, before, claimed);
          return claimed;
        },
        { conversationId },
      ),

    /** The "Assignee" combobox: hand the conversation to any active agent, or back to Unassigned (null). */
    setAssignee: (actor: Agent, conversationId: string, assigneeId: string | null): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // Locked first: concurrent changes of this conversation (on other nodes) wait for this unit's COMMIT.
          await store.conversations.lock(conversationId);
          const before = await openAndVisible(actor, conversationId);
          if (before.assigneeId === assigneeId) return before;
          const assignee = assigneeId === null ? null : await store.agents.byId(assigneeId);
          if (assigneeId !== null && (!assignee || !assignee.active))
            throw new DomainError(ErrorCode.InvalidRequest, 'No active agent has this id.');
          const after = (await store.conversations.setAssignee(conversationId, assigneeId, unit.now))!;
          if (assignee) {
            await joined(unit, actor, assignee, before, after);
          } else {
            unit.changed(after, before);
            if (before.assigneeId) await agentLeft(store, unit, after.id, before.assigneeId);
            await unit.activity(after, {
              kind: 'unassigned',
              actor: { id: actor.id, name: actor.name },
              text: `${actor.name} moved this conversation back to Unassigned`,
              data: null,
            });
          }
          return after;
        },
        { conversationId },
      ),
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;

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
      text: `Returned to Unassigned: ${agent.name} was deactivated`,
      data: { reason: 'deactivated', agentId: agent.id, agentName: agent.name },
    });
  }
}
