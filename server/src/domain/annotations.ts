// What agents add to a conversation for each other: internal notes and tags. Visitors never see either.
import type { Activity, Agent, Conversation } from '@livechat/shared/model';
import type { Store } from '../store/index.js';
import { visibleConversation } from './access.js';
import type { Timeline } from './timeline.js';

export function createAnnotationService(store: Store, timeline: Timeline) {
  const visible = (agent: Agent, conversationId: string): Conversation =>
    visibleConversation(store, agent, conversationId);

  return {
    activities: (agent: Agent, conversationId: string): Activity[] =>
      store.activities.of(visible(agent, conversationId).id),

    addNote: (agent: Agent, conversationId: string, body: string): Promise<Activity> =>
      timeline.commit((unit) =>
        unit.activity(visible(agent, conversationId), {
          kind: 'note',
          actor: { id: agent.id, name: agent.name },
          text: body,
          data: null,
        }),
      ),

    /** Replaces the tags (deduplicated, in the given order). */
    setTags: (agent: Agent, conversationId: string, tags: string[]): Promise<Conversation> =>
      timeline.commit((unit) => {
        const before = visible(agent, conversationId);
        const unique = [...new Set(tags)];
        if (JSON.stringify(unique) === JSON.stringify(before.tags)) return before;
        const after = store.conversations.setTags(conversationId, unique)!;
        unit.changed(after);
        unit.activity(after, {
          kind: 'tags_changed',
          actor: { id: agent.id, name: agent.name },
          text: unique.length
            ? `${agent.name} set the tags: ${unique.join(', ')}`
            : `${agent.name} removed the tags`,
          data: { tags: unique },
        });
        return after;
      }),
  };
}
export type AnnotationService = ReturnType<typeof createAnnotationService>;
