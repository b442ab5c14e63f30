import type { Database } from './database.js';

/** Where the bot is in one conversation. */
export interface PlaybookRun {
  conversationId: string;
  siteId: string;
  version: number;
  branch: 'main' | 'offline';
  /** Index of the next step of the branch; while asking, of the question waiting for its answer. */
  position: number;
  phase: 'asking' | 'waiting' | 'done' | 'human';
  /** When the wait for an agent ends (epoch ms); set only while waiting. */
  deadline: number | null;
}

interface RunRow {
  conversation_id: string;
  site_id: string;
  version: number;
  branch: PlaybookRun['branch'];
  position: number;
  phase: PlaybookRun['phase'];
  deadline_at: number | null;
}

const toRun = (r: RunRow): PlaybookRun => ({
  conversationId: r.conversation_id,
  siteId: r.site_id,
  version: r.version,
  branch: r.branch,
  position: r.position,
  phase: r.phase,
  deadline: r.deadline_at,
});

export function createPlaybookRunStore(db: Database) {
  const get = db.prepare<[string], RunRow>('SELECT * FROM playbook_runs WHERE conversation_id = ?');
  const upsert = db.prepare(
    `INSERT INTO playbook_runs (conversation_id, site_id, version, branch, position, phase, deadline_at, updated_at)
     VALUES (@conversationId, @siteId, @version, @branch, @position, @phase, @deadline, @now)
     ON CONFLICT (conversation_id) DO UPDATE SET branch = excluded.branch, position = excluded.position,
       phase = excluded.phase, deadline_at = excluded.deadline_at, updated_at = excluded.updated_at`,
  );
  const withDeadline = db.prepare<[], RunRow>(
    'SELECT * FROM playbook_runs WHERE deadline_at IS NOT NULL ORDER BY deadline_at',
  );
  return {
    get: (conversationId: string) => {
      const row = get.get(conversationId);
      return row ? toRun(row) : null;
    },
    save: (run: PlaybookRun, now: number) => void upsert.run({ ...run, now }),
    /** Every pending wait timer, soonest first: re-armed when the server starts. */
    withDeadline: () => withDeadline.all().map(toRun),
  };
}
export type PlaybookRunStore = ReturnType<typeof createPlaybookRunStore>;
