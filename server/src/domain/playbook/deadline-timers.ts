// One timer per conversation that waits for an agent. Timers live in memory; the deadlines live in the store, and
// the runner re-arms them at start, so a restart in the middle of a wait still fires on time (or at once if late).

export function createDeadlineTimers(
  now: () => number,
  onDue: (conversationId: string) => Promise<void>,
  /** A failed `onDue`, which has no caller to tell. */
  onError: (err: unknown) => void,
) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const cancel = (conversationId: string): void => {
    clearTimeout(timers.get(conversationId));
    timers.delete(conversationId);
  };
  return {
    /** (Re)arms the conversation's timer for `at`; a deadline in the past fires on the next turn. */
    arm(conversationId: string, at: number): void {
      cancel(conversationId);
      const timer = setTimeout(
        () => {
          timers.delete(conversationId);
          onDue(conversationId).catch(onError);
        },
        Math.max(0, at - now()),
      );
      timer.unref();
      timers.set(conversationId, timer);
    },
    cancel,
    /** Whether the conversation's timer is armed here. */
    has: (conversationId: string): boolean => timers.has(conversationId),
    pending: (): number => timers.size,
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
export type DeadlineTimers = ReturnType<typeof createDeadlineTimers>;
