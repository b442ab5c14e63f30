// In-process domain events. The gateway subscribes and fans them out to the sockets allowed to see them.
import type { Activity, Agent, Conversation, Message } from '@livechat/shared/model';

export type DomainEvent =
  | { type: 'message.created'; message: Message; conversation: Conversation }
  /** `before`: the conversation as it was, so agents who can no longer see it are told it is gone. */
  | { type: 'conversation.updated'; conversation: Conversation; before?: Conversation }
  /** A note or event in the agents-only timeline. */
  | { type: 'activity.created'; activity: Activity; conversation: Conversation }
  /** The agent's sessions were ended (deactivated, or signed out): their sockets must close. */
  | { type: 'agent.revoked'; agentId: string }
  /** The agent's name or role changed: their open sockets must see and be checked as the new agent. */
  | { type: 'agent.updated'; agent: Agent }
  /** Whether at least one agent is available changed: widgets show it. */
  | { type: 'presence.changed'; online: boolean };

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
