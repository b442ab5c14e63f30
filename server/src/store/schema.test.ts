// The schema the migrations build: constraints that keep messages sound, and indexes that serve the hot reads.
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, openDatabase, type Database } from './database.js';
import { createStore } from './index.js';
import { SEARCH_ONE_STATUS } from './conversations.js';

/** Every parameter of the inbox search, all filters off. */
const SEARCH_PARAMS = {
  me: 'nobody',
  admin: 1,
  folder: null,
  status: 'open',
  assignee: null,
  from: null,
  to: null,
  visitorId: null,
  number: null,
  text: null,
  limit: 50,
};

const COLUMNS =
  '(id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, created_at)';

/** A fresh database with a conversation of two messages. */
function seeded(): Database {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'key', 'Site', '[]', 0);
    INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at)
      VALUES ('v1', 's1', 'hash', 'Visitor 1', 0, 0);
    INSERT INTO conversations (id, number, site_id, visitor_id, status, last_seq, created_at, updated_at, queued_at)
      VALUES ('c1', 1, 's1', 'v1', 'open', 2, 0, 5, 0);
    INSERT INTO messages ${COLUMNS} VALUES ('m1', 'c1', 1, 'client-1', 'visitor', 'v1', 'Visitor 1', 'hello', 1);
    INSERT INTO messages ${COLUMNS} VALUES ('m2', 'c1', 2, NULL, 'system', NULL, 'System', 'joined', 2);
  `);
  return db;
}

const insertMessage = (db: Database, id: string, seq: number, clientId: string | null) =>
  db
    .prepare(`INSERT INTO messages ${COLUMNS} VALUES (?, 'c1', ?, ?, 'visitor', 'v1', 'Visitor 1', 'x', 3)`)
    .run(id, seq, clientId);

describe('schema', () => {
  it('applies each migration once, however often it runs', () => {
    const db = seeded();
    const versions = () => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    const before = versions();
    migrate(db);
    migrate(db);
    expect(versions()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(2);
    db.close();
  });

  it('refuses a database written by a newer server', () => {
    const db = seeded();
    db.prepare("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 0)").run();
    expect(() => migrate(db)).toThrow(/does not know \(999\)/);
    db.close();
  });

  it('keeps seq unique per conversation, one row per command id, and messages tied to a conversation', () => {
    const db = seeded();
    expect(() => insertMessage(db, 'm3', 2, null)).toThrow(/UNIQUE/); // seq taken
    expect(() => insertMessage(db, 'm3', 3, 'client-1')).toThrow(/UNIQUE/); // command id taken
    expect(() => db.prepare("UPDATE messages SET conversation_id = 'nope' WHERE seq = 1").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db.exec(
        "INSERT INTO conversations (id, number, site_id, visitor_id, status, created_at, updated_at) VALUES ('c9', 9, 's1', 'v1', 'open', 0, 0)",
      ),
    ).toThrow(/UNIQUE/); // a visitor has at most one open conversation
    // Per message insert: the table, (conversation_id, seq) and the idempotency key; no index on the random id.
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'")
      .pluck()
      .all();
    expect(indexes.sort()).toEqual(['messages_idempotency', 'sqlite_autoindex_messages_1']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('serves the inbox newest activity first, ties by number, for one status or both', () => {
    const db = seeded();
    db.exec(`
      INSERT INTO conversations (id, number, site_id, visitor_id, status, created_at, updated_at, closed_at, queued_at)
        VALUES ('c2', 2, 's1', 'v1', 'closed', 0, 9, 9, 0), ('c3', 3, 's1', 'v1', 'closed', 0, 5, 5, 0);
    `);
    const store = createStore(db);
    const admin = { agentId: 'nobody', admin: true };
    const list = (status: 'open' | 'closed' | null, limit = 500) =>
      store.conversations.search({ ...(status && { status }), limit }, admin);
    const ids = (status: 'open' | 'closed' | null, limit?: number) => list(status, limit).map((c) => c.id);
    expect(ids(null)).toEqual(['c2', 'c3', 'c1']);
    expect(ids(null, 2)).toEqual(['c2', 'c3']);
    expect(ids('closed')).toEqual(['c2', 'c3']);
    expect(ids('open')).toEqual(['c1']);
    expect(list('open')[0]).toMatchObject({ visitorName: 'Visitor 1', lastSeq: 2 });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${SEARCH_ONE_STATUS}`).all(SEARCH_PARAMS) as {
      detail: string;
    }[];
    // Read in index order: no sort of the whole table before LIMIT.
    expect(plan.map((p) => p.detail).join('; ')).toContain('USING INDEX conversations_by_activity');
    expect(plan.some((p) => p.detail.includes('TEMP B-TREE'))).toBe(false);
    db.close();
  });

  it('keeps conversations from before playbooks in the inbox when it upgrades a database', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 2);
    db.exec(`
      INSERT INTO sites VALUES ('s1', 'key', 'Site', '[]', 0);
      INSERT INTO visitors VALUES ('v1', 's1', 'hash', 'Visitor 1', 0, 0);
      INSERT INTO conversations (id, number, site_id, visitor_id, status, last_seq, created_at, updated_at)
        VALUES ('c1', 1, 's1', 'v1', 'open', 1, 7, 8);
      INSERT INTO messages VALUES ('m1', 'c1', 1, 'client-1', 'visitor', 'v1', 'Visitor 1', 'hello', 7);
    `);
    migrate(db);
    const store = createStore(db);
    const admin = { agentId: 'nobody', admin: true };
    const open = store.conversations.search({ status: 'open', limit: 10 }, admin);
    expect(open.map((c) => [c.id, c.queuedAt])).toEqual([['c1', 7]]);
    expect(store.messages.after('c1', 0, 10).map((m) => m.body)).toEqual(['hello']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps leads and deals when 008 rebuilds their table, and allows one bot lead per conversation', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 7);
    db.exec(`
      INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'key', 'Site', '[]', 0);
      INSERT INTO agents (id, email, name, role, password_hash, created_at) VALUES ('a1', 'a@x', 'Ann', 'agent', 'h', 0);
      INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at) VALUES ('v1', 's1', 'h', 'V', 0, 0);
      INSERT INTO conversations (id, number, site_id, visitor_id, status, created_at, updated_at, queued_at)
        VALUES ('c1', 1, 's1', 'v1', 'open', 0, 0, 0);
      INSERT INTO crm_records (id, kind, title, value_amount, value_currency, conversation_id, visitor_id, created_by,
        created_at) VALUES ('r1', 'deal', 'Big deal', '10', 'EUR', 'c1', 'v1', 'a1', 5);
    `);
    migrate(db);
    const store = createStore(db);
    expect(store.crm.ofConversation('c1')).toEqual([
      expect.objectContaining({ id: 'r1', title: 'Big deal', createdBy: { id: 'a1', name: 'Ann' } }),
    ]);
    expect(store.sites.byId('s1')).toMatchObject({ botFolderForAgents: false });
    const lead = (id: string) => ({
      id,
      title: 'Lead',
      conversationId: 'c1',
      visitorId: 'v1',
      organizationId: null,
      note: '',
      botName: 'Ava',
      createdAt: 6,
    });
    expect(store.crm.insertBotLead(lead('r2'))).toMatchObject({ createdBy: { id: 'bot', name: 'Ava' } });
    expect(store.crm.insertBotLead(lead('r3'))).toBeNull();
    expect(store.crm.ofConversation('c1').map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('backfills when the visitor first wrote when 009 adds it, and keeps the first time on later messages', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 8);
    db.exec(`
      INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'key', 'Site', '[]', 0);
      INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at) VALUES
        ('v1', 's1', 'h1', 'V1', 0, 0), ('v2', 's1', 'h2', 'V2', 0, 0);
      INSERT INTO conversations (id, number, site_id, visitor_id, status, last_seq, created_at, updated_at)
        VALUES ('c1', 1, 's1', 'v1', 'open', 4, 0, 9), ('c2', 2, 's1', 'v2', 'open', 1, 0, 3);
      INSERT INTO messages ${COLUMNS} VALUES
        ('m1', 'c1', 1, NULL, 'bot', NULL, 'Ava', 'Hi there', 2),
        ('m2', 'c1', 2, 'k2', 'visitor', 'v1', 'V1', 'hello', 5),
        ('m3', 'c1', 3, NULL, 'bot', NULL, 'Ava', 'Please choose', 5),
        ('m4', 'c1', 4, 'k4', 'visitor', 'v1', 'V1', 'again', 8),
        ('m5', 'c2', 1, NULL, 'bot', NULL, 'Ava', 'Hi there', 3);
    `);
    migrate(db);
    const store = createStore(db);
    expect(store.conversations.byId('c1')).toMatchObject({ visitorWroteAt: 5 });
    expect(store.conversations.byId('c2')).toMatchObject({ visitorWroteAt: null });
    expect(store.conversations.advance('c2', 10, 'bot says', false)).toMatchObject({ visitorWroteAt: null });
    expect(store.conversations.advance('c2', 11, 'hi', true)).toMatchObject({
      lastSeq: 3,
      visitorWroteAt: 11,
    });
    expect(store.conversations.advance('c2', 12, 'more', true)).toMatchObject({
      lastSeq: 4,
      visitorWroteAt: 11,
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
