// In-process domain events. The gateway subscribes and fans them out to the sockets allowed to see them.
import type { Activity, Agent, Conversation, Message } from '@livechat/shared/model';
import type { ReadPosition } from './receipts/read-position-store.js';
import type { VisitorContext } from '@livechat/shared/model';

export type DomainEvent =
  | { type: 'message.created'; message: Message; conversation: Conversation }
  /** A message changed after it was created (an SMS delivery report): agents who may see it get it again. */
  | { type: 'message.updated'; message: Message; conversation: Conversation }
  /** `before`: the conversation as it was, so agents who can no longer see it are told it is gone. */
  | { type: 'conversation.updated'; conversation: Conversation; before?: Conversation }
  /** A note or event in the agents-only timeline. */
  | { type: 'activity.created'; activity: Activity; conversation: Conversation }
  /** The visitor of the conversation opened a page (or reconnected): agents who may see it get the context. */
  | { type: 'visitor.context.updated'; conversation: Conversation; context: VisitorContext }
  /** The agent was deactivated: every session of theirs ended and their sockets must close. */
  | { type: 'agent.revoked'; agentId: string }
  /**
   * Sessions of the agent ended (sign-out, password change or reset): the sockets opened with them close (4010).
   * `sessionHashes`: only these; `exceptHash`: all but this one; neither: every session of the agent.
   */
  | { type: 'sessions.ended'; agentId: string; sessionHashes?: string[]; exceptHash?: string }
  /** The agent's name or role changed: their open sockets must see and be checked as the new agent. */
  | { type: 'agent.updated'; agent: Agent }
  /** Whether at least one agent is available changed: widgets show it. */
  | { type: 'presence.changed'; online: boolean }
  /**
   * An admin deleted the conversation (erasure), as it was before: it leaves the lists of agents who could see it,
   * and its visitor's widgets reconnect without it.
   */
  | { type: 'conversation.deleted'; conversation: Conversation }
  /** An admin deleted the contact (erasure): their widgets' token is gone. Their conversations' events follow. */
  | { type: 'contact.deleted'; visitorId: string }
  /**
   * An admin merged contact `fromId` into `intoId` (its row is gone). `tokenMoved`: its widget token opens `intoId`
   * now, so its widgets reconnect; otherwise the token went with the row.
   */
  | { type: 'contact.merged'; fromId: string; intoId: string; tokenMoved: boolean }
  /** Someone is typing (or stopped) in the conversation: relayed to the other side, never stored. */
  | { type: 'typing'; conversation: Conversation; from: Typist; typing: boolean; text?: string }
  /** A read position moved (see receipts/): the visitor's and the team's go to both sides, an agent's to them. */
  | { type: 'read.moved'; conversation: Conversation; position: ReadPosition };

/** Who is typing: the visitor, or an agent (by name, as the other side shows them). */
export interface Typist {
  kind: 'visitor' | 'agent';
  id: string;
  name: string;
}

export type EventListener = (event: DomainEvent) => void;

export function createEventBus() {
  const listeners = new Set<EventListener>();
  return {
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(event: DomainEvent): void {
      for (const listener of listeners) listener(event);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
