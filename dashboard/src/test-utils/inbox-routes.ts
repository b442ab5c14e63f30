// Default answers for the inbox's side requests (counts, colleagues, saved replies, timeline, side panel).
import type { Conversation, Role } from '@livechat/shared/model';
import { FolderCountsBodySchema } from '@livechat/shared/api';
import type { Handler } from './fetch-mock.js';
import { build } from './fixtures.js';
import { COLLEAGUES, TEAMS, details } from './inbox-fixtures.js';

const NO_READS = { visitor: null, team: null, mine: null };

export function inboxRoutes(conv: Conversation, role: Role): Record<string, Handler> {
  const base = `/api/conversations/${conv.id}`;
  return {
    'GET /api/conversations/counts': () => ({
      body: build(FolderCountsBodySchema, {
        counts: {
          unassigned: 1,
          mine: 0,
          teams: 0,
          all: role === 'admin' ? 1 : null,
          bot: role === 'admin' ? 0 : null,
          closed: 0,
        },
      }),
    }),
    'GET /api/colleagues': () => ({ body: { agents: COLLEAGUES } }),
    'GET /api/teams': () => ({ body: { teams: TEAMS } }),
    'GET /api/saved-replies': () => ({ body: { replies: [] } }),
    [`GET ${base}/activities`]: () => ({ body: { activities: [] } }),
    [`GET ${base}/details`]: () => ({ body: { details: details() } }),
    [`GET ${base}/records`]: () => ({ body: { records: [] } }),
    [`GET ${base}/visitor-context`]: () => ({ body: { context: null } }),
    [`GET ${base}/contact-notes`]: () => ({ body: { notes: [] } }),
    // Seen receipts and unread counts: nothing read, nothing unread.
    'GET /api/unread': () => ({
      body: {
        unread: { conversations: {}, folders: { unassigned: 0, mine: 0, teams: 0, all: null, bot: null } },
      },
    }),
    [`GET ${base}/reads`]: () => ({ body: { reads: NO_READS } }),
    [`POST ${base}/read`]: (call) => ({
      body: { reads: { ...NO_READS, mine: { seq: (call.body as { seq: number }).seq, readAt: 0 } } },
    }),
  };
}
