import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelay } from './backoff.js';

describe('retry backoff', () => {
  const exact = { retryDelaysMs: [10, 30, 120], jitter: 0, maxAttempts: 5 };

  it('follows the schedule, repeats its last entry, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, exact))).toEqual([10, 30, 120, 120]);
    expect(retryDelay(5, exact)).toBeNull();
    expect(retryDelay(6, exact)).toBeNull();
  });

  it('only stretches a wait, by at most the jitter fraction', () => {
    const options = { ...exact, jitter: 0.2 };
    expect(retryDelay(1, options, () => 0)).toBe(10);
    expect(retryDelay(3, options, () => 0.999)).toBeLessThanOrEqual(144);
    expect(retryDelay(3, options, () => 0.5)).toBe(132);
  });

  it('has realistic defaults: growing waits, 8 attempts within a day', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, DEFAULT_BACKOFF, () => 0)!);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waits[0]).toBe(10_000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(24 * 3_600_000);
    expect(retryDelay(8, DEFAULT_BACKOFF)).toBeNull();
  });
});
