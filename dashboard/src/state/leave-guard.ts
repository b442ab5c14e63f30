// Guards against leaving a view with unsaved work. A view registers a question while it has something to lose; a
// route change asks every registered question (window.confirm) and stays put if the agent says no.

/** The question to ask, or null when leaving for `next` loses nothing. */
export type LeaveGuard = (nextHash: string) => string | null;

const guards = new Set<LeaveGuard>();

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** True when the agent may leave for `nextHash`: nothing to lose, or they confirmed each loss. */
export function confirmLeave(nextHash: string, ask: (question: string) => boolean = defaultAsk): boolean {
  for (const guard of guards) {
    const question = guard(nextHash);
    if (question !== null && !ask(question)) return false;
  }
  return true;
}

const defaultAsk = (question: string) => globalThis.confirm(question);
