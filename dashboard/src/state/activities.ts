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

/**
 * Messages (in seq order) and activities (oldest first) merged by time. On equal times the message comes first:
 * an event is recorded with or after what caused it.
 */
export function timelineItems(messages: readonly Message[], activities: readonly Activity[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let a = 0;
  for (const message of messages) {
    while (a < activities.length && activities[a]!.createdAt < message.createdAt)
      items.push({ kind: 'activity', activity: activities[a++]! });
    items.push({ kind: 'message', message });
  }
  while (a < activities.length) items.push({ kind: 'activity', activity: activities[a++]! });
  return items;
}
