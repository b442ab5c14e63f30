// The agents-only timeline of a conversation: notes and what happened to it. Never sent to visitors.
import type { Activity, ActivityKind } from '@livechat/shared/model';
import type { ActivityStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface ActivityRow {
  id: string;
  conversation_id: string;
  kind: ActivityKind;
  actor_id: string | null;
  actor_name: string | null;
  text: string;
  data: string | null;
  created_at: number;
}

const toActivity = (r: ActivityRow): Activity => ({
  id: r.id,
  conversationId: r.conversation_id,
  kind: r.kind,
  actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
  text: r.text,
  data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
  createdAt: r.created_at,
});

const INSERT = `INSERT INTO activities (id, conversation_id, kind, actor_id, actor_name, text, data, created_at)
  VALUES (@id, @conversationId, @kind, @actorId, @actorName, @text, @data, @createdAt)`;

export function createActivityStore(sql: Sql): ActivityStore {
  const write = writer(sql);
  return {
    insert: (a) =>
      write(INSERT, {
        id: a.id,
        conversationId: a.conversationId,
        kind: a.kind,
        actorId: a.actor?.id ?? null,
        actorName: a.actor?.name ?? null,
        text: a.text,
        data: a.data === null ? null : JSON.stringify(a.data),
        createdAt: a.createdAt,
      }),
    // rowid (a real column on PostgreSQL) keeps insertion order among activities of the same millisecond.
    of: async (conversationId) =>
      (
        await sql.all<ActivityRow>(
          'SELECT * FROM activities WHERE conversation_id = ? ORDER BY created_at, rowid LIMIT 2000',
          [conversationId],
        )
      ).map(toActivity),
  };
}
