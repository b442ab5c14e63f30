// Group commit against a real database (a SQLite file, or PostgreSQL): one transaction per turn, a refused write
// taken out of its batch (which runs again without it), acks after COMMIT.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Agent } from '@livechat/shared/model';
import { createDomain, DEMO_SITE_KEY, seed, type Domain, type DomainEvent } from '../src/domain/index.js';
import { publicAgent } from '../src/domain/agents.js';
import type { Store, Visitor } from '../src/domain/store.js';
import type { EngineSql } from '../src/store/index.js';
import { openSqlite } from '../src/store/sql/sqlite.js';
import { NO_STEPS } from './helper.js';
import { openTestStore } from './test-store.js';

let dir: string;
let sql: EngineSql;
let store: Store;
let domain: Domain;
let transactions: MockInstance<Store['transaction']>;
let agent: Agent;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-group-commit-'));
  ({ store, sql } = await openTestStore(path.join(dir, 'chat.sqlite')));
  await seed(store, {
    adminEmail: 'admin@example.com',
    adminPassword: 'admin-password',
    demoOrigins: [],
    now: 1,
  });
  domain = createDomain(store);
  await store.playbooks.insert((await store.sites.byKey(DEMO_SITE_KEY))!.id, NO_STEPS, null, 2);
  transactions = vi.spyOn(store, 'transaction');
  agent = publicAgent((await store.agents.byEmail('admin@example.com'))!);
});

afterEach(async () => {
  await domain.writes.drain();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const newVisitor = async (): Promise<Visitor> =>
  (await domain.visitors.identify((await domain.visitors.siteByKey(DEMO_SITE_KEY))!, undefined)).visitor;
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string }) => ({ ok: false as const, code: error.code }),
  );

describe('group commit of messages', () => {
  it('stores the messages of one turn in one transaction per write lane, each sender’s in send order', async () => {
    const [a, b] = [await newVisitor(), await newVisitor()];
    const sends = [
      domain.chat.sendVisitorMessage(a, 'client-a-1', 'a1'),
      domain.chat.sendVisitorMessage(b, 'client-b-1', 'b1'),
      domain.chat.sendVisitorMessage(a, 'client-a-2', 'a2'),
      domain.chat.sendVisitorMessage(b, 'client-b-2', 'b2'),
      domain.chat.sendVisitorMessage(a, 'client-a-3', 'a3'),
    ];
    const results = await Promise.all(sends);
    // SQLite has one writer: one transaction. PostgreSQL commits one per write lane: each visitor's in one.
    if (store.concurrentWriters === 1) expect(transactions).toHaveBeenCalledTimes(1);
    else expect(transactions.mock.calls.length).toBeLessThanOrEqual(2);
    const seqOf = (body: string) => results.find((r) => r.message.body === body)!.message.seq;
    expect(['a1', 'a2', 'a3'].map(seqOf)).toEqual([1, 2, 3]);
    expect(['b1', 'b2'].map(seqOf)).toEqual([1, 2]);
    const conversation = (await domain.chat.openConversationOf(a))!;
    expect(conversation.lastSeq).toBe(3);
    expect((await domain.chat.messagesAfter(conversation.id, 0)).map((m) => m.body)).toEqual([
      'a1',
      'a2',
      'a3',
    ]);
  });

  it('refuses one message without undoing the others of its batch, and publishes each stored one once', async () => {
    const visitor = await newVisitor();
    const { message: first } = await domain.chat.sendVisitorMessage(visitor, 'client-v-1', 'first');
    await sql.run("UPDATE conversations SET status = 'closed', closed_at = 2 WHERE id = ?", [
      first.conversationId,
    ]);
    transactions.mockClear();
    const published: DomainEvent[] = [];
    domain.events.subscribe((e) => published.push(e));

    const [toClosed, toUnknown, fresh] = await Promise.all([
      settle(domain.chat.sendAgentMessage(agent, first.conversationId, 'client-g-1', 'too late')),
      settle(domain.chat.sendAgentMessage(agent, 'no-such-conversation', 'client-g-2', 'hello?')),
      settle(domain.chat.sendVisitorMessage(visitor, 'client-v-2', 'new conversation')),
    ]);
    // Whichever batches they shared (refusals are settled alone, the rest run again), the fresh message is stored
    // and published once.
    expect(toClosed).toEqual({ ok: false, code: 'conversation_closed' });
    expect(toUnknown).toEqual({ ok: false, code: 'not_found' });
    expect(fresh.ok && fresh.value.message).toMatchObject({ seq: 1, body: 'new conversation' });
    expect((await domain.chat.messagesAfter(first.conversationId, 0)).map((m) => m.body)).toEqual(['first']);
    const created = published.flatMap((e) => (e.type === 'message.created' ? [e.message.body] : []));
    expect(created).toEqual(['new conversation']);
  });

  it('undoes a write that fails after writing, and stores the others of its batch', async () => {
    const visitor = await newVisitor();
    const broken = domain.writes.run(async () => {
      await store.conversations.create({
        id: 'half-written',
        siteId: visitor.siteId,
        visitorId: visitor.id,
        now: 3,
      });
      throw new Error('failed after a write');
    });
    const ok = domain.chat.sendVisitorMessage(visitor, 'client-v-1', 'kept');
    await expect(broken).rejects.toThrow('failed after a write');
    expect((await ok).message.seq).toBe(1);
    expect(await store.conversations.byId('half-written')).toBeNull();
  });

  it('stores a command id resent within the same transaction once, and publishes it once', async () => {
    const visitor = await newVisitor();
    const published: DomainEvent[] = [];
    domain.events.subscribe((e) => published.push(e));
    const [first, resent] = await Promise.all([
      domain.chat.sendVisitorMessage(visitor, 'client-dup-1', 'once'),
      domain.chat.sendVisitorMessage(visitor, 'client-dup-1', 'once'),
    ]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect([first.created, resent.created]).toEqual([true, false]);
    expect(resent.message).toEqual(first.message);
    expect(await domain.chat.messagesAfter(first.message.conversationId, 0)).toHaveLength(1);
    expect(published.filter((e) => e.type === 'message.created')).toHaveLength(1);
  });

  it('settles a send, and publishes it, only once its COMMIT is visible to another connection', async () => {
    const reader = await otherConnection();
    const seen: Promise<string>[] = [];
    domain.events.subscribe((e) => {
      if (e.type === 'message.created')
        seen.push(reader.count(e.message.clientId!).then((n) => `event: ${n} row`));
    });
    const visitor = await newVisitor();
    const sends = ['client-c-1', 'client-c-2'].map((id) =>
      domain.chat.sendVisitorMessage(visitor, id, 'durable').then(() => {
        const inTransaction = reader.writerInTransaction();
        seen.push(reader.count(id).then((n) => `ack: ${n} row, in transaction: ${String(inTransaction)}`));
      }),
    );
    expect(await reader.count('client-c-1')).toBe(0);
    await Promise.all(sends);
    const outcome = await Promise.all(seen);
    await reader.close();
    expect(outcome.sort()).toEqual([
      'ack: 1 row, in transaction: false',
      'ack: 1 row, in transaction: false',
      'event: 1 row',
      'event: 1 row',
    ]);
  });
});

/**
 * A second connection to the test's database. `count` reads at the moment it is called (the query leaves before
 * anything else can run), so it sees only what was committed by then.
 */
async function otherConnection() {
  const writer = sql;
  if (writer.engine === 'sqlite') {
    const db = openSqlite(path.join(dir, 'chat.sqlite')).db;
    const stored = db.prepare('SELECT COUNT(*) FROM messages WHERE client_id = ?').pluck();
    return {
      count: (clientId: string) => Promise.resolve(stored.get(clientId) as number),
      /** Whether the writer's connection has a transaction open, whichever async context asks. */
      writerInTransaction: () => writer.db.inTransaction,
      close: () => Promise.resolve(db.close()),
    };
  }
  const { pool } = writer;
  const client = await pool.connect();
  return {
    count: async (clientId: string) =>
      Number(
        (
          await client.query<{ n: number }>('SELECT COUNT(*) AS n FROM messages WHERE client_id = $1', [
            clientId,
          ])
        ).rows[0]!.n,
      ),
    /** A transaction holds its connection until it ends: any checked out besides this one is still in one. */
    writerInTransaction: () => pool.totalCount - pool.idleCount > 1,
    close: () => Promise.resolve(client.release()),
  };
}
