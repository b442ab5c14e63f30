// Group commit against a real SQLite file: one transaction per turn, savepoints per message, acks after COMMIT.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Agent } from '@livechat/shared/model';
import { createDomain, DEMO_SITE_KEY, seed, type Domain, type DomainEvent } from '../src/domain/index.js';
import {
  createStore,
  openDatabase,
  publicAgent,
  type Database,
  type Store,
  type Visitor,
} from '../src/store/index.js';
import { NO_STEPS } from './helper.js';

let dir: string;
let db: Database;
let store: Store;
let domain: Domain;
let transactions: MockInstance<Store['transaction']>;
let agent: Agent;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-group-commit-'));
  db = openDatabase(path.join(dir, 'chat.sqlite'));
  store = createStore(db);
  await seed(store, {
    adminEmail: 'admin@example.com',
    adminPassword: 'admin-password',
    demoOrigins: [],
    now: 1,
  });
  domain = createDomain(store);
  store.playbooks.insert(store.sites.byKey(DEMO_SITE_KEY)!.id, NO_STEPS, null, 2);
  transactions = vi.spyOn(store, 'transaction');
  agent = publicAgent(store.agents.byEmail('admin@example.com')!);
});

afterEach(() => {
  domain.writes.drain();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const newVisitor = (): Visitor =>
  domain.visitors.identify(domain.visitors.siteByKey(DEMO_SITE_KEY)!, undefined).visitor;
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string }) => ({ ok: false as const, code: error.code }),
  );

describe('group commit of messages', () => {
  it('stores the messages of one turn in one transaction, each sender’s in send order', async () => {
    const [a, b] = [newVisitor(), newVisitor()];
    const sends = [
      domain.chat.sendVisitorMessage(a, 'client-a-1', 'a1'),
      domain.chat.sendVisitorMessage(b, 'client-b-1', 'b1'),
      domain.chat.sendVisitorMessage(a, 'client-a-2', 'a2'),
      domain.chat.sendVisitorMessage(b, 'client-b-2', 'b2'),
      domain.chat.sendVisitorMessage(a, 'client-a-3', 'a3'),
    ];
    const results = await Promise.all(sends);
    expect(transactions).toHaveBeenCalledTimes(1);
    const seqOf = (body: string) => results.find((r) => r.message.body === body)!.message.seq;
    expect(['a1', 'a2', 'a3'].map(seqOf)).toEqual([1, 2, 3]);
    expect(['b1', 'b2'].map(seqOf)).toEqual([1, 2]);
    const conversation = domain.chat.openConversationOf(a)!;
    expect(conversation.lastSeq).toBe(3);
    expect(domain.chat.messagesAfter(conversation.id, 0).map((m) => m.body)).toEqual(['a1', 'a2', 'a3']);
  });

  it('refuses one message without undoing the others in its transaction', async () => {
    const visitor = newVisitor();
    const { message: first } = await domain.chat.sendVisitorMessage(visitor, 'client-v-1', 'first');
    db.prepare("UPDATE conversations SET status = 'closed', closed_at = 2 WHERE id = ?").run(
      first.conversationId,
    );
    transactions.mockClear();

    const [toClosed, toUnknown, fresh] = await Promise.all([
      settle(domain.chat.sendAgentMessage(agent, first.conversationId, 'client-g-1', 'too late')),
      settle(domain.chat.sendAgentMessage(agent, 'no-such-conversation', 'client-g-2', 'hello?')),
      settle(domain.chat.sendVisitorMessage(visitor, 'client-v-2', 'new conversation')),
    ]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(toClosed).toEqual({ ok: false, code: 'conversation_closed' });
    expect(toUnknown).toEqual({ ok: false, code: 'not_found' });
    expect(fresh.ok && fresh.value.message).toMatchObject({ seq: 1, body: 'new conversation' });
    expect(domain.chat.messagesAfter(first.conversationId, 0).map((m) => m.body)).toEqual(['first']);
  });

  it('rolls back only the savepoint of a write that fails after writing', async () => {
    const visitor = newVisitor();
    const broken = domain.writes.run(() => {
      store.conversations.create({
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
    expect(store.conversations.byId('half-written')).toBeNull();
    expect(transactions).toHaveBeenCalledTimes(1);
  });

  it('stores a command id resent within the same transaction once, and publishes it once', async () => {
    const visitor = newVisitor();
    const published: DomainEvent[] = [];
    domain.events.subscribe((e) => published.push(e));
    const [first, resent] = await Promise.all([
      domain.chat.sendVisitorMessage(visitor, 'client-dup-1', 'once'),
      domain.chat.sendVisitorMessage(visitor, 'client-dup-1', 'once'),
    ]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect([first.created, resent.created]).toEqual([true, false]);
    expect(resent.message).toEqual(first.message);
    expect(domain.chat.messagesAfter(first.message.conversationId, 0)).toHaveLength(1);
    expect(published.filter((e) => e.type === 'message.created')).toHaveLength(1);
  });

  it('settles a send, and publishes it, only once its COMMIT is visible to another connection', async () => {
    const reader = openDatabase(path.join(dir, 'chat.sqlite'));
    const stored = reader.prepare('SELECT COUNT(*) FROM messages WHERE client_id = ?').pluck();
    const seen: string[] = [];
    domain.events.subscribe((e) => {
      if (e.type === 'message.created') seen.push(`event: ${String(stored.get(e.message.clientId))} row`);
    });
    const visitor = newVisitor();
    const sends = ['client-c-1', 'client-c-2'].map((id) =>
      domain.chat.sendVisitorMessage(visitor, id, 'durable').then(() => {
        seen.push(`ack: ${String(stored.get(id))} row, in transaction: ${String(store.inTransaction())}`);
      }),
    );
    expect(stored.get('client-c-1')).toBe(0);
    await Promise.all(sends);
    reader.close();
    expect(seen.sort()).toEqual([
      'ack: 1 row, in transaction: false',
      'ack: 1 row, in transaction: false',
      'event: 1 row',
      'event: 1 row',
    ]);
  });
});
