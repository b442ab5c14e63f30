import type { KeyedLimit } from '../cluster/keyed-limit.js';
// Token buckets for abuse limits: one per socket (frames), and one per key such as a client IP (new visitors).
import type { Rate } from '../config.js';

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: Rate,
    now: number,
  ) {
    this.tokens = rate.burst;
    this.at = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket has refilled completely, so forgetting it changes nothing. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.rate.burst;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.at) / 1000) * this.rate.perSecond);
    this.at = now;
  }
}

/** Buckets by key. Full buckets are forgotten when the map grows, so memory stays bounded by the active keys. */
export function createKeyedLimit(rate: Rate, now: () => number = Date.now, maxKeys = 10_000) {
  const buckets = new Map<string, TokenBucket>();
  return {
    take(key: string): boolean {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) for (const [k, b] of buckets) if (b.isFull(t)) buckets.delete(k);
        buckets.set(key, (bucket = new TokenBucket(rate, t)));
      }
      return bucket.take(t);
    },
  };
}

/** A keyed limit in this process's memory (one node; several share one through Redis: cluster/keyed-limit.ts). */
export const localKeyedLimit = (rate: { perSecond: number; burst: number }): KeyedLimit => {
  const limit = createKeyedLimit(rate);
  return { take: (key) => Promise.resolve(limit.take(key)) };
};
