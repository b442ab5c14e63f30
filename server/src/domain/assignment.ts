// Who works a conversation. "Assign to me" is a compare-and-set in the store, so when several agents click at
// once exactly one wins and the others learn who did. Every change is an event in the agents' timeline; when an
// agent takes the chat the visitor sees them join and the bot stops.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store } from '../store/index.js';
import { visibleConversation } from './access.js';
import { DomainError } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import type { Timeline, WriteUnit } from './timeline.js';

export function createAssignmentService(store: Store, timeline: Timeline, runner: PlaybookRunner) {
  function openAndVisible(agent: Agent, conversationId: string): Conversation {
    const conversation = visibleConversation(store, agent, conversationId);
    if (conversation.status === 'closed')
      throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
    return conversation;
  }

  /** The new assignee joins: the visitor sees their name, the bot stops, the timeline records who did it. */
  function joined(unit: WriteUnit, actor: Agent, assignee: Agent, before: Conversation, after: Conversation) {
    runner.agentJoined(unit, after);
    unit.changed(after, before);
    const text =
      actor.id === assignee.id
        ? `${actor.name} assigned this conversation to themselves`
        : `${actor.name} assigned this conversation to ${assignee.name}`;
    unit.activity(after, {
      kind: 'assigned',
      actor: { id: actor.id, name: actor.name },
      text,
      data: { assigneeId: assignee.id, assigneeName: assignee.name },
    });
    unit.post(after.id, { kind: 'system', id: null, name: '' }, `${assignee.name} joined the chat`, {
      content: { type: 'agent_joined', agent: { id: assignee.id, name: assignee.name } },
    });
  }

  return {
    /** Takes an unassigned conversation; "Already taken by <name>." when a colleague was first. */
    assignToMe: (agent: Agent, conversationId: string): Promise<Conversation> =>
      timeline.commit((unit) => {
        const claimed = store.conversations.claim(conversationId, agent.id, unit.now);
        if (!claimed) {
          const current = store.conversations.byId(conversationId);
          if (current?.assigneeId === agent.id) return current;
          // Whoever saw it in Unassigned may learn who was faster; anything else stays not-found.
          if (current?.assigneeId && current.queuedAt !== null && current.status === 'open' && agent.active) {
            const holder = store.agents.byId(current.assigneeId);
            throw new DomainError(
              ErrorCode.AlreadyAssigned,
              `Already taken by ${holder?.name ?? 'a colleague'}.`,
            );
          }
          openAndVisible(agent, conversationId); // throws the fitting not-found or closed
          throw new DomainError(ErrorCode.Conflict, 'This conversation cannot be assigned now.');
        }
        const before = { ...claimed, assigneeId: null };
        joined(unit, agent, agent, before, claimed);
        return claimed;
      }),

    /** The "Assignee" combobox: hand the conversation to any active agent, or back to Unassigned (null). */
    setAssignee: (actor: Agent, conversationId: string, assigneeId: string | null): Promise<Conversation> =>
      timeline.commit((unit) => {
        const before = openAndVisible(actor, conversationId);
        if (before.assigneeId === assigneeId) return before;
        const assignee = assigneeId === null ? null : store.agents.byId(assigneeId);
        if (assigneeId !== null && (!assignee || !assignee.active))
          throw new DomainError(ErrorCode.InvalidRequest, 'No active agent has this id.');
        const after = store.conversations.setAssignee(conversationId, assigneeId, unit.now)!;
        if (assignee) {
          joined(unit, actor, assignee, before, after);
        } else {
          unit.changed(after, before);
          unit.activity(after, {
            kind: 'unassigned',
            actor: { id: actor.id, name: actor.name },
            text: `${actor.name} moved this conversation back to Unassigned`,
            data: null,
          });
        }
        return after;
      }),
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;
