// A per-key token bucket (new visitors per IP) shared by every node: the bucket lives in Redis and one Lua script
// refills and takes atomically, so N nodes together allow what one node would.
import type { Rate } from '../config.js';
import type { RedisClient } from './redis.js';

// KEYS[1]: the bucket; ARGV: per second, burst, now (ms). Returns 1 when a token was taken.
const TAKE = `
local rate, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]) or burst, tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local taken = 0
if tokens >= 1 then tokens = tokens - 1; taken = 1 end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken
`;

export interface KeyedLimit {
  /** Takes one token from the key's bucket; false when it is empty. */
  take(key: string): Promise<boolean>;
}

export function redisKeyedLimit(
  redis: RedisClient,
  /** `<namespace>:limit:<name>`: the limit's keys in Redis. */
  name: string,
  rate: Rate,
  { now = Date.now, onError = () => {} }: { now?: () => number; onError?: (error: unknown) => void } = {},
): KeyedLimit {
  return {
    async take(key) {
      try {
        const taken = (await redis.eval(
          TAKE,
          1,
          `${name}:${key}`,
          rate.perSecond,
          rate.burst,
          now(),
        )) as number;
        return taken === 1;
      } catch (error) {
        // Redis away: let the visitor in rather than lock every visitor out; the frame limits still hold.
        onError(error);
        return true;
      }
    },
  };
}
