// The agents-only timeline of a conversation: notes and what happened to it. Never sent to visitors.
import type { Activity, ActivityKind } from '@livechat/shared/model';
import type { Database } from './database.js';

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

export function createActivityStore(db: Database) {
  const insert = db.prepare(
    `INSERT INTO activities (id, conversation_id, kind, actor_id, actor_name, text, data, created_at)
     VALUES (@id, @conversationId, @kind, @actorId, @actorName, @text, @data, @createdAt)`,
  );
  const of = db.prepare<[string], ActivityRow>(
    'SELECT * FROM activities WHERE conversation_id = ? ORDER BY created_at, rowid LIMIT 2000',
  );
  return {
    insert: (a: Activity) =>
      void insert.run({
        id: a.id,
        conversationId: a.conversationId,
        kind: a.kind,
        actorId: a.actor?.id ?? null,
        actorName: a.actor?.name ?? null,
        text: a.text,
        data: a.data === null ? null : JSON.stringify(a.data),
        createdAt: a.createdAt,
      }),
    of: (conversationId: string) => of.all(conversationId).map(toActivity),
  };
}
