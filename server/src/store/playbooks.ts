import type { Playbook, StoredPlaybook } from '@livechat/shared/model';
import type { Database } from './database.js';

interface PlaybookRow {
  site_id: string;
  version: number;
  body: string;
  created_at: number;
  created_by: string | null;
}

// The body was checked by PlaybookSchema before it was written, so it is trusted as that type.
const toPlaybook = (r: PlaybookRow): StoredPlaybook => ({
  ...(JSON.parse(r.body) as Playbook),
  siteId: r.site_id,
  version: r.version,
  updatedAt: r.created_at,
  updatedBy: r.created_by,
});

export function createPlaybookStore(db: Database) {
  const latest = db.prepare<[string], PlaybookRow>(
    'SELECT * FROM playbooks WHERE site_id = ? ORDER BY version DESC LIMIT 1',
  );
  const byVersion = db.prepare<[string, number], PlaybookRow>(
    'SELECT * FROM playbooks WHERE site_id = ? AND version = ?',
  );
  const insert = db.prepare(
    `INSERT INTO playbooks (site_id, version, body, created_at, created_by)
     VALUES (@siteId, (SELECT COALESCE(MAX(version), 0) + 1 FROM playbooks WHERE site_id = @siteId), @body, @now, @by)
     RETURNING *`,
  );
  return {
    latest: (siteId: string) => {
      const row = latest.get(siteId);
      return row ? toPlaybook(row) : null;
    },
    byVersion: (siteId: string, version: number) => {
      const row = byVersion.get(siteId, version);
      return row ? toPlaybook(row) : null;
    },
    /** Stores the next version of the site's playbook. */
    insert: (siteId: string, playbook: Playbook, by: string | null, now: number): StoredPlaybook =>
      toPlaybook(insert.get({ siteId, body: JSON.stringify(playbook), now, by }) as PlaybookRow),
  };
}
export type PlaybookStore = ReturnType<typeof createPlaybookStore>;
