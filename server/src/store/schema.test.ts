// The schema the migrations build: constraints that keep messages sound, and indexes that serve the hot reads.
import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '@livechat/shared/api';
import { createStore } from './index.js';
import { SEARCH_ONE_STATUS } from './conversations.js';
import { migrateSqlite } from './migrate.js';
import { openSqlite, type SqliteSql } from './sql/sqlite.js';

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
  createdFrom: null,
  createdTo: null,
  channel: null,
  team: null,
  type: null,
  tag: null,
  tagLike: null,
  attrKey: null,
  attrValue: null,
  limit: 50,
};

const COLUMNS =
  '(id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, created_at)';

/** A fresh database with a conversation of two messages. */
function seeded(): SqliteSql {
  const sql = migrated();
  sql.db.exec(`
    INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'key', 'Site', '[]', 0);
    INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at)
      VALUES ('v1', 's1', 'hash', 'Visitor 1', 0, 0);
    INSERT INTO conversations (id, number, site_id, visitor_id, status, last_seq, created_at, updated_at, queued_at)
      VALUES ('c1', 1, 's1', 'v1', 'open', 2, 0, 5, 0);
    INSERT INTO messages ${COLUMNS} VALUES ('m1', 'c1', 1, 'client-1', 'visitor', 'v1', 'Visitor 1', 'hello', 1);
    INSERT INTO messages ${COLUMNS} VALUES ('m2', 'c1', 2, NULL, 'system', NULL, 'System', 'joined', 2);
  `);
  return sql;
}

/** An in-memory database migrated up to `upTo`. */
function migrated(upTo?: number): SqliteSql {
  const sql = openSqlite(':memory:');
  migrateSqlite(sql, upTo);
  return sql;
}

const insertMessage = ({ db }: SqliteSql, id: string, seq: number, clientId: string | null) =>
  db
    .prepare(`INSERT INTO messages ${COLUMNS} VALUES (?, 'c1', ?, ?, 'visitor', 'v1', 'Visitor 1', 'x', 3)`)
    .run(id, seq, clientId);

describe('schema', () => {
  it('applies each migration once, however often it runs', async () => {
    const sql = seeded();
    const versions = () => sql.all('SELECT version FROM schema_migrations ORDER BY version');
    const before = await versions();
    migrateSqlite(sql);
    migrateSqlite(sql);
    expect(await versions()).toEqual(before);
    expect(await sql.value('SELECT COUNT(*) FROM messages')).toBe(2);
    await sql.close();
  });

  it('refuses a database written by a newer server', async () => {
    const sql = seeded();
    await sql.run("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 0)");
    expect(() => migrateSqlite(sql)).toThrow(/does not know \(999\)/);
    await sql.close();
  });

  it('keeps seq unique per conversation, one row per command id, and messages tied to a conversation', () => {
    const sql = seeded();
    const { db } = sql;
    expect(() => insertMessage(sql, 'm3', 2, null)).toThrow(/UNIQUE/); // seq taken
    expect(() => insertMessage(sql, 'm3', 3, 'client-1')).toThrow(/UNIQUE/); // command id taken
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

  it('serves the inbox newest activity first, ties by number, for one status or both', async () => {
    const sql = seeded();
    const { db } = sql;
    db.exec(`
      INSERT INTO conversations (id, number, site_id, visitor_id, status, created_at, updated_at, closed_at, queued_at)
        VALUES ('c2', 2, 's1', 'v1', 'closed', 0, 9, 9, 0), ('c3', 3, 's1', 'v1', 'closed', 0, 5, 5, 0);
    `);
    const store = createStore(sql);
    const admin = { agentId: 'nobody', admin: true };
    const list = (status: 'open' | 'closed' | null, limit = 500) =>
      store.conversations.search({ ...(status && { status }), limit }, admin);
    const ids = async (status: 'open' | 'closed' | null, limit?: number) =>
      (await list(status, limit)).map((c) => c.id);
    expect(await ids(null)).toEqual(['c2', 'c3', 'c1']);
    expect(await ids(null, 2)).toEqual(['c2', 'c3']);
    expect(await ids('closed')).toEqual(['c2', 'c3']);
    expect(await ids('open')).toEqual(['c1']);
    expect((await list('open'))[0]).toMatchObject({ visitorName: 'Visitor 1', lastSeq: 2 });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${SEARCH_ONE_STATUS}`).all(SEARCH_PARAMS) as {
      detail: string;
    }[];
    // Read in index order: no sort of the whole table before LIMIT.
    expect(plan.map((p) => p.detail).join('; ')).toContain('USING INDEX conversations_by_activity');
    expect(plan.some((p) => p.detail.includes('TEMP B-TREE'))).toBe(false);
    await sql.close();
  });

  it('keeps conversations from before playbooks in the inbox when it upgrades a database', async () => {
    const sql = migrated(2);
    sql.db.exec(`
      INSERT INTO sites VALUES ('s1', 'key', 'Site', '[]', 0);
      INSERT INTO visitors VALUES ('v1', 's1', 'hash', 'Visitor 1', 0, 0);
      INSERT INTO conversations (id, number, site_id, visitor_id, status, last_seq, created_at, updated_at)
        VALUES ('c1', 1, 's1', 'v1', 'open', 1, 7, 8);
      INSERT INTO messages VALUES ('m1', 'c1', 1, 'client-1', 'visitor', 'v1', 'Visitor 1', 'hello', 7);
    `);
    migrateSqlite(sql);
    const store = createStore(sql);
    const admin = { agentId: 'nobody', admin: true };
    const open = await store.conversations.search({ status: 'open', limit: 10 }, admin);
    expect(open.map((c) => [c.id, c.queuedAt])).toEqual([['c1', 7]]);
    expect((await store.messages.after('c1', 0, 10)).map((m) => m.body)).toEqual(['hello']);
    expect(sql.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await sql.close();
  });

  it('keeps leads and deals when 008 rebuilds their table, and allows one bot lead per conversation', async () => {
    const sql = migrated(7);
    sql.db.exec(`
      INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'key', 'Site', '[]', 0);
      INSERT INTO agents (id, email, name, role, password_hash, created_at) VALUES ('a1', 'a@x', 'Ann', 'agent', 'h', 0);
      INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at) VALUES ('v1', 's1', 'h', 'V', 0, 0);
      INSERT INTO conversations (id, number, site_id, visitor_id, status, created_at, updated_at, queued_at)
        VALUES ('c1', 1, 's1', 'v1', 'open', 0, 0, 0);
      INSERT INTO crm_records (id, kind, title, value_amount, value_currency, conversation_id, visitor_id, created_by,
        created_at) VALUES ('r1', 'deal', 'Big deal', '10', 'EUR', 'c1', 'v1', 'a1', 5);
    `);
    migrateSqlite(sql);
    const store = createStore(sql);
    expect(await store.crm.ofConversation('c1')).toEqual([
      expect.objectContaining({ id: 'r1', title: 'Big deal', createdBy: { id: 'a1', name: 'Ann' } }),
    ]);
    expect(await store.sites.byId('s1')).toMatchObject({ botFolderForAgents: false });
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
    expect(await store.crm.insertBotLead(lead('r2'))).toMatchObject({
      createdBy: { id: 'bot', name: 'Ava' },
    });
    expect(await store.crm.insertBotLead(lead('r3'))).toBeNull();
    expect((await store.crm.ofConversation('c1')).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(sql.db.pragma('foreign_key_check')).toEqual([]);
    expect(sql.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await sql.close();
  });

  it('backfills when the visitor first wrote when 009 adds it, and keeps the first time on later messages', async () => {
    const sql = migrated(8);
    sql.db.exec(`
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
    migrateSqlite(sql);
    const store = createStore(sql);
    expect(await store.conversations.byId('c1')).toMatchObject({ visitorWroteAt: 5 });
    expect(await store.conversations.byId('c2')).toMatchObject({ visitorWroteAt: null });
    expect(await store.conversations.advance('c2', 10, 'bot says', false)).toMatchObject({
      visitorWroteAt: null,
    });
    expect(await store.conversations.advance('c2', 11, 'hi', true)).toMatchObject({
      lastSeq: 3,
      visitorWroteAt: 11,
    });
    expect(await store.conversations.advance('c2', 12, 'more', true)).toMatchObject({
      lastSeq: 4,
      visitorWroteAt: 11,
    });
    expect(sql.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await sql.close();
  });

  it('numbers conversations on from the highest one when 010 adds the counter', async () => {
    const sql = migrated(9);
    sql.db.exec(`
      INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'key', 'Site', '[]', 0);
      INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at) VALUES
        ('v1', 's1', 'h1', 'V1', 0, 0), ('v2', 's1', 'h2', 'V2', 0, 0);
      INSERT INTO conversations (id, number, site_id, visitor_id, status, created_at, updated_at)
        VALUES ('c1', 41, 's1', 'v1', 'closed', 0, 0);
    `);
    migrateSqlite(sql);
    const store = createStore(sql);
    await store.conversations.create({ id: 'c2', siteId: 's1', visitorId: 'v1', now: 1 });
    // A rolled-back creation gives its number back.
    await expect(
      store.transaction(async () => {
        await store.conversations.create({ id: 'c3', siteId: 's1', visitorId: 'v2', now: 2 });
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    await store.conversations.create({ id: 'c4', siteId: 's1', visitorId: 'v2', now: 3 });
    expect((await store.conversations.byId('c2'))?.number).toBe(42);
    expect(await store.conversations.byId('c3')).toBeNull();
    expect((await store.conversations.byId('c4'))?.number).toBe(43);
    await sql.close();
  });

  it('matches text ignoring case, shares organizations by name, and finds resends without an author', async () => {
    const sql = seeded();
    const store = createStore(sql);
    await store.visitors.setContactField('v1', 'email', 'Vera@Example.com');
    const admin = { agentId: 'nobody', admin: true };
    const found = (text: string) => store.conversations.search({ text, limit: 10 }, admin);
    expect((await found('vera@EXAMPLE')).map((c) => c.id)).toEqual(['c1']);
    expect((await found('VISITOR 1')).map((c) => c.id)).toEqual(['c1']);
    expect(await found('100%')).toEqual([]);

    expect(await store.crm.organization(' Acme ', '', 'o1', 0)).toBe('o1');
    expect(await store.crm.organization('ACME', 'Main St 1', 'o2', 1)).toBe('o1');
    expect(await store.crm.organization('acme', '', 'o3', 2)).toBe('o1');
    expect(await sql.all('SELECT id, name, address FROM organizations')).toEqual([
      { id: 'o1', name: 'Acme', address: 'Main St 1' },
    ]);

    expect(await store.messages.byClientId('visitor', 'v1', 'client-1')).toMatchObject({ id: 'm1' });
    expect(await store.messages.byClientId('visitor', null, 'client-1')).toBeNull();
    await sql.run("UPDATE messages SET client_id = 'client-2' WHERE id = 'm2'");
    expect(await store.messages.byClientId('system', null, 'client-2')).toMatchObject({ id: 'm2' });
    await sql.close();
  });

  it('lists the webhooks subscribed to an event, active ones only, oldest first', async () => {
    const sql = seeded();
    const store = createStore(sql);
    const hook = (id: string, events: WebhookEvent[], active = true) =>
      store.webhooks.insert({ id, url: `https://example.com/${id}`, events, active, createdAt: 0 }, 'secret');
    await hook('w1', ['lead.created', 'conversation.closed']);
    await hook('w2', ['conversation.closed'], false);
    await hook('w3', ['conversation.closed']);
    expect(await store.webhooks.subscribed('conversation.closed')).toEqual(['w1', 'w3']);
    expect(await store.webhooks.subscribed('lead.created')).toEqual(['w1']);
    await sql.close();
  });
});
