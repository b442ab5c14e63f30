// Moving up from the embedded SQLite file to PostgreSQL: copies every row into an empty PostgreSQL database (its
// schema made by the PostgreSQL migrations) in one transaction, then compares the row counts table by table.
import type { SqliteSql } from '../sql/sqlite.js';
import type { PostgresSql } from '../sql/postgres.js';

/** Parents before children, so every foreign key finds its row. */
export const TABLES = [
  'sites',
  'agents',
  'agent_avatars',
  'sessions',
  'invites',
  'visitors',
  'conversations',
  'counters',
  'messages',
  'playbooks',
  'playbook_runs',
  'answers',
  'conversation_details',
  'organizations',
  'crm_records',
  'activities',
  'saved_replies',
  'webhooks',
  'webhook_deliveries',
  'sms_account',
  'sms_settings',
  'sms_messages',
  'sms_early_reports',
  'files',
  'file_blobs',
  'install_secrets',
  'teams',
  'team_members',
  'contact_attributes',
  'contact_tags',
  'contact_notes',
  'contact_audit',
  'closing_messages',
  'business_hours',
  'installation_sightings',
  'site_identity_secrets',
  'identity_links',
] as const;

/** Tables PostgreSQL reads in insertion order through a `rowid` column: SQLite's implicit rowid is copied into it. */
const WITH_ROWID = new Set<string>(['activities', 'webhooks', 'webhook_deliveries']);
const BATCH = 500;

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

export class CopyError extends Error {}

export interface CopyOptions {
  /**
   * Reads a file's bytes from where the SQLite install kept them (FILE_STORE=disk: DATA_DIR/files), so they move
   * into the database, which every node reads. Files whose bytes are in file_blobs already are left as they are.
   */
  readDiskFile?: (id: string) => Promise<Buffer | null>;
}

export async function copyToPostgres(
  source: SqliteSql,
  target: PostgresSql,
  { readDiskFile }: CopyOptions = {},
): Promise<TableCount[]> {
  const { db } = source;
  const client = await target.pool.connect();
  try {
    for (const table of TABLES) {
      // The counters row exists from the migration; anything else means the target is in use.
      const { rows } = await client.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM ${table}${table === 'counters' ? ' WHERE value <> 0' : ''}`,
      );
      if (Number(rows[0]!.n) > 0)
        throw new CopyError(`The PostgreSQL database is not empty (table ${table} has rows).`);
    }
    await client.query('BEGIN');
    try {
      for (const table of TABLES) {
        const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
          (c) => c.name,
        );
        if (WITH_ROWID.has(table)) columns.unshift('rowid');
        const select = db
          .prepare(
            `SELECT ${columns.join(', ')} FROM ${table}${WITH_ROWID.has(table) ? ' ORDER BY rowid' : ''}`,
          )
          .raw();
        if (table === 'counters') await client.query('DELETE FROM counters');
        let batch: unknown[][] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const values: unknown[] = [];
          const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(', ')})`);
          await client.query(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
            values,
          );
          batch = [];
        };
        for (const row of select.iterate() as IterableIterator<unknown[]>) {
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (WITH_ROWID.has(table)) {
          await client.query(
            `SELECT setval(pg_get_serial_sequence('${table}', 'rowid'), GREATEST((SELECT MAX(rowid) FROM ${table}), 1))`,
          );
        }
      }
      if (readDiskFile) {
        const onDisk = db
          .prepare('SELECT id FROM files WHERE id NOT IN (SELECT key FROM file_blobs)')
          .pluck()
          .all() as string[];
        for (const id of onDisk) {
          const bytes = await readDiskFile(id);
          if (!bytes) throw new CopyError(`The bytes of file ${id} are missing from the files folder.`);
          await client.query('INSERT INTO file_blobs (key, bytes) VALUES ($1, $2)', [id, bytes]);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    const counts: TableCount[] = [];
    for (const table of TABLES) {
      // Bytes read from the files folder count as rows of file_blobs: one per file.
      const sqlite = db
        .prepare(
          table === 'file_blobs' && readDiskFile
            ? 'SELECT COUNT(*) FROM files'
            : `SELECT COUNT(*) FROM ${table}`,
        )
        .pluck()
        .get() as number;
      const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`);
      counts.push({ table, sqlite, postgres: Number(rows[0]!.n) });
    }
    return counts;
  } finally {
    client.release();
  }
}
