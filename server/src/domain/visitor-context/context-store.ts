import type { VisitorContext } from '@livechat/shared/model';

/** What visitor context needs from storage: one context per conversation. */
export interface VisitorContextStore {
  /** The context kept with the conversation, if any. */
  of(conversationId: string): Promise<VisitorContext | null>;
  /** The most recently written context of any of the visitor's conversations (a session may outlive one). */
  latestOfVisitor(visitorId: string): Promise<VisitorContext | null>;
  /** Creates or replaces the conversation's context. */
  put(conversationId: string, context: VisitorContext): Promise<void>;
}
