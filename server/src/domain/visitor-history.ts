// What a visitor's widget replays after `hello`: their recent conversations (closed ones stay readable, as in
// Intercom) or, on a resume, the rest of the one they were reading and any newer ones. Only the visitor's own
// conversations are ever named: a forged resume position is refused and replaced by their own history.
import type { Conversation } from '@livechat/shared/model';
import type { Store, Visitor } from './store.js';
import { visitorCanSee } from './access.js';

/** How many of a visitor's conversations a fresh page load shows (the open one included). */
export const HISTORY_CONVERSATIONS = 10;

/** Replay every message of `conversationId` with seq > `afterSeq`. */
export interface ReplayFrom {
  conversationId: string;
  afterSeq: number;
}

export interface ReplayPlan {
  /** Oldest first; the open conversation, if any, is last. */
  from: ReplayFrom[];
  /** The resume position named a conversation that is not the visitor's (or none that exists). */
  forged: boolean;
}

export function createVisitorHistory(store: Store) {
  /** The visitor's recent conversations, oldest first. */
  const recent = async (visitor: Visitor): Promise<Conversation[]> =>
    (await store.conversations.recentOfVisitor(visitor.id, HISTORY_CONVERSATIONS)).reverse();

  return {
    async plan(visitor: Visitor, resume?: ReplayFrom): Promise<ReplayPlan> {
      const conversations = await recent(visitor);
      const fresh = conversations.map((c) => ({ conversationId: c.id, afterSeq: 0 }));
      if (!resume) return { from: fresh, forged: false };
      const resumed = await store.conversations.byId(resume.conversationId);
      if (!resumed || !visitorCanSee(visitor, resumed)) return { from: fresh, forged: true };
      // The rest of the conversation the widget was showing, then every newer one from its start.
      const newer = conversations.filter(
        (c) =>
          c.createdAt > resumed.createdAt || (c.createdAt === resumed.createdAt && c.number > resumed.number),
      );
      return {
        from: [resume, ...newer.map((c) => ({ conversationId: c.id, afterSeq: 0 }))],
        forged: false,
      };
    },

    /** The visitor's open conversation now, if any. */
    openId: (visitor: Visitor): Promise<string | null> => store.conversations.openIdOfVisitor(visitor.id),
  };
}
export type VisitorHistory = ReturnType<typeof createVisitorHistory>;
