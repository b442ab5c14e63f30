import type { ClosingMessage } from '@livechat/shared/api';
import type { Locale } from '@livechat/shared/model';
import type { ClosingMessageStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface ClosingMessageRow {
  id: string;
  locale: Locale | null;
  text: string;
  updated_at: number;
}

const toMessage = (r: ClosingMessageRow): ClosingMessage => ({
  id: r.id,
  text: r.text,
  locale: r.locale,
  updatedAt: r.updated_at,
});

/** Built-in first (in the order they were added), then the admins' own, oldest first. */
const OF_SITE = `SELECT id, locale, text, updated_at FROM closing_messages
  WHERE site_id = ? AND (locale IS NULL OR locale = ?)
  ORDER BY CASE WHEN locale IS NULL THEN 1 ELSE 0 END, created_at, id`;

export function createClosingMessageStore(sql: Sql): ClosingMessageStore {
  const write = writer(sql);
  return {
    ofSite: async (siteId, locale) =>
      (await sql.all<ClosingMessageRow>(OF_SITE, [siteId, locale])).map(toMessage),
    byId: async (siteId, id) => {
      const row = await sql.get<ClosingMessageRow>(
        'SELECT id, locale, text, updated_at FROM closing_messages WHERE site_id = ? AND id = ?',
        [siteId, id],
      );
      return row ? toMessage(row) : null;
    },
    // A compare-and-set on the site's row: on PostgreSQL a second node waits for the first one's COMMIT, then finds
    // the flag set.
    claimBuiltIns: async (siteId) =>
      (await sql.run(
        'UPDATE sites SET closing_messages_added = 1 WHERE id = ? AND closing_messages_added = 0',
        [siteId],
      )) > 0,
    insert: (siteId, m, createdBy) =>
      write(
        `INSERT INTO closing_messages (id, site_id, locale, text, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [m.id, siteId, m.locale, m.text, createdBy, m.updatedAt, m.updatedAt],
      ),
    update: async (siteId, id, text, now) =>
      (await sql.run('UPDATE closing_messages SET text = ?, updated_at = ? WHERE site_id = ? AND id = ?', [
        text,
        now,
        siteId,
        id,
      ])) > 0,
    remove: async (siteId, id) =>
      (await sql.run('DELETE FROM closing_messages WHERE site_id = ? AND id = ?', [siteId, id])) > 0,
  };
}
