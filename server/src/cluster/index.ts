// Several nodes on one PostgreSQL + Redis: what they share through Redis. Without REDIS_URL the server is one node
// and none of this runs (events, presence and limits stay in process memory).
import type { Rate } from '../config.js';
import type { EventBus } from '../domain/index.js';
import { relayEvents, type EventRelay } from './event-relay.js';
import { redisKeyedLimit, type KeyedLimit } from './keyed-limit.js';
import { redisConnectedAgents } from './presence-registry.js';
import { connectRedis } from './redis.js';

export interface ClusterOptions {
  /** Keys and channels start with it: nodes of one deployment share it (tests give each app its own). */
  namespace: string;
  /** Connections on other nodes may have changed: presence recomputes. */
  onPresenceChange: () => void;
  onError: (error: unknown) => void;
}

export function joinCluster(url: string, { namespace, onPresenceChange, onError }: ClusterOptions) {
  // Events and presence beats fail fast while Redis is away (they are resynchronised when it returns); the
  // subscriber has its own connection, as Redis requires.
  const publisher = connectRedis(url, { failFast: true });
  const subscriber = connectRedis(url);
  /** For the HTTP rate limits (@fastify/rate-limit keeps its counters in it). */
  const limits = connectRedis(url, { failFast: true });
  const connectedAgents = redisConnectedAgents({
    namespace,
    publisher,
    subscriber,
    onChange: onPresenceChange,
    onError,
  });
  let relay: EventRelay | null = null;

  return {
    connectedAgents,
    limits,
    /** Prefix for the HTTP rate limits' keys. */
    limitPrefix: `${namespace}:http-limit:`,
    /** Relays the node's domain events to its peers and theirs to it; `onResync` when some may have been missed. */
    async relay(events: EventBus, onResync: () => void): Promise<void> {
      relay = await relayEvents(events, { namespace, publisher, subscriber, onResync, onError });
    },
    /** Resolves when Redis answers (readiness). */
    ping: async (): Promise<void> => void (await limits.ping()),
    keyedLimit: (name: string, rate: Rate): KeyedLimit =>
      redisKeyedLimit(limits, `${namespace}:limit:${name}`, rate, { onError }),
    async stop(): Promise<void> {
      await relay?.stop();
      await connectedAgents.stop();
      for (const client of [publisher, subscriber, limits]) client.disconnect();
    },
  };
}
export type Cluster = ReturnType<typeof joinCluster>;
