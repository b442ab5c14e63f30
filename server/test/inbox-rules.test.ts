// The server's SQL and the shared inbox rules agree: for random conversations (channels, teams, types, tags of the
// conversation and its contact, contact attributes, created and activity times), viewers and queries (every filter,
// applied together), the inbox lists exactly the conversations `matchesQuery` (and, for text, `matchesText`) accepts, and the counts are the
// sizes of the folders `inFolder` describes. The dashboard files live updates with the same shared rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attributeKeyNorm, type ConversationSearchQuery } from '@livechat/shared/api';
import {
  canSee,
  hasFolder,
  inFolder,
  matchesQuery,
  matchesText,
  type Folder,
  type InboxQuery,
  type InboxViewer,
} from '@livechat/shared/inbox';
import { publicAgent } from '../src/domain/agents.js';
import { createInboxService } from '../src/domain/inbox.js';
import { agentCanSee } from '../src/domain/access.js';
import type { Store } from '../src/domain/store.js';
import type { Sql, SqlValue } from '../src/store/sql/sql.js';
import { openTestStore } from './test-store.js';

let sql: Sql;
let store: Store;
let inbox: ReturnType<typeof createInboxService>;
beforeAll(async () => {
  ({ store, sql } = await openTestStore());
  inbox = createInboxService(store);
  await sql.run(
    "INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES ('s1', 'k1', 'Site', '[]', 0)",
  );
  await sql.run(
    `INSERT INTO agents (id, email, name, role, password_hash, active, created_at) VALUES
       ('ad', 'ad@x', 'Ada', 'admin', 'h', 1, 0), ('me', 'me@x', 'Me', 'agent', 'h', 1, 0),
       ('other', 'o@x', 'Other', 'agent', 'h', 1, 0)`,
  );
  // Team A: Me and Other; team B: Ada (the admin); team C: nobody.
  await sql.run(
    `INSERT INTO teams (id, name, name_key, created_at) VALUES ('tA', 'A', 'a', 0), ('tB', 'B', 'b', 0),
       ('tC', 'C', 'c', 0)`,
  );
  await sql.run(
    "INSERT INTO team_members (team_id, agent_id) VALUES ('tA', 'me'), ('tA', 'other'), ('tB', 'ad')",
  );
});

const TEAMS_OF: Record<string, string[]> = { ad: ['tB'], me: ['tA'], other: ['tA'] };
afterAll(() => store?.close());

/** "a_b" and "axb": the tag filter's LIKE must not take "_" for any character; "bill" is not "billing". */
const TAGS = ['vip', 'billing', 'bill', 'a_b', 'axb'];

const NAME_CHARS = ['a', 'B', 'c', ' ', '%', '_', '\\', '1'];
const text = (max: number) =>
  fc.array(fc.constantFrom(...NAME_CHARS), { maxLength: max }).map((cs) => cs.join(''));

// Small domains, so that every combination (a bot-only chat, a colleague's closed chat…) comes up often.
const conversationArb = fc.record({
  status: fc.constantFrom('open' as const, 'closed' as const),
  assigneeId: fc.constantFrom(null, 'me', 'other', 'ad'),
  teamId: fc.constantFrom(null, null, 'tA', 'tB', 'tC'),
  queuedAt: fc.constantFrom(null, 5, 40),
  visitorWroteAt: fc.constantFrom(null, 3, 30),
  updatedAt: fc.integer({ min: 0, max: 100 }),
  name: text(6),
  contactName: fc.option(text(6), { nil: null }),
  email: fc.option(text(6), { nil: null }),
  channel: fc.constantFrom('web' as const, 'sms' as const),
  startedByAgent: fc.boolean(),
  createdAt: fc.integer({ min: 0, max: 100 }),
  tags: fc.subarray(TAGS),
  contactTags: fc.subarray(TAGS),
  // One spelling per name (a contact's names are unique ignoring case), values that differ only in case.
  attributes: fc.record(
    {
      plan: fc.record({
        key: fc.constantFrom('Plan', 'plan', 'PLAN'),
        value: fc.constantFrom('Pro', 'pro', 'Free'),
      }),
      tier: fc.record({ key: fc.constantFrom('tier', 'Tier'), value: fc.constantFrom('Gold', '') }),
    },
    { requiredKeys: [] },
  ),
});

/** The list's filters (conversation-filters.ts): up to three at once, so that a combination still lists some. */
const FILTER_ARBS = {
  channel: fc.constantFrom('web' as const, 'sms' as const),
  teamId: fc.constantFrom('none', 'tA', 'tB', 'tC'),
  type: fc.constantFrom('bot' as const, 'live' as const, 'sms' as const, 'agent_started' as const),
  tag: fc.constantFrom(...TAGS, 'none'),
  attribute: fc.constantFrom('plan', 'PLAN', 'Tier', 'nope'),
  attributeValue: fc.constantFrom('Pro', 'pro', 'Free', 'Gold'),
  createdFrom: fc.integer({ min: 0, max: 100 }),
  createdTo: fc.integer({ min: 0, max: 100 }),
};
const filtersArb = fc
  .subarray(Object.keys(FILTER_ARBS) as (keyof typeof FILTER_ARBS)[], { maxLength: 3 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, FILTER_ARBS[k]])))) as fc.Arbitrary<
  Partial<Pick<InboxQuery, keyof typeof FILTER_ARBS>>
>;

/** Present `weight` times in three. */
const present = <T>(arb: fc.Arbitrary<T>, weight: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 - weight }, { arbitrary: arb, weight });
const queryArb = fc
  .record({
    folder: present(fc.constantFrom<Folder>('unassigned', 'mine', 'teams', 'all', 'bot', 'closed'), 2),
    status: present(fc.constantFrom('open' as const, 'closed' as const), 1),
    assigneeId: present(fc.constantFrom('none', 'me', 'other', 'ad'), 1),
    q: present(
      fc.oneof(
        fc.integer({ min: 1, max: 12 }).map((n) => `#${n}`),
        fc.nat(12).map(String),
        text(3),
      ),
      1,
    ),
    from: present(fc.integer({ min: 0, max: 100 }), 1),
    to: present(fc.integer({ min: 0, max: 100 }), 1),
  })
  .chain((q) => filtersArb.map((filters) => ({ ...q, ...filters })))
  .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as InboxQuery);

type Generated = typeof conversationArb extends fc.Arbitrary<infer T> ? T : never;

/** Replaces every conversation, and sets the site's Bot folder setting, in one transaction (one commit). */
function load(conversations: Generated[], botFolderForAgents: boolean) {
  const rows = (placeholders: string) => conversations.map(() => placeholders).join(', ');
  return sql.transaction(async () => {
    await sql.run('DELETE FROM conversations');
    await sql.run('DELETE FROM contact_tags');
    await sql.run('DELETE FROM contact_attributes');
    await sql.run('DELETE FROM visitors');
    await sql.run(
      `INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at, contact_name, email)
       VALUES ${rows("(?, 's1', ?, ?, 0, 0, ?, ?)")}`,
      conversations.flatMap((c, i): SqlValue[] => [`v${i}`, `t${i}`, c.name, c.contactName, c.email]),
    );
    await sql.run(
      `INSERT INTO conversations (id, number, site_id, visitor_id, status, assignee_id, team_id, created_at,
         updated_at, queued_at, closed_at, visitor_wrote_at, channel, started_by_agent, tags)
       VALUES ${rows("(?, ?, 's1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")}`,
      conversations.flatMap((c, i): SqlValue[] => [
        `c${i}`,
        i + 1,
        `v${i}`,
        c.status,
        c.assigneeId,
        // A team's chat was queued (routing queues it), so a bot-only one has none.
        c.queuedAt === null && c.assigneeId === null ? null : c.teamId,
        c.createdAt,
        c.updatedAt,
        c.queuedAt,
        c.status === 'closed' ? c.updatedAt : null,
        c.visitorWroteAt,
        c.channel,
        c.startedByAgent ? 1 : 0,
        JSON.stringify(c.tags),
      ]),
    );
    const tags = conversations.flatMap((c, i) => c.contactTags.map((tag): SqlValue[] => [`v${i}`, tag]));
    if (tags.length > 0)
      await sql.run(
        `INSERT INTO contact_tags (visitor_id, tag) VALUES ${tags.map(() => '(?, ?)').join(', ')}`,
        tags.flat(),
      );
    const attributes = conversations.flatMap((c, i) =>
      Object.values(c.attributes).map((a, position): SqlValue[] => [
        `v${i}`,
        a.key,
        attributeKeyNorm(a.key),
        a.value,
        position,
      ]),
    );
    if (attributes.length > 0)
      await sql.run(
        `INSERT INTO contact_attributes (visitor_id, key, key_norm, value, position)
         VALUES ${attributes.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        attributes.flat(),
      );
    await sql.run('UPDATE sites SET bot_folder_for_agents = ?', [botFolderForAgents ? 1 : 0]);
  });
}

const viewerArb = fc.record({
  agentId: fc.constantFrom('ad', 'me', 'other'),
  botFolderForAgents: fc.boolean(),
});

/**
 * Lists for the viewer through the inbox service and checks the answer: exactly the conversations the shared rules
 * accept, newest activity first, none the viewer may not see. Returns how many were listed.
 */
async function listsWhatRulesAccept(
  conversations: Generated[],
  { agentId, botFolderForAgents }: { agentId: string; botFolderForAgents: boolean },
  query: InboxQuery,
): Promise<number> {
  await load(conversations, botFolderForAgents);
  const agent = publicAgent((await store.agents.byId(agentId))!);
  const viewer: InboxViewer = {
    id: agent.id,
    role: agent.role,
    seesBotChats: agent.role === 'admin' || botFolderForAgents,
    teamIds: TEAMS_OF[agent.id]!,
  };
  const full: ConversationSearchQuery = { ...query, limit: 500 };
  if (query.folder && !hasFolder(viewer, query.folder)) {
    await expect(inbox.search(agent, full)).rejects.toThrow(/admins|Bot folder/);
    return 0;
  }
  const listed = await inbox.search(agent, full);
  const expected = (await store.conversations.search({ limit: 500 }, { agentId: 'ad', admin: true }))
    .filter((c) => {
      const row = conversations[Number(c.id.slice(1))]!;
      const contact = { tags: row.contactTags, attributes: Object.values(row.attributes) };
      return (
        matchesQuery(c, viewer, query, contact) &&
        matchesText(query.q ?? '', [row.contactName ?? row.name, row.email])
      );
    })
    .map((c) => c.id);
  expect(listed.map((c) => c.id)).toEqual(expected);
  // Whatever the filters, nothing the viewer may not see.
  for (const c of listed) expect(canSee(viewer, c)).toBe(true);
  return listed.length;
}

describe('inbox SQL = shared inbox rules', () => {
  it('lists exactly what matchesQuery accepts, for every folder, filter and search', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(conversationArb, { minLength: 1, maxLength: 12 }),
        viewerArb,
        queryArb,
        async (conversations, viewer, query) => {
          await listsWhatRulesAccept(conversations, viewer, query);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it('each filter, alone or with others, lists exactly what a direct check of the same data accepts', async () => {
    let listedSome = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(conversationArb, { minLength: 1, maxLength: 20 }),
        viewerArb,
        present(fc.constantFrom<Folder>('unassigned', 'mine', 'teams', 'all', 'closed'), 1),
        filtersArb.filter((f) => Object.keys(f).length > 0),
        async (conversations, viewer, folder, filters) => {
          const query: InboxQuery = folder ? { folder, ...filters } : filters;
          if ((await listsWhatRulesAccept(conversations, viewer, query)) > 0) listedSome++;
        },
      ),
      { numRuns: 400 },
    );
    // The filters were exercised, not just empty answers compared.
    expect(listedSome).toBeGreaterThan(100);
  }, 60_000);

  it('counts the folders as inFolder fills them, and sees what canSee allows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(conversationArb, { minLength: 1, maxLength: 12 }),
        viewerArb,
        async (conversations, v) => {
          await load(conversations, v.botFolderForAgents);
          const agent = publicAgent((await store.agents.byId(v.agentId))!);
          const viewer: InboxViewer = {
            id: agent.id,
            role: agent.role,
            seesBotChats: agent.role === 'admin' || v.botFolderForAgents,
            teamIds: TEAMS_OF[agent.id]!,
          };
          const all = await store.conversations.search({ limit: 500 }, { agentId: 'ad', admin: true });
          const size = (f: Folder) =>
            hasFolder(viewer, f) ? all.filter((c) => inFolder(f, c, viewer)).length : null;
          expect(await inbox.counts(agent)).toEqual({
            unassigned: size('unassigned'),
            mine: size('mine'),
            teams: size('teams'),
            all: size('all'),
            bot: size('bot'),
            closed: size('closed'),
            teamIds: TEAMS_OF[agent.id],
          });
          for (const c of all) expect(await agentCanSee(agent, c, store)).toBe(canSee(viewer, c));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
