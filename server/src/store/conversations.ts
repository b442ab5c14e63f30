import type { Folder } from '@livechat/shared/api';
import type { Channel, Conversation, ConversationStatus } from '@livechat/shared/model';
import type { ConversationStore, FolderCountRow } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { containing } from './sql/like.js';
import { writer } from './write.js';

interface ConversationRow {
  id: string;
  number: number;
  site_id: string;
  visitor_id: string;
  visitor_name: string;
  channel: Channel;
  status: ConversationStatus;
  assignee_id: string | null;
  team_id: string | null;
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
  started_by_agent: number;
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
  teamId: r.team_id,
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
  startedByAgent: r.started_by_agent === 1,
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

/** Waiting in the queue of a team @me is a member of. */
const IN_MY_TEAMS_QUEUE = `(c.assignee_id IS NULL AND c.team_id IN (SELECT team_id FROM team_members WHERE agent_id = @me))`;

/**
 * Who may see a conversation (`canSee` of @livechat/shared/inbox): admins all; agents their own, the unassigned ones
 * that reached everyone's queue or their teams' queues, and bot-only ones (never queued, nobody's) where the site
 * shows agents the Bot folder. Uses @me and @admin. The property test in server/test/inbox-rules.test.ts holds it to
 * the shared rule.
 */
export const VISIBLE_TO_VIEWER = `(@admin = 1 OR c.assignee_id = @me OR ${IN_MY_TEAMS_QUEUE}
  OR (c.assignee_id IS NULL AND c.team_id IS NULL AND (c.queued_at IS NOT NULL
    OR c.site_id IN (SELECT id FROM sites WHERE bot_folder_for_agents = 1))))`;

/** Folder membership (`inFolder` of @livechat/shared/inbox), off when @folder is null. */
const IN_FOLDER = `(CAST(@folder AS TEXT) IS NULL
  OR (@folder = 'unassigned' AND c.status = 'open' AND c.queued_at IS NOT NULL AND c.assignee_id IS NULL)
  OR (@folder = 'mine' AND c.status = 'open' AND c.assignee_id = @me)
  OR (@folder = 'teams' AND c.status = 'open' AND c.queued_at IS NOT NULL AND ${IN_MY_TEAMS_QUEUE})
  OR (@folder = 'all' AND @admin = 1 AND c.status = 'open' AND (c.queued_at IS NOT NULL OR c.assignee_id IS NOT NULL))
  OR (@folder = 'bot' AND c.status = 'open' AND c.queued_at IS NULL AND c.assignee_id IS NULL
    AND c.visitor_wrote_at IS NOT NULL)
  OR (@folder = 'closed' AND c.status = 'closed'))`;

/** Only the bot has handled it (`isBotOnly`). */
const BOT_ONLY = '(c.queued_at IS NULL AND c.assignee_id IS NULL)';

/** The conversation's kind (`isOfType` of @livechat/shared/inbox), off when @type is null. */
const OF_TYPE = `(CAST(@type AS TEXT) IS NULL
  OR (@type = 'bot' AND ${BOT_ONLY})
  OR (@type = 'live' AND c.channel = 'web' AND c.started_by_agent = 0 AND NOT ${BOT_ONLY})
  OR (@type = 'sms' AND c.channel = 'sms' AND c.started_by_agent = 0)
  OR (@type = 'agent_started' AND c.started_by_agent = 1))`;

/**
 * A tag of the conversation (@tagLike: the quoted tag inside its JSON array; tags hold no quotes) or of its contact;
 * a contact attribute by its compared name, with the exact value when @attrValue is set (`matchesContact`).
 */
const CONTACT_FILTERS = `(CAST(@tag AS TEXT) IS NULL OR c.tags LIKE @tagLike ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM contact_tags t WHERE t.visitor_id = c.visitor_id AND t.tag = @tag))
  AND (CAST(@attrKey AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM contact_attributes a
    WHERE a.visitor_id = c.visitor_id AND a.key_norm = @attrKey
      AND (CAST(@attrValue AS TEXT) IS NULL OR a.value = @attrValue)))`;

/**
 * Every search filter; each is off when its parameter is null. Fixed text: no SQL is built from input. The CASTs
 * type the parameters for PostgreSQL where `IS NULL` comes first.
 */
const SEARCH_FILTERS = `${VISIBLE_TO_VIEWER}
  AND ${IN_FOLDER}
  AND (CAST(@assignee AS TEXT) IS NULL OR (@assignee = '' AND c.assignee_id IS NULL) OR c.assignee_id = @assignee)
  AND (CAST(@from AS BIGINT) IS NULL OR c.updated_at >= @from)
  AND (CAST(@to AS BIGINT) IS NULL OR c.updated_at <= @to)
  AND (CAST(@createdFrom AS BIGINT) IS NULL OR c.created_at >= @createdFrom)
  AND (CAST(@createdTo AS BIGINT) IS NULL OR c.created_at <= @createdTo)
  AND (CAST(@channel AS TEXT) IS NULL OR c.channel = @channel)
  AND (CAST(@team AS TEXT) IS NULL OR (@team = '' AND c.team_id IS NULL) OR c.team_id = @team)
  AND ${OF_TYPE}
  AND ${CONTACT_FILTERS}
  AND (CAST(@visitorId AS TEXT) IS NULL OR c.visitor_id = @visitorId)
  AND (CAST(@number AS INTEGER) IS NULL OR c.number = @number)
  AND (CAST(@text AS TEXT) IS NULL OR lower(${VISITOR_NAME}) LIKE lower(@text) ESCAPE '\\'
    OR lower(v.email) LIKE lower(@text) ESCAPE '\\')`;

/** One status of the inbox. Exported for the schema test, which checks SQLite reads it in index order. */
export const SEARCH_ONE_STATUS = `${SELECT} WHERE c.status = @status AND ${SEARCH_FILTERS}
  ORDER BY c.updated_at DESC, c.number DESC LIMIT @limit`;

interface SearchParams {
  [name: string]: string | number | null;
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
  createdFrom: number | null;
  createdTo: number | null;
  channel: string | null;
  team: string | null;
  type: string | null;
  tag: string | null;
  tagLike: string | null;
  attrKey: string | null;
  attrValue: string | null;
  limit: number;
}

/** Both statuses, each read in index order and merged (MERGE (UNION ALL)), still without a sort. */
const SEARCH_BOTH_STATUSES = `${SELECT} WHERE c.status = 'open' AND ${SEARCH_FILTERS}
  UNION ALL ${SELECT} WHERE c.status = 'closed' AND ${SEARCH_FILTERS}
  ORDER BY updated_at DESC, number DESC LIMIT @limit`;

const ADVANCE_BY_ID = `${ADVANCE} WHERE id = @id ${RETURNING}`;
const ADVANCE_VISITOR_BY_ID = `${ADVANCE_VISITOR} WHERE id = @id ${RETURNING}`;

/** Gap-free conversation numbers: the counter row's lock orders concurrent creators (nodes, on PostgreSQL). */
const NEXT_NUMBER =
  "UPDATE counters SET value = value + 1 WHERE name = 'conversation_number' RETURNING value";
const INSERT = `INSERT INTO conversations (id, number, site_id, visitor_id, channel, status, created_at, updated_at,
    started_by_agent)
  VALUES (@id, @number, @siteId, @visitorId, @channel, 'open', @now, @now, @startedByAgent)`;
/**
 * A write that changes nothing but takes the row's lock until the transaction ends (PostgreSQL); SQLite has one
 * writer at a time already. Not `SET id = id`: SQLite would check every child row of a changed parent key.
 */
const LOCK = 'UPDATE conversations SET last_seq = last_seq WHERE id = @id';

/**
 * The compare-and-set that makes "Assign to me" atomic: only an open, unassigned conversation is taken. A bot-only
 * one (taken over from the Bot folder) reaches the inbox with it.
 */
const CLAIM = `UPDATE conversations SET assignee_id = @agentId, waiting_until = NULL, updated_at = @now,
    queued_at = COALESCE(queued_at, @now)
  WHERE id = @id AND status = 'open' AND assignee_id IS NULL ${RETURNING}`;
const SET_ASSIGNEE = `UPDATE conversations SET assignee_id = @agentId, waiting_until = NULL, updated_at = @now,
    queued_at = COALESCE(queued_at, @now)
  WHERE id = @id AND status = 'open' ${RETURNING}`;
const CLOSE = `UPDATE conversations SET status = 'closed', closed_at = @now, waiting_until = NULL, updated_at = @now
  WHERE id = @id AND status = 'open' ${RETURNING}`;
/**
 * Reopening: open again with the assignee given (null: back in the queue), queued now. The one-open-per-channel key
 * refuses it when the contact has another open conversation there.
 */
const REOPEN = `UPDATE conversations SET status = 'open', closed_at = NULL, assignee_id = @agentId, updated_at = @now,
    queued_at = @now
  WHERE id = @id AND status = 'closed' ${RETURNING}`;
const QUEUE = `UPDATE conversations SET queued_at = COALESCE(queued_at, @now), updated_at = @now
  WHERE id = @id ${RETURNING}`;
const SET_WAITING = `UPDATE conversations SET waiting_until = @until WHERE id = @id ${RETURNING}`;
const MARK_MISSED = `UPDATE conversations SET missed_at = COALESCE(missed_at, @now), waiting_until = NULL
  WHERE id = @id ${RETURNING}`;
const SET_QUEUE = `UPDATE conversations SET assignee_id = NULL, team_id = @teamId, waiting_until = NULL,
    updated_at = @now, queued_at = COALESCE(queued_at, @now)
  WHERE id = @id AND status = 'open' ${RETURNING}`;
/** Only chats the contact wrote in: a visitor who merely opened the widget is nobody's chat yet. */
const OLDEST_IN_TEAM_QUEUE = `${SELECT} WHERE c.team_id = @teamId AND c.status = 'open' AND c.assignee_id IS NULL
  AND c.queued_at IS NOT NULL AND c.visitor_wrote_at IS NOT NULL ORDER BY c.queued_at, c.number LIMIT 1`;
const PREVIOUS_ASSIGNEE = `SELECT assignee_id FROM conversations WHERE visitor_id = @visitorId AND id <> @exceptId
  AND assignee_id IS NOT NULL ORDER BY created_at DESC, number DESC LIMIT 1`;
const SET_TAGS = `UPDATE conversations SET tags = @tags WHERE id = @id ${RETURNING}`;

const COUNTS = `SELECT
    COUNT(*) FILTER (WHERE c.status = 'open' AND c.queued_at IS NOT NULL AND c.assignee_id IS NULL
      AND ${VISIBLE_TO_VIEWER}) AS unassigned,
    COUNT(*) FILTER (WHERE c.status = 'open' AND c.assignee_id = @me) AS mine,
    COUNT(*) FILTER (WHERE c.status = 'open' AND c.queued_at IS NOT NULL AND ${IN_MY_TEAMS_QUEUE}) AS teams,
    COUNT(*) FILTER (WHERE c.status = 'open' AND (c.queued_at IS NOT NULL OR c.assignee_id IS NOT NULL)) AS open,
    COUNT(*) FILTER (WHERE c.status = 'open' AND c.queued_at IS NULL AND c.assignee_id IS NULL
      AND c.visitor_wrote_at IS NOT NULL AND ${VISIBLE_TO_VIEWER}) AS bot,
    COUNT(*) FILTER (WHERE c.status = 'closed' AND ${VISIBLE_TO_VIEWER}) AS closed
  FROM conversations c`;

export function createConversationStore(sql: Sql): ConversationStore {
  const write = writer(sql);
  const one = async (text: string, params: Record<string, string | number | null>) => {
    const r = await sql.get<ConversationRow>(text, params);
    return r ? toConversation(r) : null;
  };
  const many = async (text: string, params: Record<string, string | number | null> | (string | number)[]) =>
    (await sql.all<ConversationRow>(text, params)).map(toConversation);
  return {
    byId: (id) => one(`${SELECT} WHERE c.id = @id`, { id }),
    openForVisitor: (visitorId, channel = 'web') =>
      one(`${SELECT} WHERE c.visitor_id = @visitorId AND c.channel = @channel AND c.status = 'open'`, {
        visitorId,
        channel,
      }),
    openIdOfVisitor: async (visitorId) =>
      (await sql.value<string>(
        "SELECT id FROM conversations WHERE visitor_id = ? AND channel = 'web' AND status = 'open'",
        [visitorId],
      )) ?? null,
    lock: (id) => write(LOCK, { id }),
    lockOpenOfVisitor: async (visitorId) =>
      (await sql.value<string>(
        "UPDATE conversations SET last_seq = last_seq WHERE visitor_id = ? AND channel = 'web' AND status = 'open' RETURNING id",
        [visitorId],
      )) ?? null,
    create: (c) =>
      sql.transaction(async () => {
        const number = await sql.value<number>(NEXT_NUMBER);
        if (number === undefined) throw new Error('the conversation_number counter is missing');
        await write(INSERT, {
          ...c,
          channel: c.channel ?? 'web',
          startedByAgent: c.startedByAgent ? 1 : 0,
          number,
        });
      }),
    search(filter, viewer) {
      const params: SearchParams = {
        me: viewer.agentId,
        admin: viewer.admin ? 1 : 0,
        folder: filter.folder ?? null,
        status: filter.status ?? null,
        assignee: filter.assigneeId === undefined ? null : (filter.assigneeId ?? ''),
        from: filter.from ?? null,
        to: filter.to ?? null,
        visitorId: filter.visitorId ?? null,
        number: filter.number ?? null,
        text: filter.text === undefined ? null : containing(filter.text),
        createdFrom: filter.createdFrom ?? null,
        createdTo: filter.createdTo ?? null,
        channel: filter.channel ?? null,
        team: filter.teamId === undefined ? null : (filter.teamId ?? ''),
        type: filter.type ?? null,
        tag: filter.tag ?? null,
        tagLike: filter.tag === undefined ? null : containing(JSON.stringify(filter.tag)),
        attrKey: filter.attribute?.keyNorm ?? null,
        attrValue: filter.attribute?.value ?? null,
        limit: filter.limit,
      };
      return many(filter.status ? SEARCH_ONE_STATUS : SEARCH_BOTH_STATUSES, params);
    },
    recentOfVisitor: (visitorId, limit, channel = 'web') =>
      many(
        `${SELECT} WHERE c.visitor_id = ? AND c.channel = ? ORDER BY c.created_at DESC, c.number DESC LIMIT ?`,
        [visitorId, channel, limit],
      ),
    openAssignedTo: (agentId) =>
      many(`${SELECT} WHERE c.assignee_id = ? AND c.status = 'open' ORDER BY c.number`, [agentId]),
    counts: async (viewer) =>
      (await sql.get<FolderCountRow>(COUNTS, { me: viewer.agentId, admin: viewer.admin ? 1 : 0 }))!,
    setAssignee: (id, agentId, now) => one(SET_ASSIGNEE, { id, agentId, now }),
    close: (id, now) => one(CLOSE, { id, now }),
    reopen: (id, agentId, now) => one(REOPEN, { id, agentId, now }),
    setTags: (id, tags) => one(SET_TAGS, { id, tags: JSON.stringify(tags) }),
    queue: (id, now) => one(QUEUE, { id, now }),
    setWaiting: (id, until) => one(SET_WAITING, { id, until }),
    markMissed: (id, now) => one(MARK_MISSED, { id, now }),
    claim: (id, agentId, now) => one(CLAIM, { id, agentId, now }),
    setQueue: (id, teamId, now) => one(SET_QUEUE, { id, teamId, now }),
    oldestInTeamQueue: (teamId) => one(OLDEST_IN_TEAM_QUEUE, { teamId }),
    openCountOf: async (agentId) =>
      Number(
        await sql.value<number>(
          "SELECT COUNT(*) FROM conversations WHERE assignee_id = ? AND status = 'open'",
          [agentId],
        ),
      ),
    previousAssigneeOf: async (visitorId, exceptId) =>
      (await sql.value<string>(PREVIOUS_ASSIGNEE, { visitorId, exceptId })) ?? null,
    advance: (id, now, preview, byVisitor = false) =>
      one(byVisitor ? ADVANCE_VISITOR_BY_ID : ADVANCE_BY_ID, { id, now, preview }),
  };
}
