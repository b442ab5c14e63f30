import type { PlaybookRun, PlaybookRunStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface RunRow {
  conversation_id: string;
  site_id: string;
  version: number;
  branch: PlaybookRun['branch'];
  position: number;
  phase: PlaybookRun['phase'];
  deadline_at: number | null;
  locale: PlaybookRun['locale'];
}

const toRun = (r: RunRow): PlaybookRun => ({
  conversationId: r.conversation_id,
  siteId: r.site_id,
  version: r.version,
  branch: r.branch,
  position: r.position,
  phase: r.phase,
  deadline: r.deadline_at,
  locale: r.locale ?? null,
});

const UPSERT = `INSERT INTO playbook_runs
    (conversation_id, site_id, version, branch, position, phase, deadline_at, updated_at, locale)
  VALUES (@conversationId, @siteId, @version, @branch, @position, @phase, @deadline, @now, @locale)
  ON CONFLICT (conversation_id) DO UPDATE SET branch = excluded.branch, position = excluded.position,
    phase = excluded.phase, deadline_at = excluded.deadline_at, updated_at = excluded.updated_at`;

export function createPlaybookRunStore(sql: Sql): PlaybookRunStore {
  const write = writer(sql);
  return {
    async get(conversationId) {
      const row = await sql.get<RunRow>('SELECT * FROM playbook_runs WHERE conversation_id = ?', [
        conversationId,
      ]);
      return row ? toRun(row) : null;
    },
    save: (run, now) => write(UPSERT, { ...run, locale: run.locale ?? null, now }),
    withDeadline: async () =>
      (
        await sql.all<RunRow>(
          'SELECT * FROM playbook_runs WHERE deadline_at IS NOT NULL ORDER BY deadline_at, conversation_id',
        )
      ).map(toRun),
  };
}
