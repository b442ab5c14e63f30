import type { Site } from '@livechat/shared/model';
import type { Database } from './database.js';

interface SiteRow {
  id: string;
  key: string;
  name: string;
  allowed_origins: string;
  created_at: number;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  key: r.key,
  name: r.name,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  createdAt: r.created_at,
});

export function createSiteStore(db: Database) {
  const byKey = db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE key = ?');
  const byId = db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO sites (id, key, name, allowed_origins, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const count = db.prepare('SELECT COUNT(*) FROM sites').pluck();
  const all = db.prepare<[], SiteRow>('SELECT * FROM sites ORDER BY created_at, key');
  const update = db.prepare('UPDATE sites SET name = ?, allowed_origins = ? WHERE id = ?');
  return {
    byKey: (key: string) => {
      const row = byKey.get(key);
      return row ? toSite(row) : null;
    },
    byId: (id: string) => {
      const row = byId.get(id);
      return row ? toSite(row) : null;
    },
    insert: (s: Site) => void insert.run(s.id, s.key, s.name, JSON.stringify(s.allowedOrigins), s.createdAt),
    count: () => count.get() as number,
    all: () => all.all().map(toSite),
    update: (s: Site) => void update.run(s.name, JSON.stringify(s.allowedOrigins), s.id),
  };
}
export type SiteStore = ReturnType<typeof createSiteStore>;
