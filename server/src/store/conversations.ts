import type { Folder } from '@livechat/shared/api';
import type { Conversation, ConversationStatus } from '@livechat/shared/model';
import type { Database } from './database.js';

interface ConversationRow {
  id: string;
  number: number;
  site_id: string;
  visitor_id: string;
  visitor_name: string;
  channel: 'web';
  status: ConversationStatus;
  assignee_id: string | null;
  last_seq: number;
  last_message_preview: string | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  queued_at: number | null;
  waiting_until: number | null;
  missed_at: number | null;
  visitor_wrote_at: number | null;
  tags: string;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  number: r.number,
  siteId: r.site_id,
  visitorId: r.visitor_id,
  visitorName: r.visitor_name,
  channel: r.channel,
  status: r.status,
  assigneeId: r.assignee_id,
  lastSeq: r.last_seq,
  lastMessagePreview: r.last_message_preview,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
  queuedAt: r.queued_at,
  waitingUntil: r.waiting_until,
  missedAt: r.missed_at,
  visitorWroteAt: r.visitor_wrote_at,
  // Written only from checked tag lists.
  tags: JSON.parse(r.tags) as string[],
});

/** The visitor's name as captured by the playbook, else the generated one. */
const VISITOR_NAME = 'COALESCE(v.contact_name, v.name)';
const SELECT = `SELECT c.*, ${VISITOR_NAME} AS visitor_name FROM conversations c JOIN visitors v ON v.id = c.visitor_id`;
/** The row as SELECT returns it, for UPDATE … RETURNING: the write path then needs no read after its commit. */
const RETURNING = `RETURNING *, (SELECT ${VISITOR_NAME} FROM visitors v WHERE v.id = conversations.visitor_id) AS visitor_name`;
/** Takes the next seq and records the activity in one statement; run it inside the message's transaction. */
/** A null @preview (a system line: joined, left, closed, waiting) keeps the preview of the last thing someone said. */
const ADVANCE = `UPDATE conversations SET last_seq = last_seq + 1, updated_at = @now,
  last_message_preview = COALESCE(@preview, last_message_preview)`;
/** ADVANCE for a visitor's message: also records when the visitor first wrote, in the same statement. */
const ADVANCE_VISITOR = `${ADVANCE}, visitor_wrote_at = COALESCE(visitor_wrote_at, @now)`;

/**
 * Who may see a conversation (`canSee` of @livechat/shared/inbox): admins all; agents their own and the unassigned
 * ones that reached the inbox, and bot-only ones (never queued, nobody's) where the site shows agents the Bot folder.
 * Uses @me and @admin. The property test in server/test/inbox-rules.test.ts holds it to the shared rule.
 */
export const VISIBLE_TO_VIEWER = `(@admin = 1 OR c.assignee_id = @me OR (c.assignee_id IS NULL AND (c.queued_at IS NOT NULL
  OR c.site_id IN (SELECT id FROM sites WHERE bot_folder_for_agents = 1))))`;

/** Folder membership (`inFolder` of @livechat/shared/inbox), off when @folder is null. */
const IN_FOLDER = `(@folder IS NULL
  OR (@folder = 'unassigned' AND c.status = 'open' AND c.queued_at IS NOT NULL AND c.assignee_id IS NULL)
  OR (@folder = 'mine' AND c.status = 'open' AND c.assignee_id = @me)
  OR (@folder = 'all' AND @admin = 1 AND c.status = 'open' AND (c.queued_at IS NOT NULL OR c.assignee_id IS NOT NULL))
  OR (@folder = 'bot' AND c.status = 'open' AND c.queued_at IS NULL AND c.assignee_id IS NULL
    AND c.visitor_wrote_at IS NOT NULL)
  OR (@folder = 'closed' AND c.status = 'closed'))`;

/** Every search filter; each is off when its parameter is null. Fixed text: no SQL is built from input. */
const SEARCH_FILTERS = `${VISIBLE_TO_VIEWER}
  AND ${IN_FOLDER}
  AND (@assignee IS NULL OR (@assignee = '' AND c.assignee_id IS NULL) OR c.assignee_id = @assignee)
  AND (@from IS NULL OR c.updated_at >= @from)
  AND (@to IS NULL OR c.updated_at <= @to)
  AND (@visitorId IS NULL OR c.visitor_id = @visitorId)
  AND (@number IS NULL OR c.number = @number)
  AND (@text IS NULL OR ${VISITOR_NAME} LIKE @text ESCAPE '\\' OR v.email LIKE @text ESCAPE '\\')`;

/** One status of the inbox. Exported for the schema test, which checks SQLite reads it in index order. */
export const SEARCH_ONE_STATUS = `${SELECT} WHERE c.status = @status AND ${SEARCH_FILTERS}
  ORDER BY c.updated_at DESC, c.number DESC LIMIT @limit`;

/** Who is looking: agents see unassigned conversations and their own, admins everything. */
export interface Viewer {
  agentId: string;
  admin: boolean;
}

export interface ConversationFilter {
  /** Folder membership (see IN_FOLDER); undefined for every conversation the viewer may see. */
  folder?: Folder;
  status?: ConversationStatus;
  /** An agent's id, or null for unassigned; undefined for any. */
  assigneeId?: string | null;
  from?: number;
  to?: number;
  visitorId?: string;
  number?: number;
  /** Matched anywhere in the contact's name or email. */
  text?: string;
  limit: number;
}

type SearchParams = {
  me: string;
  admin: 0 | 1;
  folder: Folder | null;
  status: string | null;
  assignee: string | null;
  from: number | null;
  to: number | null;
  visitorId: string | null;
  number: number | null;
  text: string | null;
  limit: number;
};

export interface FolderCountRow {
  unassigned: number;
  mine: number;
  /** Every open conversation that reached the inbox (the admins' All chats). */
  open: number;
  /** Open bot-only conversations the visitor wrote in, that the viewer may see. */
  bot: number;
  closed: number;
}

export function createConversationStore(db: Database) {
  const byId = db.prepare<[string], ConversationRow>(`${SELECT} WHERE c.id = ?`);
  const openForVisitor = db.prepare<[string], ConversationRow>(
    `${SELECT} WHERE c.visitor_id = ? AND c.status = 'open'`,
  );
  const nextNumber = db.prepare('SELECT COALESCE(MAX(number), 0) + 1 FROM conversations').pluck();
  const insert = db.prepare(
    `INSERT INTO conversations (id, number, site_id, visitor_id, channel, status, created_at, updated_at)
     VALUES (@id, @number, @siteId, @visitorId, 'web', 'open', @now, @now)`,
  );
  type Advance = { now: number; preview: string | null };
  const advanceById = db.prepare<Advance & { id: string }, ConversationRow>(
    `${ADVANCE} WHERE id = @id ${RETURNING}`,
  );
  const advanceByVisitor = db.prepare<Advance & { id: string }, ConversationRow>(
    `${ADVANCE_VISITOR} WHERE id = @id ${RETURNING}`,
  );
  const queue = db.prepare<{ id: string; now: number }, ConversationRow>(
    `UPDATE conversations SET queued_at = COALESCE(queued_at, @now), updated_at = @now WHERE id = @id ${RETURNING}`,
  );
  const setWaiting = db.prepare<{ id: string; until: number | null }, ConversationRow>(
    `UPDATE conversations SET waiting_until = @until WHERE id = @id ${RETURNING}`,
  );
  const markMissed = db.prepare<{ id: string; now: number }, ConversationRow>(
    `UPDATE conversations SET missed_at = COALESCE(missed_at, @now), waiting_until = NULL WHERE id = @id ${RETURNING}`,
  );
  // The compare-and-set that makes "Assign to me" atomic: only an open, unassigned conversation is taken. A bot-only
  // one (taken over from the Bot folder) reaches the inbox with it.
  const claim = db.prepare<{ id: string; agentId: string; now: number }, ConversationRow>(
    `UPDATE conversations SET assignee_id = @agentId, waiting_until = NULL, updated_at = @now,
       queued_at = COALESCE(queued_at, @now)
     WHERE id = @id AND status = 'open' AND assignee_id IS NULL ${RETURNING}`,
  );
  // Newest activity first, read in index order (conversations_by_activity), so LIMIT stops early without sorting
  // the table; one status at a time, both statuses merged (MERGE (UNION ALL)), still without a sort.
  const searchOneStatus = db.prepare<SearchParams, ConversationRow>(SEARCH_ONE_STATUS);
  const searchBothStatuses = db.prepare<SearchParams, ConversationRow>(
    `${SELECT} WHERE c.status = 'open' AND ${SEARCH_FILTERS}
     UNION ALL ${SELECT} WHERE c.status = 'closed' AND ${SEARCH_FILTERS}
     ORDER BY updated_at DESC, number DESC LIMIT @limit`,
  );
  const counts = db.prepare<{ me: string; admin: 0 | 1 }, FolderCountRow>(
    `SELECT COALESCE(SUM(c.status = 'open' AND c.queued_at IS NOT NULL AND c.assignee_id IS NULL), 0) AS unassigned,
            COALESCE(SUM(c.status = 'open' AND c.assignee_id = @me), 0) AS mine,
            COALESCE(SUM(c.status = 'open' AND (c.queued_at IS NOT NULL OR c.assignee_id IS NOT NULL)), 0) AS open,
            COALESCE(SUM(c.status = 'open' AND c.queued_at IS NULL AND c.assignee_id IS NULL
              AND c.visitor_wrote_at IS NOT NULL AND ${VISIBLE_TO_VIEWER}), 0) AS bot,
            COALESCE(SUM(c.status = 'closed' AND ${VISIBLE_TO_VIEWER}), 0) AS closed
     FROM conversations c`,
  );
  const setAssignee = db.prepare<{ id: string; agentId: string | null; now: number }, ConversationRow>(
    `UPDATE conversations SET assignee_id = @agentId, waiting_until = NULL, updated_at = @now,
       queued_at = COALESCE(queued_at, @now)
     WHERE id = @id AND status = 'open' ${RETURNING}`,
  );
  const close = db.prepare<{ id: string; now: number }, ConversationRow>(
    `UPDATE conversations SET status = 'closed', closed_at = @now, waiting_until = NULL, updated_at = @now
     WHERE id = @id AND status = 'open' ${RETURNING}`,
  );
  const setTags = db.prepare<{ id: string; tags: string }, ConversationRow>(
    `UPDATE conversations SET tags = @tags WHERE id = @id ${RETURNING}`,
  );
  const recentOfVisitor = db.prepare<[string, number], ConversationRow>(
    `${SELECT} WHERE c.visitor_id = ? ORDER BY c.created_at DESC, c.number DESC LIMIT ?`,
  );
  const openAssignedTo = db.prepare<[string], ConversationRow>(
    `${SELECT} WHERE c.assignee_id = ? AND c.status = 'open' ORDER BY c.number`,
  );
  const openIdOfVisitor = db
    .prepare<[string], string>("SELECT id FROM conversations WHERE visitor_id = ? AND status = 'open'")
    .pluck();
  const row = (r: ConversationRow | undefined) => (r ? toConversation(r) : null);
  return {
    byId: (id: string) => row(byId.get(id)),
    openForVisitor: (visitorId: string) => row(openForVisitor.get(visitorId)),
    /** Just the id of the visitor's open conversation (one index read, for the message hot path). */
    openIdOfVisitor: (visitorId: string): string | null => openIdOfVisitor.get(visitorId) ?? null,
    /** Creates an open conversation with the next free number. Call inside a transaction. */
    create: (c: { id: string; siteId: string; visitorId: string; now: number }) => {
      const number = nextNumber.get() as number;
      insert.run({ ...c, number });
    },
    /** The inbox's lists: filters, and what the viewer may see (agents: unassigned and their own). */
    search: (filter: ConversationFilter, viewer: Viewer): Conversation[] =>
      (filter.status ? searchOneStatus : searchBothStatuses)
        .all({
          me: viewer.agentId,
          admin: viewer.admin ? 1 : 0,
          folder: filter.folder ?? null,
          status: filter.status ?? null,
          assignee: filter.assigneeId === undefined ? null : (filter.assigneeId ?? ''),
          from: filter.from ?? null,
          to: filter.to ?? null,
          visitorId: filter.visitorId ?? null,
          number: filter.number ?? null,
          text: filter.text === undefined ? null : `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          limit: filter.limit,
        })
        .map(toConversation),
    /** The visitor's newest conversations, newest first (the widget's history). */
    recentOfVisitor: (visitorId: string, limit: number): Conversation[] =>
      recentOfVisitor.all(visitorId, limit).map(toConversation),
    /** The agent's open conversations (a deactivated agent's go back to Unassigned). */
    openAssignedTo: (agentId: string): Conversation[] => openAssignedTo.all(agentId).map(toConversation),
    /** Folder sizes as the viewer sees them. `open` counts every open conversation (the admins' All chats). */
    counts: (viewer: Viewer): FolderCountRow =>
      counts.get({ me: viewer.agentId, admin: viewer.admin ? 1 : 0 })!,
    /** Sets or clears the assignee of an open conversation (which is then in the inbox); null when not open. */
    setAssignee: (id: string, agentId: string | null, now: number) =>
      row(setAssignee.get({ id, agentId, now })),
    /** Closes an open conversation; null when it was not open. */
    close: (id: string, now: number) => row(close.get({ id, now })),
    setTags: (id: string, tags: string[]) => row(setTags.get({ id, tags: JSON.stringify(tags) })),
    /** Puts the conversation in the agents' inbox (once; a second call keeps the first time). */
    queue: (id: string, now: number) => row(queue.get({ id, now })),
    /** The visitor waits for an agent until `until`; null ends the wait. */
    setWaiting: (id: string, until: number | null) => row(setWaiting.get({ id, until })),
    /** Nobody took it: the offline flow runs. Ends any wait. */
    markMissed: (id: string, now: number) => row(markMissed.get({ id, now })),
    /** Assigns an open, unassigned conversation (queuing it); null when it is not (someone else was first). */
    claim: (id: string, agentId: string, now: number) => row(claim.get({ id, agentId, now })),
    /**
     * Reserves the next gap-free seq of a conversation; returns it updated (lastSeq is the new seq), or null.
     * `byVisitor` (a visitor's message) also records the first time the visitor wrote, in the same statement; a
     * null `preview` keeps the one before.
     */
    advance: (id: string, now: number, preview: string | null, byVisitor = false) =>
      row((byVisitor ? advanceByVisitor : advanceById).get({ id, now, preview })),
  };
}
export type ConversationStore = ReturnType<typeof createConversationStore>;
