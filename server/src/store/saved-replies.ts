import type { SavedReply } from '@livechat/shared/model';
import type { SavedReplyStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

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

export function createSavedReplyStore(sql: Sql): SavedReplyStore {
  const write = writer(sql);
  const one = async (text: string, param: string) => {
    const r = await sql.get<ReplyRow>(text, [param]);
    return r ? toReply(r) : null;
  };
  return {
    all: async () => (await sql.all<ReplyRow>('SELECT * FROM saved_replies ORDER BY shortcut')).map(toReply),
    byId: (id) => one('SELECT * FROM saved_replies WHERE id = ?', id),
    byShortcut: (shortcut) => one('SELECT * FROM saved_replies WHERE shortcut = ?', shortcut),
    insert: (r, createdBy) =>
      write('INSERT INTO saved_replies (id, shortcut, body, created_by, updated_at) VALUES (?, ?, ?, ?, ?)', [
        r.id,
        r.shortcut,
        r.body,
        createdBy,
        r.updatedAt,
      ]),
    update: (r) =>
      write('UPDATE saved_replies SET shortcut = ?, body = ?, updated_at = ? WHERE id = ?', [
        r.shortcut,
        r.body,
        r.updatedAt,
        r.id,
      ]),
    remove: async (id) => (await sql.run('DELETE FROM saved_replies WHERE id = ?', [id])) > 0,
  };
}
