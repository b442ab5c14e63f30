import type { Playbook, StoredPlaybook } from '@livechat/shared/model';
import type { PlaybookStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';

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

const INSERT = `INSERT INTO playbooks (site_id, version, body, created_at, created_by)
  VALUES (@siteId, (SELECT COALESCE(MAX(version), 0) + 1 FROM playbooks WHERE site_id = @siteId), @body, @now, @by)
  RETURNING *`;

export function createPlaybookStore(sql: Sql): PlaybookStore {
  // The widget's hello, its launcher status and every new conversation read the current playbook: its number is
  // read each time (another node may have saved a newer one), its body is parsed once.
  const versions = new Map<string, StoredPlaybook>();
  /** Versions this store wrote: inside a transaction such a row may be uncommitted (rolled back, then reused). */
  const written = new Set<string>();

  async function byVersion(siteId: string, version: number): Promise<StoredPlaybook | null> {
    const key = `${siteId}/${version}`;
    const cached = versions.get(key);
    if (cached) return cached;
    const row = await sql.get<PlaybookRow>('SELECT * FROM playbooks WHERE site_id = ? AND version = ?', [
      siteId,
      version,
    ]);
    if (!row) return null;
    const playbook = toPlaybook(row);
    // Rows read inside a transaction are committed ones, except those the transaction wrote itself.
    if (!sql.inTransaction() || !written.has(key)) {
      written.delete(key);
      if (versions.size >= CACHED_VERSIONS) versions.delete(versions.keys().next().value!);
      versions.set(key, playbook);
    }
    return playbook;
  }

  return {
    async latest(siteId) {
      const version = await sql.value<number>('SELECT MAX(version) FROM playbooks WHERE site_id = ?', [
        siteId,
      ]);
      return version === undefined || version === null ? null : byVersion(siteId, version);
    },
    byVersion,
    async insert(siteId, playbook, by, now) {
      const row = await sql.get<PlaybookRow>(INSERT, { siteId, body: JSON.stringify(playbook), now, by });
      const stored = toPlaybook(row!);
      written.add(`${siteId}/${stored.version}`);
      return stored;
    },
  };
}
