// The operations engines-agree.test.ts runs on a SQLite and a PostgreSQL store side by side: their generators, how
// one is carried out on one engine's world (through the domain where the app does so, else the store), and the
// snapshot compared at the end. Everything is deterministic but the ids, which the test maps to ordinals.
import fc from 'fast-check';
import {
  WEBHOOK_EVENTS,
  type ConversationSearchQuery,
  type Folder,
  type WebhookEvent,
} from '@livechat/shared/api';
import type { Agent, ConversationDetails, RecordKind } from '@livechat/shared/model';
import { createDomain, DomainError, type Domain } from '../src/domain/index.js';
import { publicAgent } from '../src/domain/agents.js';
import { DEFAULT_PLAYBOOK } from '../src/domain/playbook/default-playbook.js';
import type { Store, Viewer } from '../src/domain/store.js';
import { isUniqueViolation, type EngineSql } from '../src/store/index.js';

/** Every run starts at this time; ops move the clock on by a few ms (or none: ties in ORDER BY) or seconds. */
export const T0 = 1_700_000_000_000;

/** One engine's side: its store, and a domain over it with the shared clock. */
export interface World {
  store: Store;
  sql: EngineSql;
  domain: Domain;
  /** Failures of background work (a deadline firing); expected to stay empty. */
  background: string[];
}

export function worldOf(store: Store, sql: EngineSql, now: () => number): World {
  const background: string[] = [];
  const domain = createDomain(store, { now, onError: (err) => background.push(errorKind(err)) });
  return { store, sql, domain, background };
}

// ---- Fixtures: two sites (one with the default playbook, one without), two admins and two agents ----

const AGENTS = [
  { id: 'ad', name: 'Ada', role: 'admin' },
  { id: 'ad2', name: 'Ömer', role: 'admin' },
  { id: 'a1', name: 'bo', role: 'agent' },
  { id: 'a2', name: 'Émile', role: 'agent' },
] as const;
type AgentId = (typeof AGENTS)[number]['id'];
const SITES = ['s1', 's2'] as const;

/**
 * The fixtures, a webhook for every event, one available agent with the dashboard open, and three conversations.
 */
export async function seedWorld({ store, domain }: World): Promise<void> {
  for (const [i, id] of SITES.entries())
    await store.sites.insert({
      id,
      key: `key-${id}`,
      name: `Site ${id}`,
      allowedOrigins: [],
      createdAt: T0 + i,
    });
  await store.playbooks.insert('s1', DEFAULT_PLAYBOOK, null, T0);
  for (const [i, a] of AGENTS.entries())
    await store.agents.insert({
      ...a,
      email: `${a.id}@example.com`,
      active: true,
      createdAt: T0 + i,
      passwordHash: 'h',
    });
  for (const [i, name] of ['Ärne Öberg', 'Bob_Smith', 'zoë'].entries())
    await store.visitors.insert({ id: `v${i}`, siteId: SITES[i % 2]!, name, createdAt: T0 }, `token-v${i}`);
  await store.webhooks.insert(
    {
      id: 'w0',
      url: 'https://hooks.example.com/all',
      events: [...WEBHOOK_EVENTS],
      active: true,
      createdAt: T0,
    },
    'secret',
  );
  await store.agents.setAvailable('a1', true);
  domain.presence.connected(await agentOf(store, 'a1'));
  // Conversations to find from the first op on: one in the inbox per site, and one the bot alone handles.
  const visitor = async (id: string) => (await store.visitors.byId(id))!;
  await store.visitors.setContactField('v1', 'email', 'bob.smith@example.com');
  await domain.chat.sendVisitorMessage(await visitor('v0'), 'seed-0001', 'Hello there');
  await domain.chat.sendVisitorMessage(await visitor('v1'), 'seed-0002', 'I need a quote');
  await domain.chat.startConversation(await visitor('v2'));
}

// ---- The operations ----

export type Op =
  | { kind: 'visitor'; site: number; name: string }
  | { kind: 'start'; visitor: number }
  | { kind: 'visitorSays'; visitor: number; clientId: string; body: string }
  | { kind: 'agentSays'; agent: AgentId; conversation: number; clientId: string; body: string }
  | { kind: 'assignToMe'; agent: AgentId; conversation: number }
  | { kind: 'setAssignee'; agent: AgentId; conversation: number; assignee: AgentId | null }
  | { kind: 'close'; agent: AgentId; conversation: number }
  | { kind: 'tags'; agent: AgentId; conversation: number; tags: string[] }
  | { kind: 'saveDetails'; agent: AgentId; conversation: number; details: ConversationDetails }
  | { kind: 'details'; agent: AgentId; conversation: number }
  | { kind: 'record'; agent: AgentId; conversation: number; record: RecordKind; details: ConversationDetails }
  | { kind: 'note'; agent: AgentId; conversation: number; body: string }
  | { kind: 'search'; agent: AgentId; query: SearchQuery }
  | { kind: 'counts'; agent: AgentId }
  | { kind: 'messagesAfter'; conversation: number; afterSeq: number; limit: number }
  | { kind: 'activities'; agent: AgentId; conversation: number }
  | { kind: 'records'; agent: AgentId; record: RecordKind | null }
  | { kind: 'history'; visitor: number }
  | { kind: 'webhook'; events: WebhookEvent[] }
  | { kind: 'webhookActive'; webhook: number; active: boolean }
  | { kind: 'webhookRemove'; webhook: number }
  | { kind: 'deliveries'; webhook: number }
  | { kind: 'attempt'; webhook: number; delivery: number; outcome: AttemptOutcome }
  | { kind: 'due'; webhook: number; limit: number }
  | { kind: 'prune' }
  | { kind: 'presence'; agent: AgentId; connected: boolean }
  | { kind: 'available'; agent: AgentId; on: boolean }
  | { kind: 'botFolder'; site: number; on: boolean }
  | { kind: 'team'; agent: AgentId; change: { active?: boolean; role?: 'admin' | 'agent' } }
  | { kind: 'deadlines' };
/** What happens to a delivery: the dispatcher takes it, records an attempt, or an admin retries it. */
type AttemptOutcome = 'claim' | 'succeeded' | 'retrying' | 'failed' | 'retry';
/** The inbox's query, with a visitor by index instead of by id. */
type SearchQuery = Omit<ConversationSearchQuery, 'visitorId'> & { visitor?: number };

/** An op and how far the clock moves before it. */
export interface Step {
  op: Op;
  dt: number;
}

const agent = fc.constantFrom<AgentId>('ad', 'ad2', 'a1', 'a2');
const MISSING_CONVERSATION = -1;
// Conversations by creation order (their number), mostly one that exists; MISSING_CONVERSATION is a not-found.
const conversation = fc.oneof(
  { arbitrary: fc.nat(4), weight: 9 },
  { arbitrary: fc.constant(MISSING_CONVERSATION), weight: 1 },
);
const visitor = fc.nat(5);
// Mixed case, non-ASCII, LIKE's wildcards, and names that differ only in case.
const NAMES = [
  'Visitor 1234',
  'Ärne Öberg',
  'ärne',
  'ZOË Smith',
  'anna',
  'Bob_Smith',
  '100%_Sure',
  'Σίσυφος',
  'İlker',
];
const SEARCHES = [
  'ärne',
  'ÖBERG',
  'ZOË',
  'Smith',
  'BOB_',
  'b_s',
  '%',
  '100%',
  'EXAMPLE.COM',
  'Anna',
  'nobody',
];
const BODIES = [
  'hello',
  'I need pricing',
  'Ärne Öberg',
  'ann@example.com',
  'Acme',
  '100% _sure_',
  'wie geht’s?',
];
const clientId = fc.constantFrom('client-0001', 'client-0002', 'client-0003');
const tags = fc.array(fc.constantFrom('vip', 'pricing', 'größe', 'follow up'), { maxLength: 3 });
/** Present one time in three. */
const present = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });
const offset = fc.integer({ min: 0, max: 40 }).map((s) => T0 + s * 1000);

const details: fc.Arbitrary<ConversationDetails> = fc.record({
  dealValue: fc.constantFrom(
    null,
    { amount: '1250', currency: 'EUR' as const },
    { amount: '99.90', currency: 'USD' as const },
  ),
  expectedCloseDate: fc.constantFrom(null, '2026-12-31'),
  contactName: fc.constantFrom('', 'Ärne Öberg', 'ANNA', 'Zoë Smith'),
  email: fc.constantFrom('', 'ann@example.com', 'zoe_1@example.com'),
  phone: fc.constantFrom('', '+49 30 1234567'),
  organizationName: fc.constantFrom('', 'Acme', 'ACME', 'Äpfel GmbH', 'äpfel gmbh'),
  organizationAddress: fc.constantFrom('', 'Main St 1'),
  note: fc.constantFrom('', 'call back'),
});

const FOLDERS: Folder[] = ['unassigned', 'mine', 'all', 'bot', 'closed'];
const folder = fc.constantFrom(...FOLDERS);
const searchText = fc.oneof(
  { arbitrary: fc.constantFrom(...SEARCHES), weight: 4 },
  { arbitrary: fc.constantFrom('#1', '2', '#9'), weight: 1 },
);
const withoutUndefined = (q: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as SearchQuery;
// A search box, a folder, or any mix of filters.
const query: fc.Arbitrary<SearchQuery> = fc.oneof(
  { arbitrary: fc.record({ q: searchText, limit: fc.constantFrom(1, 200) }), weight: 3 },
  { arbitrary: fc.record({ folder, limit: fc.constantFrom(1, 2, 200) }), weight: 2 },
  fc
    .record({
      folder: present(folder),
      status: present(fc.constantFrom('open' as const, 'closed' as const)),
      q: present(searchText),
      assigneeId: present(fc.constantFrom('none', 'ad', 'a1')),
      from: present(offset),
      to: present(offset),
      visitor: present(visitor),
      limit: fc.constantFrom(1, 2, 200),
    })
    .map(withoutUndefined),
);

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('visitor'), site: fc.nat(1), name: fc.constantFrom(...NAMES) }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('start'), visitor }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('visitorSays'),
      visitor,
      clientId,
      body: fc.constantFrom(...BODIES),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('agentSays'),
      agent,
      conversation,
      clientId,
      body: fc.constantFrom(...BODIES),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('assignToMe'), agent, conversation }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('setAssignee'),
      agent,
      conversation,
      assignee: fc.option(agent, { nil: null }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('close'), agent, conversation }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('tags'), agent, conversation, tags }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('saveDetails'), agent, conversation, details }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('details'), agent, conversation }), weight: 1 },
  {
    arbitrary: fc
      .record({
        kind: fc.constant('record'),
        agent,
        conversation,
        record: fc.constantFrom('lead', 'deal'),
        details,
      })
      // A deal has a value (the API refuses one without).
      .map((o) => (o.record === 'deal' && !o.details.dealValue ? { ...o, record: 'lead' as const } : o)),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('note'),
      agent,
      conversation,
      body: fc.constantFrom(...BODIES),
    }),
    weight: 1,
  },
  {
    // Mostly an admin, who sees every conversation the search may match.
    arbitrary: fc.record({
      kind: fc.constant('search'),
      agent: fc.constantFrom<AgentId>('ad', 'ad', 'a1', 'a2'),
      query,
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('counts'), agent }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('messagesAfter'),
      conversation,
      afterSeq: fc.nat(6),
      limit: fc.constantFrom(1, 3, 1000),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('activities'), agent, conversation }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('records'),
      agent,
      record: fc.constantFrom('lead', 'deal', null),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('history'), visitor }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('webhook'),
      events: fc.subarray([...WEBHOOK_EVENTS], { minLength: 1 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('webhookActive'), webhook: fc.nat(2), active: fc.boolean() }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('webhookRemove'), webhook: fc.nat(2) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deliveries'), webhook: fc.nat(2) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('attempt'),
      webhook: fc.nat(2),
      delivery: fc.nat(3),
      outcome: fc.constantFrom<AttemptOutcome>('claim', 'succeeded', 'retrying', 'failed', 'retry'),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('due'), webhook: fc.nat(2), limit: fc.constantFrom(1, 10) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('prune') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('presence'), agent, connected: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('available'), agent, on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('botFolder'), site: fc.nat(1), on: fc.boolean() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('team'),
      agent,
      change: fc.oneof(
        fc.record({ active: fc.boolean() }),
        fc.record({ role: fc.constantFrom('admin' as const, 'agent' as const) }),
      ),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('deadlines') }), weight: 1 },
);

export const steps = (maxLength: number): fc.Arbitrary<Step[]> =>
  fc.array(fc.record({ op, dt: fc.constantFrom(0, 0, 1, 7, 1000, 20_000) }), { maxLength, size: 'max' });

/** A deadline op first moves the clock past every wait (the default playbook waits 60 s). */
export const DEADLINE_JUMP = 61_000;

// ---- Carrying an op out on one world ----

/** What an op produced: its result, or the kind of its refusal. */
export type Result = { ok: unknown } | { error: string };

/** A refusal's kind, comparable across engines: the domain's code, a duplicate key, or anything else. */
export function errorKind(err: unknown): string {
  if (err instanceof DomainError) return `domain: ${err.code}`;
  if (isUniqueViolation(err)) return 'unique violation';
  return `unexpected: ${err instanceof Error ? err.message : String(err)}`;
}

async function agentOf(store: Store, id: AgentId): Promise<Agent> {
  return publicAgent((await store.agents.byId(id))!);
}

/** The id of the index-th conversation (modulo how many there are), or one that does not exist. */
async function conversationId(world: World, index: number): Promise<string> {
  const count = (await world.sql.value<number>('SELECT COUNT(*) FROM conversations'))!;
  if (index === MISSING_CONVERSATION || count === 0) return 'no-such-conversation';
  return (await world.sql.value<string>('SELECT id FROM conversations WHERE number = ?', [
    (index % count) + 1,
  ]))!;
}

async function visitorOf(world: World, index: number) {
  const count = (await world.sql.value<number>('SELECT COUNT(*) FROM visitors'))!;
  return count === 0 ? null : world.store.visitors.byId(`v${index % count}`);
}

async function webhookId(world: World, index: number): Promise<string | null> {
  const all = await world.store.webhooks.all();
  return all.length === 0 ? null : all[index % all.length]!.id;
}

const viewer = (id: AgentId): Viewer => ({ agentId: id, admin: id === 'ad' || id === 'ad2' });

export async function apply(world: World, op: Op, now: number): Promise<Result> {
  try {
    return { ok: await run(world, op, now) };
  } catch (err) {
    return { error: errorKind(err) };
  }
}

async function run(world: World, op: Op, now: number): Promise<unknown> {
  const { store, domain } = world;
  switch (op.kind) {
    case 'visitor': {
      const count = (await world.sql.value<number>('SELECT COUNT(*) FROM visitors'))!;
      const visitor = { id: `v${count}`, siteId: SITES[op.site]!, name: op.name, createdAt: now };
      await store.visitors.insert(visitor, `token-v${count}`);
      return visitor;
    }
    case 'start': {
      const visitor = await visitorOf(world, op.visitor);
      return visitor && domain.chat.startConversation(visitor);
    }
    case 'visitorSays': {
      const visitor = await visitorOf(world, op.visitor);
      return visitor && domain.chat.sendVisitorMessage(visitor, op.clientId, op.body);
    }
    case 'agentSays':
      return domain.chat.sendAgentMessage(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
        op.clientId,
        op.body,
      );
    case 'assignToMe':
      return domain.assignment.assignToMe(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
      );
    case 'setAssignee':
      return domain.assignment.setAssignee(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
        op.assignee === null ? { teamId: null } : { agentId: op.assignee },
      );
    case 'close':
      return domain.closing.close(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
      );
    case 'tags':
      return domain.annotations.setTags(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
        op.tags,
      );
    case 'saveDetails':
      return domain.crm.saveDetails(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
        op.details,
      );
    case 'details':
      return domain.crm.details(await agentOf(store, op.agent), await conversationId(world, op.conversation));
    case 'record': {
      const agent = await agentOf(store, op.agent);
      const id = await conversationId(world, op.conversation);
      return {
        record: await domain.crm.create(agent, id, { kind: op.record, details: op.details }),
        ofConversation: await domain.crm.ofConversation(agent, id),
      };
    }
    case 'note':
      return domain.annotations.addNote(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
        op.body,
      );
    case 'search': {
      const { visitor, ...query } = op.query;
      return domain.inbox.search(await agentOf(store, op.agent), {
        ...query,
        ...(visitor !== undefined && { visitorId: `v${visitor}` }),
      });
    }
    case 'counts': {
      const agent = await agentOf(store, op.agent);
      return {
        counts: await domain.inbox.counts(agent),
        raw: await store.conversations.counts(viewer(op.agent)),
      };
    }
    case 'messagesAfter':
      return domain.chat.messagesAfter(await conversationId(world, op.conversation), op.afterSeq, op.limit);
    case 'activities':
      return domain.annotations.activities(
        await agentOf(store, op.agent),
        await conversationId(world, op.conversation),
      );
    case 'records':
      return domain.crm.list(await agentOf(store, op.agent), op.record);
    case 'history': {
      const visitor = await visitorOf(world, op.visitor);
      return (
        visitor && {
          plan: await domain.visitorHistory.plan(visitor),
          open: await domain.visitorHistory.openId(visitor),
          recent: await store.conversations.recentOfVisitor(visitor.id, 2),
        }
      );
    }
    case 'webhook':
      // The secret is random: never compared.
      return (await domain.webhooks.create({ url: 'https://hooks.example.com/in', events: op.events }))
        .webhook;
    case 'webhookActive': {
      const id = await webhookId(world, op.webhook);
      return id && domain.webhooks.update(id, { active: op.active });
    }
    case 'webhookRemove': {
      const id = await webhookId(world, op.webhook);
      return id && (await domain.webhooks.remove(id), store.webhooks.all());
    }
    case 'deliveries': {
      const id = await webhookId(world, op.webhook);
      return id && domain.webhooks.deliveries(id);
    }
    case 'attempt':
      return attempt(world, op, now);
    case 'due': {
      const id = await webhookId(world, op.webhook);
      return {
        webhooks: await store.webhooks.dueWebhooks(now),
        // Secrets are random: never compared.
        due: id && (await store.webhooks.due(id, now, op.limit)).map(({ secret: _secret, ...d }) => d),
        subscribed: await Promise.all(WEBHOOK_EVENTS.map((e) => store.webhooks.subscribed(e))),
      };
    }
    case 'prune':
      return store.webhooks.prune(now - 30_000);
    case 'presence':
      if (op.connected) domain.presence.connected(await agentOf(store, op.agent));
      else domain.presence.disconnected(op.agent);
      return domain.presence.anyAvailable();
    case 'available':
      return domain.presence.setAvailable(op.agent, op.on);
    case 'botFolder': {
      const site = (await store.sites.byId(SITES[op.site]!))!;
      await store.sites.update({ ...site, botFolderForAgents: op.on });
      return store.sites.anyBotFolderForAgents();
    }
    case 'team':
      return domain.team.update(op.agent, op.change);
    case 'deadlines': {
      // Every stored wait is over (the clock jumped): re-arming fires them at once, as after a restart.
      domain.playbooks.stop();
      const pending = await store.playbookRuns.withDeadline();
      await domain.playbooks.resume();
      // The re-armed timers (due now) fire before this one, each queuing its unit; then those commit.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await domain.writes.drain();
      domain.playbooks.stop();
      return pending;
    }
  }
}

/** One step of the dispatcher's life, on the store: take a delivery, record its outcome, or retry a failed one. */
async function attempt(world: World, op: Extract<Op, { kind: 'attempt' }>, now: number): Promise<unknown> {
  const { store, domain } = world;
  const webhook = await webhookId(world, op.webhook);
  if (!webhook) return null;
  const log = await store.webhooks.deliveries(webhook, 100);
  const delivery = log[op.delivery % Math.max(1, log.length)];
  if (!delivery) return null;
  const { id, attempts, nextAttemptAt } = delivery;
  switch (op.outcome) {
    case 'claim':
      return store.webhooks.reschedule(id, nextAttemptAt ?? now, now + 30_000);
    case 'succeeded':
      await store.webhooks.markSucceeded(id, attempts + 1, 200, now);
      break;
    case 'retrying':
      await store.webhooks.markAttemptFailed(id, attempts + 1, 500, 'HTTP 500', now + 1000);
      break;
    case 'failed':
      await store.webhooks.markAttemptFailed(id, attempts + 1, null, 'timed out', null);
      break;
    case 'retry':
      return domain.webhooks.retry(webhook, id);
  }
  return store.webhooks.delivery(webhook, id);
}

// ---- What is compared at the end ----

export async function snapshot(world: World, now: number): Promise<unknown> {
  const { store, sql } = world;
  const conversations = [];
  for (const { id } of await sql.all<{ id: string }>('SELECT id FROM conversations ORDER BY number')) {
    const messages = await store.messages.after(id, 0, 10_000);
    const conversation = (await store.conversations.byId(id))!;
    // Gap-free seqs on both engines.
    if (messages.some((m, i) => m.seq !== i + 1) || messages.length !== conversation.lastSeq)
      throw new Error(`conversation #${conversation.number}: seqs ${messages.map((m) => m.seq).join(',')}`);
    conversations.push({
      conversation,
      messages,
      activities: await store.activities.of(id),
      details: await store.details.of(id),
      records: await store.crm.ofConversation(id),
      answers: await store.answers.of(id),
      run: await store.playbookRuns.get(id),
    });
  }
  const visitors = [];
  for (const { id } of await sql.all<{ id: string }>('SELECT id FROM visitors ORDER BY created_at, id'))
    visitors.push({ visitor: await store.visitors.byId(id), contact: await store.visitors.contact(id) });
  const webhooks = [];
  for (const webhook of await store.webhooks.all())
    webhooks.push({ webhook, deliveries: await store.webhooks.deliveries(webhook.id, 1000) });
  const viewers = [];
  for (const { id } of AGENTS) {
    const agent = await agentOf(store, id);
    // Every search text and folder, as an admin and as an agent see them.
    const searches = [];
    const queries =
      id === 'ad' || id === 'a1'
        ? [...SEARCHES.map((q) => ({ q })), ...FOLDERS.map((f) => ({ folder: f }))]
        : [];
    for (const query of queries)
      searches.push({
        query,
        ...(await apply(world, { kind: 'search', agent: id, query: { ...query, limit: 500 } }, now)),
      });
    viewers.push({
      counts: await store.conversations.counts(viewer(id)),
      searches,
      records: await store.crm.list(viewer(id), null),
      agent,
    });
  }
  return {
    conversations,
    visitors,
    webhooks,
    viewers,
    agents: (await store.agents.all()).map(publicAgent),
    deadlines: await store.playbookRuns.withDeadline(),
    dueWebhooks: await store.webhooks.dueWebhooks(now + DEADLINE_JUMP),
    background: world.background,
  };
}
