import type { Site } from '@livechat/shared/model';
import type { Database } from './database.js';

interface SiteRow {
  id: string;
  key: string;
  name: string;
  allowed_origins: string;
  bot_folder_for_agents: 0 | 1;
  created_at: number;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  key: r.key,
  name: r.name,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  botFolderForAgents: r.bot_folder_for_agents === 1,
  createdAt: r.created_at,
});

export function createSiteStore(db: Database) {
  const byKey = db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE key = ?');
  const byId = db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO sites (id, key, name, allowed_origins, bot_folder_for_agents, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare('SELECT COUNT(*) FROM sites').pluck();
  const all = db.prepare<[], SiteRow>('SELECT * FROM sites ORDER BY created_at, key');
  const update = db.prepare(
    'UPDATE sites SET name = ?, allowed_origins = ?, bot_folder_for_agents = ? WHERE id = ?',
  );
  const botFolderForAgents = db
    .prepare<[string], 0 | 1>('SELECT bot_folder_for_agents FROM sites WHERE id = ?')
    .pluck();
  const anyBotFolderForAgents = db
    .prepare<[], 0 | 1>('SELECT EXISTS (SELECT 1 FROM sites WHERE bot_folder_for_agents = 1)')
    .pluck();
  return {
    byKey: (key: string) => {
      const row = byKey.get(key);
      return row ? toSite(row) : null;
    },
    byId: (id: string) => {
      const row = byId.get(id);
      return row ? toSite(row) : null;
    },
    insert: (s: Omit<Site, 'botFolderForAgents'> & { botFolderForAgents?: boolean }) =>
      void insert.run(
        s.id,
        s.key,
        s.name,
        JSON.stringify(s.allowedOrigins),
        s.botFolderForAgents ? 1 : 0,
        s.createdAt,
      ),
    count: () => count.get() as number,
    all: () => all.all().map(toSite),
    update: (s: Site) =>
      void update.run(s.name, JSON.stringify(s.allowedOrigins), s.botFolderForAgents ? 1 : 0, s.id),
    /** Whether the site shows agents (not only admins) its Bot folder. */
    botFolderForAgents: (siteId: string): boolean => botFolderForAgents.get(siteId) === 1,
    /** Whether any site does (the agent then has a Bot folder). */
    anyBotFolderForAgents: (): boolean => anyBotFolderForAgents.get() === 1,
  };
}
export type SiteStore = ReturnType<typeof createSiteStore>;
