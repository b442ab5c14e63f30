// The store: one module per aggregate over one database handle. Only the domain layer uses it.
import { createAgentStore } from './agents.js';
import { createConversationStore } from './conversations.js';
import { openDatabase, type Database } from './database.js';
import { createMessageStore } from './messages.js';
import { createSessionStore } from './sessions.js';
import { createSiteStore } from './sites.js';
import { createVisitorStore } from './visitors.js';

export function createStore(db: Database) {
  return {
    sites: createSiteStore(db),
    agents: createAgentStore(db),
    sessions: createSessionStore(db),
    visitors: createVisitorStore(db),
    conversations: createConversationStore(db),
    messages: createMessageStore(db),
    /** Runs fn in one SQLite transaction (IMMEDIATE, so concurrent writers queue instead of failing). */
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    integrityCheck: () => db.pragma('integrity_check', { simple: true }) as string,
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof createStore>;

export { openDatabase, type Database };
export { publicAgent, type AgentWithHash } from './agents.js';
export type { Visitor } from './visitors.js';
