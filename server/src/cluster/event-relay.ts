// Domain events across nodes: what one node publishes reaches the others' sockets through Redis pub/sub, and each
// receiving node applies its own privacy rules (the hub decides per socket, as for local events). Pub/sub is not
// storage: a node that may have missed events (its subscription dropped, or a peer could not publish for a while)
// asks its clients to reconnect, and they resume from the database by `seq`.
import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventBus } from '../domain/index.js';
import type { RedisClient } from './redis.js';

/** What travels on the channel: an event, or a peer's word that some of its events were lost. */
type Envelope = { node: string; event: DomainEvent } | { node: string; resync: true };

/** Each node tells its own widgets whether anyone is available (it computes that itself from shared presence). */
const NODE_LOCAL: ReadonlySet<DomainEvent['type']> = new Set(['presence.changed']);

export interface EventRelayOptions {
  /** The deployment's name in Redis: nodes relay to nodes of the same namespace only. */
  namespace: string;
  publisher: RedisClient;
  subscriber: RedisClient;
  /** Events may have been missed: the node's clients must reconnect and resume from the database. */
  onResync: () => void;
  onError?: (error: unknown) => void;
}

export interface EventRelay {
  readonly nodeId: string;
  stop(): Promise<void>;
}

export async function relayEvents(
  events: EventBus,
  { namespace, publisher, subscriber, onResync, onError = () => {} }: EventRelayOptions,
): Promise<EventRelay> {
  const nodeId = randomUUID();
  const CHANNEL = `${namespace}:events`;
  /** True while remote events are handed to local listeners, so they are not sent back out. */
  let delivering = false;
  /** A publish failed: once Redis is back, peers must resync (they missed what could not be sent). */
  let lostPublishes = false;

  const send = (envelope: Envelope) =>
    publisher.publish(CHANNEL, JSON.stringify(envelope)).then(
      () => {},
      (error: unknown) => {
        lostPublishes = true;
        onError(error);
      },
    );

  const unsubscribe = events.subscribe((event) => {
    if (delivering || NODE_LOCAL.has(event.type)) return;
    void send({ node: nodeId, event });
  });

  publisher.on('ready', () => {
    if (!lostPublishes) return;
    lostPublishes = false;
    void send({ node: nodeId, resync: true });
  });

  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== CHANNEL) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch (error) {
      onError(error);
      return;
    }
    if (envelope.node === nodeId) return;
    if ('resync' in envelope) {
      onResync();
      return;
    }
    delivering = true;
    try {
      events.publish(envelope.event);
    } finally {
      delivering = false;
    }
  });
  // After a dropped subscription, whatever was published meanwhile never arrived here.
  let subscribedOnce = false;
  subscriber.on('ready', () => {
    if (subscribedOnce) onResync();
  });
  await subscriber.subscribe(CHANNEL);
  subscribedOnce = true;

  return {
    nodeId,
    async stop() {
      unsubscribe();
      await subscriber.unsubscribe(CHANNEL).catch(() => {});
    },
  };
}
