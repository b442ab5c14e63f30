// Per-connection limits for typing and read frames, on top of the general frame rate. Clients send typing at most
// every 2 s while typing (plus a stop) and a read when new messages show, so these leave room; beyond them the frames
// are dropped silently: they are unanswered and the next one carries the newer state, so an error frame would only
// add traffic. Made on a connection's first such frame: most visitor sockets never send one.
import type { Rate } from '../config.js';
import { TokenBucket } from './token-bucket.js';

export const TYPING_RATE: Rate = { perSecond: 1, burst: 4 };
export const READ_RATE: Rate = { perSecond: 2, burst: 6 };

export function receiptLimits(now: () => number = Date.now) {
  let typing: TokenBucket | null = null;
  let read: TokenBucket | null = null;
  return {
    typing: () => (typing ??= new TokenBucket(TYPING_RATE, now())).take(now()),
    read: () => (read ??= new TokenBucket(READ_RATE, now())).take(now()),
  };
}
