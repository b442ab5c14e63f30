// Visitor context: each page the widget reports is kept with the visitor's open conversation (the side panel's
// "Visitor"), and agents who may see that conversation are told at once. No open conversation: nothing is stored
// (the gateway reports the page again once the visitor starts one).
import type { Conversation, VisitorContext } from '@livechat/shared/model';
import type { EventBus } from '../events.js';
import type { Store, Visitor } from '../store.js';
import { nextContext, type PageSeen } from './next-context.js';

export { parseUserAgent } from './user-agent.js';
export { firstLanguage, type PageSeen } from './next-context.js';

export function createVisitorContextService(store: Store, events: EventBus, now: () => number) {
  return {
    /** The visitor opened a page: the context of their open conversation, or null when they have none. */
    async pageView(visitor: Visitor, seen: PageSeen): Promise<{ conversationId: string } | null> {
      const conversation = await store.conversations.openForVisitor(visitor.id);
      if (!conversation) return null;
      // A new conversation in the same session carries on from the visitor's last one (its pages and referrer).
      const previous =
        (await store.visitorContexts.of(conversation.id)) ??
        (await store.visitorContexts.latestOfVisitor(visitor.id));
      const context = nextContext(previous, seen, now());
      await store.visitorContexts.put(conversation.id, context);
      events.publish({ type: 'visitor.context.updated', conversation, context });
      return { conversationId: conversation.id };
    },

    /** For a conversation the caller may see (checked by the caller). */
    of: (conversation: Conversation): Promise<VisitorContext | null> =>
      store.visitorContexts.of(conversation.id),
  };
}
