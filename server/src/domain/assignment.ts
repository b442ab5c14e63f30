// Who works a conversation. "Assign to me" is a compare-and-set in the store, so when several agents click at
// once exactly one wins; the others learn who did.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store } from '../store/index.js';
import { agentCanSee } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import type { Timeline } from './timeline.js';

export function createAssignmentService(store: Store, timeline: Timeline, runner: PlaybookRunner) {
  return {
    /** Takes an unassigned conversation; the visitor sees "<name> joined the chat" and the bot stops. */
    assignToMe: (agent: Agent, conversationId: string): Promise<Conversation> =>
      timeline.commit((unit) => {
        const before = store.conversations.byId(conversationId);
        if (!before || !agentCanSee(agent, before)) throw notFound('Conversation');
        if (before.status === 'closed')
          throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
        const claimed = store.conversations.claim(conversationId, agent.id, unit.now);
        if (!claimed) {
          const holder = before.assigneeId ? store.agents.byId(before.assigneeId) : null;
          if (before.assigneeId === agent.id) return before;
          throw new DomainError(
            ErrorCode.AlreadyAssigned,
            holder ? `Already taken by ${holder.name}.` : 'This conversation cannot be assigned now.',
          );
        }
        runner.agentJoined(unit, claimed);
        unit.changed(claimed);
        unit.post(claimed.id, { kind: 'system', id: null, name: '' }, `${agent.name} joined the chat`, {
          content: { type: 'agent_joined', agent: { id: agent.id, name: agent.name } },
        });
        return claimed;
      }),
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;
