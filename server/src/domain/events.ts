// In-process domain events. The gateway subscribes and fans them out to the sockets allowed to see them.
import type { Conversation, Message } from '@livechat/shared/model';

export type DomainEvent =
  | { type: 'message.created'; message: Message; conversation: Conversation }
  | { type: 'conversation.updated'; conversation: Conversation }
  /** The agent's sessions were ended (deactivated, or signed out): their sockets must close. */
  | { type: 'agent.revoked'; agentId: string };

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
