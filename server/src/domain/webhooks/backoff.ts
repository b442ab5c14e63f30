// When a failed delivery is tried again: a growing schedule, with jitter so that many deliveries that failed
// together (a receiver outage) do not all come back in the same second.

export interface BackoffOptions {
  /** The wait after the 1st, 2nd, … failed attempt; the last entry repeats. */
  retryDelaysMs: readonly number[];
  /** Each wait is stretched by up to this fraction, at random (0 = exact schedule). */
  jitter: number;
  /** Attempts in all, the first included; after the last one fails the delivery is `failed`. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  // 8 attempts over about 19 hours.
  retryDelaysMs: [10_000, 30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000, 12 * 3_600_000],
  jitter: 0.2,
  maxAttempts: 8,
};

/** The wait before the next attempt after `attempts` failed ones, or null when the delivery has to give up. */
export function retryDelay(
  attempts: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number | null {
  if (attempts >= options.maxAttempts) return null;
  const { retryDelaysMs } = options;
  if (retryDelaysMs.length === 0) return 0;
  const base = retryDelaysMs[Math.min(Math.max(attempts, 1), retryDelaysMs.length) - 1]!;
  return Math.round(base * (1 + options.jitter * random()));
}
