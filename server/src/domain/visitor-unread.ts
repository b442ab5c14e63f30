// The launcher's cue before the chat module loads: how many messages agents and the bot wrote in the visitor's open
// web chat since their widget last connected (its hello marks the visitor seen), e.g. one an agent started from the
// dashboard while they were away. Above 0, the launcher loads the chat in the background: its replay brings the
// messages and the chat badges the launcher with those it has not shown yet (it knows which it has shown; the server
// does not), and it hellos, so the count starts again from there.
import type { Store, Visitor } from './store.js';

export const createVisitorUnread =
  (store: Store) =>
  (visitor: Visitor): Promise<number> =>
    store.messages.teamSinceVisitorConnected(visitor.id);
export type VisitorUnread = ReturnType<typeof createVisitorUnread>;
