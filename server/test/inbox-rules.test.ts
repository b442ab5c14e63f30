// The server's SQL and the shared inbox rules agree: for random conversations, viewers and queries, the inbox
// lists exactly the conversations `matchesQuery` (and, for text, `matchesText`) accepts, and the counts are the
// sizes of the folders `inFolder` describes. The dashboard files live updates with the same shared rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConversationSearchQuery } from '@livechat/shared/api';
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
});
afterAll(() => store?.close());

const NAME_CHARS = ['a', 'B', 'c', ' ', '%', '_', '\\', '1'];
const text = (max: number) =>
  fc.array(fc.constantFrom(...NAME_CHARS), { maxLength: max }).map((cs) => cs.join(''));

// Small domains, so that every combination (a bot-only chat, a colleague's closed chat…) comes up often.
const conversationArb = fc.record({
  status: fc.constantFrom('open' as const, 'closed' as const),
  assigneeId: fc.constantFrom(null, 'me', 'other', 'ad'),
  queuedAt: fc.constantFrom(null, 5, 40),
  visitorWroteAt: fc.constantFrom(null, 3, 30),
  updatedAt: fc.integer({ min: 0, max: 100 }),
  name: text(6),
  contactName: fc.option(text(6), { nil: null }),
  email: fc.option(text(6), { nil: null }),
});

/** Present `weight` times in three. */
const present = <T>(arb: fc.Arbitrary<T>, weight: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 - weight }, { arbitrary: arb, weight });
const queryArb = fc
  .record({
    folder: present(fc.constantFrom<Folder>('unassigned', 'mine', 'all', 'bot', 'closed'), 2),
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
  .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as InboxQuery);

type Generated = typeof conversationArb extends fc.Arbitrary<infer T> ? T : never;

/** Replaces every conversation, and sets the site's Bot folder setting, in one transaction (one commit). */
function load(conversations: Generated[], botFolderForAgents: boolean) {
  const rows = (placeholders: string) => conversations.map(() => placeholders).join(', ');
  return sql.transaction(async () => {
    await sql.run('DELETE FROM conversations');
    await sql.run('DELETE FROM visitors');
    await sql.run(
      `INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at, contact_name, email)
       VALUES ${rows("(?, 's1', ?, ?, 0, 0, ?, ?)")}`,
      conversations.flatMap((c, i): SqlValue[] => [`v${i}`, `t${i}`, c.name, c.contactName, c.email]),
    );
    await sql.run(
      `INSERT INTO conversations (id, number, site_id, visitor_id, status, assignee_id, created_at, updated_at,
         queued_at, closed_at, visitor_wrote_at) VALUES ${rows("(?, ?, 's1', ?, ?, ?, 0, ?, ?, ?, ?)")}`,
      conversations.flatMap((c, i): SqlValue[] => [
        `c${i}`,
        i + 1,
        `v${i}`,
        c.status,
        c.assigneeId,
        c.updatedAt,
        c.queuedAt,
        c.status === 'closed' ? c.updatedAt : null,
        c.visitorWroteAt,
      ]),
    );
    await sql.run('UPDATE sites SET bot_folder_for_agents = ?', [botFolderForAgents ? 1 : 0]);
  });
}

const viewerArb = fc.record({
  agentId: fc.constantFrom('ad', 'me'),
  botFolderForAgents: fc.boolean(),
});

describe('inbox SQL = shared inbox rules', () => {
  it('lists exactly what matchesQuery accepts, for every folder, filter and search', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(conversationArb, { minLength: 1, maxLength: 12 }),
        viewerArb,
        queryArb,
        async (conversations, { agentId, botFolderForAgents }, query) => {
          await load(conversations, botFolderForAgents);
          const agent = publicAgent((await store.agents.byId(agentId))!);
          const viewer: InboxViewer = {
            id: agent.id,
            role: agent.role,
            seesBotChats: agent.role === 'admin' || botFolderForAgents,
          };
          const full: ConversationSearchQuery = { ...query, limit: 500 };
          if (query.folder && !hasFolder(viewer, query.folder)) {
            await expect(inbox.search(agent, full)).rejects.toThrow(/admins|Bot folder/);
            return;
          }
          const listed = (await inbox.search(agent, full)).map((c) => c.id);
          const expected = (await store.conversations.search({ limit: 500 }, { agentId: 'ad', admin: true }))
            .filter((c) => {
              const i = Number(c.id.slice(1));
              const row = conversations[i]!;
              return (
                matchesQuery(c, viewer, query) &&
                matchesText(query.q ?? '', [row.contactName ?? row.name, row.email])
              );
            })
            .map((c) => c.id);
          expect(listed).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
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
          };
          const all = await store.conversations.search({ limit: 500 }, { agentId: 'ad', admin: true });
          const size = (f: Folder) =>
            hasFolder(viewer, f) ? all.filter((c) => inFolder(f, c, viewer)).length : null;
          expect(await inbox.counts(agent)).toEqual({
            unassigned: size('unassigned'),
            mine: size('mine'),
            all: size('all'),
            bot: size('bot'),
            closed: size('closed'),
          });
          for (const c of all) expect(await agentCanSee(agent, c, store.sites)).toBe(canSee(viewer, c));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
