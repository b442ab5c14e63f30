import type { SavedReply } from '@livechat/shared/model';
import type { Database } from './database.js';

interface ReplyRow {
  id: string;
  shortcut: string;
  body: string;
  updated_at: number;
}

const toReply = (r: ReplyRow): SavedReply => ({
  id: r.id,
  shortcut: r.shortcut,
  body: r.body,
  updatedAt: r.updated_at,
});

export function createSavedReplyStore(db: Database) {
  const all = db.prepare<[], ReplyRow>('SELECT * FROM saved_replies ORDER BY shortcut');
  const byId = db.prepare<[string], ReplyRow>('SELECT * FROM saved_replies WHERE id = ?');
  const byShortcut = db.prepare<[string], ReplyRow>('SELECT * FROM saved_replies WHERE shortcut = ?');
  const insert = db.prepare(
    'INSERT INTO saved_replies (id, shortcut, body, created_by, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE saved_replies SET shortcut = ?, body = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM saved_replies WHERE id = ?');
  const row = (r: ReplyRow | undefined) => (r ? toReply(r) : null);
  return {
    all: () => all.all().map(toReply),
    byId: (id: string) => row(byId.get(id)),
    byShortcut: (shortcut: string) => row(byShortcut.get(shortcut)),
    insert: (r: SavedReply, createdBy: string) =>
      void insert.run(r.id, r.shortcut, r.body, createdBy, r.updatedAt),
    update: (r: SavedReply) => void update.run(r.shortcut, r.body, r.updatedAt, r.id),
    remove: (id: string) => remove.run(id).changes > 0,
  };
}
