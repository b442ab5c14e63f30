// Connections to Redis, which several server nodes share (events, presence, rate limits). ioredis reconnects by
// itself and restores subscriptions after a reconnect.
import { Redis } from 'ioredis';

export type RedisClient = Redis;

export interface RedisOptions {
  /** Commands fail at once while disconnected instead of queueing without bound (events, presence beats). */
  failFast?: boolean;
}

export function connectRedis(url: string, { failFast = false }: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    // Keep trying to reconnect, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    ...(failFast ? { enableOfflineQueue: false, maxRetriesPerRequest: 0 } : { maxRetriesPerRequest: 2 }),
    lazyConnect: false,
  });
  // Errors surface on the commands that fail; an 'error' event without a listener would crash the process.
  redis.on('error', () => {});
  return redis;
}
