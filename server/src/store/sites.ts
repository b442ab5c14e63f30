import type { Site } from '@livechat/shared/model';
import type { SiteStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface SiteRow {
  id: string;
  key: string;
  name: string;
  allowed_origins: string;
  bot_folder_for_agents: 0 | 1;
  allow_reopen: 0 | 1;
  typing_preview: 0 | 1;
  created_at: number;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  key: r.key,
  name: r.name,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  botFolderForAgents: r.bot_folder_for_agents === 1,
  allowReopen: r.allow_reopen === 1,
  typingPreview: r.typing_preview === 1,
  createdAt: r.created_at,
});

const INSERT = `INSERT INTO sites (id, key, name, allowed_origins, bot_folder_for_agents, allow_reopen, typing_preview,
    created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

export function createSiteStore(sql: Sql): SiteStore {
  const write = writer(sql);
  const one = async (text: string, param: string) => {
    const row = await sql.get<SiteRow>(text, [param]);
    return row ? toSite(row) : null;
  };
  return {
    byKey: (key) => one('SELECT * FROM sites WHERE key = ?', key),
    byId: (id) => one('SELECT * FROM sites WHERE id = ?', id),
    insert: (s) =>
      write(INSERT, [
        s.id,
        s.key,
        s.name,
        JSON.stringify(s.allowedOrigins),
        s.botFolderForAgents ? 1 : 0,
        s.allowReopen ? 1 : 0,
        s.typingPreview ? 1 : 0,
        s.createdAt,
      ]),
    count: async () => (await sql.value<number>('SELECT COUNT(*) FROM sites')) ?? 0,
    all: async () => (await sql.all<SiteRow>('SELECT * FROM sites ORDER BY created_at, key')).map(toSite),
    update: (s) =>
      write(
        `UPDATE sites SET name = ?, allowed_origins = ?, bot_folder_for_agents = ?, allow_reopen = ?,
          typing_preview = ? WHERE id = ?`,
        [
          s.name,
          JSON.stringify(s.allowedOrigins),
          s.botFolderForAgents ? 1 : 0,
          s.allowReopen ? 1 : 0,
          s.typingPreview ? 1 : 0,
          s.id,
        ],
      ),
    botFolderForAgents: async (siteId) =>
      (await sql.value<number>('SELECT bot_folder_for_agents FROM sites WHERE id = ?', [siteId])) === 1,
    anyBotFolderForAgents: async () =>
      (await sql.value<number>('SELECT 1 FROM sites WHERE bot_folder_for_agents = 1 LIMIT 1')) !== undefined,
  };
}
