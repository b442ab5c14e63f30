// Numbered migrations, one history per engine (migrations/sqlite, migrations/postgres), applied at boot. A database
// that records a migration this server does not have was written by a newer server: refused, never touched.
// On PostgreSQL the run holds an advisory lock, so nodes booting together apply each migration once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from './sql/sql.js';
import type { SqliteSql } from './sql/sqlite.js';
import type { PostgresSql } from './sql/postgres.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrationsOf(engine: Engine): Migration[] {
  const dir = path.join(root, engine);
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      name,
      sql: fs.readFileSync(path.join(dir, name), 'utf8'),
    }));
}

export class NewerDatabaseError extends Error {}

function pending(migrations: Migration[], applied: number[], upTo: number): Migration[] {
  const known = new Set(migrations.map((m) => m.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length > 0) {
    // Running older code on it could corrupt it.
    throw new NewerDatabaseError(
      `The database has migrations this server does not know (${unknown.join(', ')}); upgrade the server.`,
    );
  }
  const done = new Set(applied);
  return migrations.filter((m) => !done.has(m.version) && m.version <= upTo);
}

const CREATE_HISTORY =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';
const RECORD = 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)';

/** `upTo` stops after that version (upgrade tests build an older database with it). */
export function migrateSqlite({ db }: SqliteSql, upTo = Infinity): void {
  db.exec(CREATE_HISTORY);
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  for (const migration of pending(migrationsOf('sqlite'), applied, upTo)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare(RECORD).run(migration.version, migration.name, Date.now());
    })();
  }
}

export async function migratePostgres({ pool }: PostgresSql, upTo = Infinity): Promise<void> {
  const client = await pool.connect();
  try {
    // One lock per schema: nodes of one deployment wait for each other; test schemas do not.
    await client.query("SELECT pg_advisory_lock(hashtext('livechat.migrations.' || current_schema()))");
    try {
      await client.query(CREATE_HISTORY);
      const applied = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows;
      for (const migration of pending(
        migrationsOf('postgres'),
        applied.map((r) => r.version),
        upTo,
      )) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, Date.now()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('livechat.migrations.' || current_schema()))");
    }
  } finally {
    client.release();
  }
}
