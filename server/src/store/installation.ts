import type { InstallationStore } from '../domain/installation.js';
import type { Sql } from './sql/sql.js';

interface SightingRow {
  origin: string;
  page: string | null;
  last_seen_at: number;
}

// The read first spares a busy site's pages a write (on SQLite, a turn of the one writer); the upsert's WHERE still
// decides, so two nodes racing write once.
const RECENT = `SELECT 1 FROM installation_sightings WHERE site_id = ? AND origin = ? AND last_seen_at > ?`;
const UPSERT = `INSERT INTO installation_sightings (site_id, origin, page, last_seen_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (site_id, origin) DO UPDATE SET page = excluded.page, last_seen_at = excluded.last_seen_at
  WHERE installation_sightings.last_seen_at <= ?`;

export function createInstallationStore(sql: Sql): InstallationStore {
  return {
    record: async (siteId, { origin, page, lastSeenAt }, notBefore) => {
      if ((await sql.value(RECENT, [siteId, origin, notBefore])) !== undefined) return false;
      return (await sql.run(UPSERT, [siteId, origin, page, lastSeenAt, notBefore])) > 0;
    },
    ofSite: async (siteId) =>
      (
        await sql.all<SightingRow>(
          `SELECT origin, page, last_seen_at FROM installation_sightings WHERE site_id = ?
            ORDER BY last_seen_at DESC, origin`,
          [siteId],
        )
      ).map((r) => ({ origin: r.origin, page: r.page, lastSeenAt: r.last_seen_at })),
  };
}
