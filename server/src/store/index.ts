// The store: one module per aggregate over one database handle. Only the domain layer uses it.
import { createAgentStore } from './agents.js';
import { createConversationStore } from './conversations.js';
import { openDatabase, type Database } from './database.js';
import { createMessageStore } from './messages.js';
import { createSessionStore } from './sessions.js';
import { createInviteStore } from './invites.js';
import { createSiteStore } from './sites.js';
import { createVisitorStore } from './visitors.js';
import { createPlaybookStore } from './playbooks.js';
import { createPlaybookRunStore } from './playbook-runs.js';
import { createAnswerStore } from './answers.js';
import { createWebhookStore } from './webhooks.js';
import { createDetailsStore } from './details.js';
import { createCrmStore } from './crm.js';
import { createActivityStore } from './activities.js';
import { createSavedReplyStore } from './saved-replies.js';

export function createStore(db: Database) {
  // One reusable transaction function: at the top level it opens a transaction, nested it opens a SAVEPOINT.
  const atomically = db.transaction((fn: () => unknown) => fn());
  return {
    sites: createSiteStore(db),
    agents: createAgentStore(db),
    sessions: createSessionStore(db),
    invites: createInviteStore(db),
    visitors: createVisitorStore(db),
    conversations: createConversationStore(db),
    messages: createMessageStore(db),
    playbooks: createPlaybookStore(db),
    playbookRuns: createPlaybookRunStore(db),
    answers: createAnswerStore(db),
    webhooks: createWebhookStore(db),
    details: createDetailsStore(db),
    crm: createCrmStore(db),
    activities: createActivityStore(db),
    savedReplies: createSavedReplyStore(db),
    /** Runs fn in one SQLite transaction (IMMEDIATE, so concurrent writers queue instead of failing). */
    transaction: <T>(fn: () => T): T => atomically.immediate(fn) as T,
    /** Runs fn in a SAVEPOINT of the open transaction: if fn throws, only its writes are rolled back. */
    savepoint<T>(fn: () => T): T {
      if (!db.inTransaction) throw new Error('savepoint outside a transaction');
      return atomically(fn) as T;
    },
    inTransaction: () => db.inTransaction,
    integrityCheck: () => db.pragma('integrity_check', { simple: true }) as string,
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof createStore>;

export { openDatabase, type Database };
export { startCheckpointer, type Checkpointer } from './checkpointer.js';
export { publicAgent, NO_PASSWORD, type AgentWithHash } from './agents.js';
export type { Visitor } from './visitors.js';
export type { PlaybookRun } from './playbook-runs.js';
export type { Viewer, ConversationFilter } from './conversations.js';
export type { StoredDetails } from './details.js';
