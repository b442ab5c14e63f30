/**
 * Exponential backoff with jitter: attempt 0 waits about `minMs`, each later attempt doubles up to `maxMs`,
 * and every delay is drawn from [half, full] so a crowd of clients does not reconnect in lockstep.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
