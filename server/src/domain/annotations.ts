// What agents add to a conversation for each other: internal notes and tags. Visitors never see either.
import type { Activity, Agent, Conversation } from '@livechat/shared/model';
import type { Store } from './store.js';
import { visibleConversation } from './access.js';
import type { Timeline } from './timeline.js';

export function createAnnotationService(store: Store, timeline: Timeline) {
  const visible = (agent: Agent, conversationId: string): Promise<Conversation> =>
    visibleConversation(store, agent, conversationId);

  return {
    activities: async (agent: Agent, conversationId: string): Promise<Activity[]> =>
      store.activities.of((await visible(agent, conversationId)).id),

    addNote: (agent: Agent, conversationId: string, body: string): Promise<Activity> =>
      timeline.commit(
        async (unit) =>
          unit.activity(await visible(agent, conversationId), {
            kind: 'note',
            actor: { id: agent.id, name: agent.name },
            text: body,
            data: null,
          }),
        { conversationId },
      ),

    /** Replaces the tags (deduplicated, in the given order); one timeline entry says what was added and removed. */
    setTags: (agent: Agent, conversationId: string, tags: string[]): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // Locked first: a concurrent tag change (on another node) waits, so neither undoes the other unseen.
          await store.conversations.lock(conversationId);
          const before = await visible(agent, conversationId);
          const unique = [...new Set(tags)];
          if (JSON.stringify(unique) === JSON.stringify(before.tags)) return before;
          const after = (await store.conversations.setTags(conversationId, unique))!;
          unit.changed(after);
          const added = unique.filter((t) => !before.tags.includes(t));
          const removed = before.tags.filter((t) => !unique.includes(t));
          // A new order alone is no event.
          if (added.length + removed.length > 0)
            await unit.activity(after, {
              kind: 'tags_changed',
              actor: { id: agent.id, name: agent.name },
              text: `${agent.name} ${tagChange(added, removed)}`,
              data: { tags: unique, added, removed },
            });
          return after;
        },
        { conversationId },
      ),
  };
}
export type AnnotationService = ReturnType<typeof createAnnotationService>;

const tagList = (tags: string[]) => `${tags.length === 1 ? 'tag' : 'tags'} ${tags.join(', ')}`;

/** "added the tag pricing", "removed the tags a, b", "added the tag a and removed the tag b". */
export function tagChange(added: string[], removed: string[]): string {
  const parts = [
    ...(added.length ? [`added the ${tagList(added)}`] : []),
    ...(removed.length ? [`removed the ${tagList(removed)}`] : []),
  ];
  return parts.join(' and ');
}
