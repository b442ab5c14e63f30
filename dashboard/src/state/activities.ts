// Pure helpers for a conversation's agents-only timeline (notes and events) and how it interleaves with messages.
import type { Activity, Message } from '@livechat/shared/model';

const byTime = (a: Activity, b: Activity) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** Adds activities not held yet (by id), oldest first. Returns the same array when nothing is new. */
export function mergeActivities(
  held: readonly Activity[],
  incoming: readonly Activity[],
): readonly Activity[] {
  const ids = new Set(held.map((a) => a.id));
  const fresh: Activity[] = [];
  for (const a of incoming) {
    if (ids.has(a.id)) continue;
    ids.add(a.id);
    fresh.push(a);
  }
  return fresh.length === 0 ? held : [...held, ...fresh].sort(byTime);
}

export type TimelineItem = { kind: 'message'; message: Message } | { kind: 'activity'; activity: Activity };

/** A system message and the activity recorded with it come from one write: the same time, give or take. */
const SAME_EVENT_MS = 500;

/**
 * Whether an activity already tells what this system message tells the visitor: "Ann joined the chat" beside "Ann
 * assigned this conversation to …", "Ann left the chat" beside the (un)assignment that made her leave, "The chat
 * was closed." beside "… closed the conversation". The activity says more (who did it), so it is the one kept.
 */
export function toldByActivity(m: Message, activities: readonly Activity[]): boolean {
  const content = m.content;
  if (m.author.kind !== 'system' || !content) return false;
  const near = (a: Activity) => Math.abs(a.createdAt - m.createdAt) <= SAME_EVENT_MS;
  switch (content.type) {
    case 'agent_joined':
      return activities.some(
        (a) => near(a) && a.kind === 'assigned' && a.data?.['assigneeId'] === content.agent.id,
      );
    case 'agent_left':
      return activities.some((a) => near(a) && (a.kind === 'assigned' || a.kind === 'unassigned'));
    case 'closed':
      return activities.some((a) => near(a) && a.kind === 'closed');
    case 'waiting':
    case 'rich':
    case 'question':
    case 'invalid_answer':
      return false;
  }
}

/**
 * Messages (in seq order) and activities (oldest first) merged by time, each thing told once (see `toldByActivity`).
 * On equal times the message comes first: an event is recorded with or after what caused it.
 */
export function timelineItems(messages: readonly Message[], activities: readonly Activity[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let a = 0;
  for (const message of messages) {
    if (toldByActivity(message, activities)) continue;
    while (a < activities.length && activities[a]!.createdAt < message.createdAt)
      items.push({ kind: 'activity', activity: activities[a++]! });
    items.push({ kind: 'message', message });
  }
  while (a < activities.length) items.push({ kind: 'activity', activity: activities[a++]! });
  return items;
}
