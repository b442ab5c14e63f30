import { describe, expect, it } from 'vitest';
import { TokenBucket, createKeyedLimit } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    const bucket = new TokenBucket({ perSecond: 2, burst: 3 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(400)).toBe(false); // 0.8 tokens
    expect(bucket.take(500)).toBe(true); // 1 token after 500 ms
    expect(bucket.isFull(10_000)).toBe(true);
  });
});

describe('createKeyedLimit', () => {
  it('limits each key on its own and forgets idle keys when full', () => {
    let t = 0;
    const limit = createKeyedLimit({ perSecond: 1, burst: 1 }, () => t, 2);
    expect([limit.take('a'), limit.take('a'), limit.take('b')]).toEqual([true, false, true]);
    t = 5000; // both refilled: a third key evicts them instead of growing the map
    expect(limit.take('c')).toBe(true);
    expect(limit.take('a')).toBe(true);
  });
});
