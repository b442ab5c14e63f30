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

/** Saved versions never change, so parsed ones are kept (a few per site are in use at once). */
const CACHED_VERSIONS = 64;

export function createPlaybookStore(db: Database) {
  // The widget's hello, its launcher status and every new conversation read the current playbook; parse it once.
  const latestBySite = new Map<string, StoredPlaybook>();
  const versions = new Map<string, StoredPlaybook>();
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
    latest(siteId: string): StoredPlaybook | null {
      const cached = latestBySite.get(siteId);
      if (cached) return cached;
      const row = latest.get(siteId);
      if (!row) return null;
      const playbook = toPlaybook(row);
      // Inside a transaction the row might still be rolled back: only committed reads are kept.
      if (!db.inTransaction) latestBySite.set(siteId, playbook);
      return playbook;
    },
    byVersion(siteId: string, version: number): StoredPlaybook | null {
      const key = `${siteId}/${version}`;
      const cached = versions.get(key);
      if (cached) return cached;
      const row = byVersion.get(siteId, version);
      if (!row) return null;
      if (versions.size >= CACHED_VERSIONS) versions.delete(versions.keys().next().value!);
      const playbook = toPlaybook(row);
      versions.set(key, playbook);
      return playbook;
    },
    /** Stores the next version of the site's playbook. */
    insert(siteId: string, playbook: Playbook, by: string | null, now: number): StoredPlaybook {
      latestBySite.delete(siteId);
      return toPlaybook(insert.get({ siteId, body: JSON.stringify(playbook), now, by }) as PlaybookRow);
    },
  };
}
export type PlaybookStore = ReturnType<typeof createPlaybookStore>;
