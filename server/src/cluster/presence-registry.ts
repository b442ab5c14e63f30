// Which agents have a dashboard connected, on any node. Each node keeps a Redis set of its connected agents that
// expires unless the node's heartbeat renews it: a node that dies stops counting within PRESENCE_TTL_MS. Changes are
// announced on a channel so peers recompute at once instead of at their next poll.
import { randomUUID } from 'node:crypto';
import type { ConnectedAgents } from '../domain/presence.js';
import type { RedisClient } from './redis.js';

/** A dead node's agents stop counting after this long (the same bound as a dashboard that stops answering pings). */
export const PRESENCE_TTL_MS = 25_000;
const HEARTBEAT_MS = 5_000;

export interface RedisPresenceOptions {
  /** The deployment's name in Redis: presence is shared by nodes of the same namespace only. */
  namespace: string;
  publisher: RedisClient;
  subscriber: RedisClient;
  /** Called when connections may have changed anywhere: recompute. */
  onChange: () => void;
  onError?: (error: unknown) => void;
  ttlMs?: number;
  heartbeatMs?: number;
}

export function redisConnectedAgents({
  namespace,
  publisher,
  subscriber,
  onChange,
  onError = () => {},
  ttlMs = PRESENCE_TTL_MS,
  heartbeatMs = HEARTBEAT_MS,
}: RedisPresenceOptions): ConnectedAgents & { stop(): Promise<void> } {
  const nodeId = randomUUID();
  const PREFIX = `${namespace}:presence:node:`;
  const CHANNEL = `${namespace}:presence`;
  const key = PREFIX + nodeId;
  /** This node's dashboards: connections per agent. */
  const local = new Map<string, number>();

  /** Writes this node's set whole (idempotent, so a beat after a Redis restart repairs it) with a fresh expiry. */
  async function beat(): Promise<void> {
    const ids = [...local.keys()];
    const tx = publisher.multi().del(key);
    if (ids.length > 0) tx.sadd(key, ...ids).pexpire(key, ttlMs);
    await tx.exec();
  }
  const beatAndAnnounce = () =>
    beat()
      .then(() => publisher.publish(CHANNEL, nodeId))
      .then(
        () => {},
        (error: unknown) => onError(error),
      );

  const timer = setInterval(() => {
    beat().catch(onError);
    // Peers that died expire without announcing it: look again now and then.
    onChange();
  }, heartbeatMs);
  timer.unref();

  subscriber.on('message', (channel: string, from: string) => {
    if (channel === CHANNEL && from !== nodeId) onChange();
  });
  subscriber.subscribe(CHANNEL).catch(onError);

  return {
    add(agentId) {
      local.set(agentId, (local.get(agentId) ?? 0) + 1);
      void beatAndAnnounce();
    },
    remove(agentId) {
      const count = (local.get(agentId) ?? 0) - 1;
      if (count > 0) local.set(agentId, count);
      else local.delete(agentId);
      void beatAndAnnounce();
    },
    forget(agentId) {
      local.delete(agentId);
      void beatAndAnnounce();
    },
    async anywhere() {
      // This node's own connections count even while Redis is away.
      const ids = new Set(local.keys());
      try {
        const keys: string[] = [];
        let cursor = '0';
        do {
          const [next, batch] = await publisher.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 100);
          cursor = next;
          keys.push(...batch);
        } while (cursor !== '0');
        const others = keys.filter((k) => k !== key);
        if (others.length > 0) for (const id of await publisher.sunion(...others)) ids.add(id);
      } catch (error) {
        onError(error);
      }
      return ids;
    },
    async stop() {
      clearInterval(timer);
      await subscriber.unsubscribe(CHANNEL).catch(() => {});
      local.clear();
      await publisher.del(key).catch(() => {});
      await publisher.publish(CHANNEL, nodeId).catch(() => {});
    },
  };
}
