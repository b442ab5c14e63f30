import type { SavedReply } from '@livechat/shared/model';
import type { SavedReplyStore, StoredSavedReply } from '../domain/store.js';
import type { Params, Sql } from './sql/sql.js';
import { writer } from './write.js';

interface ReplyRow {
  id: string;
  shortcut: string;
  body: string;
  owner_id: string | null;
  updated_at: number;
}

const toReply = (r: ReplyRow): StoredSavedReply => ({
  id: r.id,
  shortcut: r.shortcut,
  body: r.body,
  personal: r.owner_id !== null,
  ownerId: r.owner_id,
  updatedAt: r.updated_at,
});

export function createSavedReplyStore(sql: Sql): SavedReplyStore {
  const write = writer(sql);
  const one = async (text: string, params: Params) => {
    const r = await sql.get<ReplyRow>(text, params);
    return r ? toReply(r) : null;
  };
  return {
    visibleTo: async (agentId) =>
      (
        await sql.all<ReplyRow>(
          `SELECT * FROM saved_replies WHERE owner_id IS NULL OR owner_id = ?
           ORDER BY shortcut, CASE WHEN owner_id IS NULL THEN 0 ELSE 1 END`,
          [agentId],
        )
      ).map(toReply),
    byId: (id) => one('SELECT * FROM saved_replies WHERE id = ?', [id]),
    byShortcut: (shortcut, ownerId) =>
      ownerId === null
        ? one('SELECT * FROM saved_replies WHERE shortcut = ? AND owner_id IS NULL', [shortcut])
        : one('SELECT * FROM saved_replies WHERE shortcut = ? AND owner_id = ?', [shortcut, ownerId]),
    insert: (r, createdBy) =>
      write(
        'INSERT INTO saved_replies (id, shortcut, body, created_by, owner_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        [r.id, r.shortcut, r.body, createdBy, r.ownerId, r.updatedAt],
      ),
    update: (r: SavedReply) =>
      write('UPDATE saved_replies SET shortcut = ?, body = ?, updated_at = ? WHERE id = ?', [
        r.shortcut,
        r.body,
        r.updatedAt,
        r.id,
      ]),
    remove: async (id) => (await sql.run('DELETE FROM saved_replies WHERE id = ?', [id])) > 0,
  };
}
