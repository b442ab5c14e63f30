// The store: one module per aggregate over one Sql handle (SQLite or PostgreSQL), implementing the domain's Store.
import type { Store } from '../domain/store.js';
import { createActivityStore } from './activities.js';
import { createAgentStore } from './agents.js';
import { createAnswerStore } from './answers.js';
import { createClosingMessageStore } from './closing-messages.js';
import { createBusinessHoursStore } from './business-hours.js';
import { createConversationStore } from './conversations.js';
import { createCrmStore } from './crm.js';
import { createDetailsStore } from './details.js';
import { createErasureStore } from './erasure.js';
import { createContactProfileStore } from './contact-profiles.js';
import { createInviteStore } from './invites.js';
import { createInstallationStore } from './installation.js';
import { createVisitorContextStore } from './visitor-contexts.js';
import { createIdentityStore } from './identity.js';
import { migratePostgres, migrateSqlite } from './migrate.js';
import { createMessageStore } from './messages.js';
import { createPlaybookRunStore } from './playbook-runs.js';
import { createPlaybookStore } from './playbooks.js';
import { createReadPositionStore } from './read-positions.js';
import { createSavedReplyStore } from './saved-replies.js';
import { createSessionStore } from './sessions.js';
import { createSiteStore } from './sites.js';
import { openPostgres, type PostgresSql } from './sql/postgres.js';
import type { Sql } from './sql/sql.js';
import { openSqlite, type SqliteSql } from './sql/sqlite.js';
import { createSmsStore } from './sms.js';
import { createFileStore } from './files.js';
import { createTeamStore } from './teams.js';
import { createVisitorStore } from './visitors.js';
import { createWebhookStore } from './webhooks.js';

/** Signs a file's URL for a message being read; tests that never serve files can leave the default. */
export type FileUrlSigner = (fileId: string) => string;
const unsignedFileUrl: FileUrlSigner = (id) => `/files/${encodeURIComponent(id)}`;

export function createStore(sql: Sql, fileUrl: FileUrlSigner = unsignedFileUrl): Store {
  return {
    sites: createSiteStore(sql),
    agents: createAgentStore(sql),
    sessions: createSessionStore(sql),
    invites: createInviteStore(sql),
    visitors: createVisitorStore(sql),
    conversations: createConversationStore(sql),
    messages: createMessageStore(sql, fileUrl),
    playbooks: createPlaybookStore(sql),
    playbookRuns: createPlaybookRunStore(sql),
    answers: createAnswerStore(sql),
    webhooks: createWebhookStore(sql),
    details: createDetailsStore(sql),
    crm: createCrmStore(sql),
    activities: createActivityStore(sql),
    savedReplies: createSavedReplyStore(sql),
    sms: createSmsStore(sql),
    files: createFileStore(sql),
    erasure: createErasureStore(sql),
    contactProfiles: createContactProfileStore(sql),
    teams: createTeamStore(sql),
    closingMessages: createClosingMessageStore(sql),
    businessHours: createBusinessHoursStore(sql),
    installation: createInstallationStore(sql),
    visitorContexts: createVisitorContextStore(sql),
    identity: createIdentityStore(sql),
    readPositions: createReadPositionStore(sql),
    transaction: (fn) => sql.transaction(fn),
    inTransaction: () => sql.inTransaction(),
    concurrentWriters: sql.concurrentWriters,
    close: () => sql.close(),
  };
}

/** The engine a store runs on, narrowed by `engine` (what only one engine has: SQLite's file, PostgreSQL's pool). */
export type EngineSql = SqliteSql | PostgresSql;

export type StoreOptions = { path: string } | { url: string; schema?: string };

/** Opens the database (a SQLite file, or PostgreSQL), brings its schema up to date, and puts the store over it. */
export async function openStore(
  options: StoreOptions,
  fileUrl?: FileUrlSigner,
): Promise<{ store: Store; sql: EngineSql }> {
  let sql: EngineSql;
  if ('url' in options) {
    sql = openPostgres(options.url, options.schema === undefined ? {} : { schema: options.schema });
    try {
      await migratePostgres(sql);
    } catch (error) {
      await sql.close();
      throw error;
    }
  } else {
    sql = openSqlite(options.path);
    try {
      migrateSqlite(sql);
    } catch (error) {
      await sql.close();
      throw error;
    }
  }
  return { store: createStore(sql, fileUrl), sql };
}

export { startCheckpointer, type Checkpointer } from './checkpointer.js';
export { migratePostgres, migrateSqlite, migrationsOf, NewerDatabaseError } from './migrate.js';
export type { Sql } from './sql/sql.js';
export { isUniqueViolation } from '../domain/store.js';
export { openPostgres, type PostgresSql } from './sql/postgres.js';
export { openSqlite, type SqliteSql } from './sql/sqlite.js';
export type * from '../domain/store.js';
