// Conversations the agent lost sight of while holding them (handed to a colleague, or taken by one first): what the
// inbox still knows about why, so the open view can say so, and when they may come back.
import type { Conversation } from '@livechat/shared/model';

export interface Gone {
  /** Who has it now, when the agent's own action told (they handed it on); null when unknown. */
  assigneeId: string | null;
  /** The server's words when the agent's own action learnt it ("Already taken by Ann."); null otherwise. */
  notice: string | null;
  /** The last change known when it went: a copy no newer than this is stale and does not bring it back. */
  since: number;
}

export type GoneMap = ReadonlyMap<string, Gone>;

/** Records (or completes) why a conversation went; what is already known stays unless told better. */
export function markGone(map: GoneMap, id: string, news: Partial<Gone>): GoneMap {
  const held = map.get(id);
  const next = new Map(map);
  next.set(id, {
    assigneeId: news.assigneeId ?? held?.assigneeId ?? null,
    notice: news.notice ?? held?.notice ?? null,
    since: Math.max(news.since ?? 0, held?.since ?? 0),
  });
  return next;
}

export function unmarkGone(map: GoneMap, id: string): GoneMap {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
  return next;
}

/** A copy of a gone conversation newer than its going: the agent may see it again (given back, or unassigned). */
export const isNewerThanGone = (map: GoneMap, c: Conversation): boolean => {
  const gone = map.get(c.id);
  return !gone || c.updatedAt > gone.since;
};
