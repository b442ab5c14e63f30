// The only importer of better-sqlite3: opens the database with durable settings and applies numbered migrations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function openDatabase(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  // WAL + NORMAL: a committed transaction survives a process crash (kill -9); only an OS crash or power
  // loss can drop the newest commits. FULL would fsync every message and cost ~10x in latency.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Applies every `NNN_name.sql` not yet recorded in `schema_migrations`, each in its own transaction. `upTo` stops
 * after that version (upgrade tests build an older database with it).
 */
export function migrate(db: Database, upTo = Infinity): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const known = new Set(files.map((f) => Number(f.slice(0, 3))));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    // Written by a newer version of the server: running older code on it could corrupt it.
    throw new Error(
      `The database has migrations this server does not know (${unknown.join(', ')}); upgrade the server.`,
    );
  }
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (applied.has(version) || version > upTo) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        Date.now(),
      );
    })();
  }
}
