// Shared ticking clocks, one per interval, so a list of a hundred relative times runs one timer, not a hundred.
import { useEffect, useState } from 'preact/hooks';

interface Clock {
  listeners: Set<(now: number) => void>;
  timer: ReturnType<typeof setInterval>;
}

const clocks = new Map<number, Clock>();

function subscribe(tickMs: number, listener: (now: number) => void): () => void {
  let clock = clocks.get(tickMs);
  if (!clock) {
    const listeners = new Set<(now: number) => void>();
    const timer = setInterval(() => {
      const now = Date.now();
      for (const l of listeners) l(now);
    }, tickMs);
    clock = { listeners, timer };
    clocks.set(tickMs, clock);
  }
  clock.listeners.add(listener);
  const held = clock;
  return () => {
    held.listeners.delete(listener);
    if (held.listeners.size === 0) {
      clearInterval(held.timer);
      clocks.delete(tickMs);
    }
  };
}

/** The current time, re-rendering every `tickMs` (30 s suits "5m ago" labels; countdowns use 1 s). */
export function useNow(tickMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => subscribe(tickMs, setNow), [tickMs]);
  return now;
}
