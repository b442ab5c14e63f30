// The SQLite engine: the only importer of better-sqlite3. One connection, one writer at a time: a transaction holds
// the connection until it ends, and statements from outside it wait for it (else they would join it). Statements
// run synchronously; the Promise is only the store's common shape, so a unit of work costs no extra I/O waits.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Params, Sql } from './sql.js';

interface Unit {
  open: boolean;
}

export interface SqliteSql extends Sql {
  readonly engine: 'sqlite';
  /** The raw handle, for what only SQLite has (integrity check, WAL checkpoints, migrations). */
  readonly db: BetterSqlite3.Database;
}

export function openSqlite(file: string): SqliteSql {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  // WAL + NORMAL: a committed transaction survives a process crash (kill -9); only an OS crash or power
  // loss can drop the newest commits. FULL would fsync every message and cost ~10x in latency.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // lower() folds all of Unicode, as PostgreSQL's and JavaScript's do (SQLite's own folds A-Z only), so a search for
  // "ärne" finds "Ärne" on both engines.
  db.function('lower', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );

  const statements = new Map<string, BetterSqlite3.Statement>();
  const plucking = new Map<string, BetterSqlite3.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  /** A statement that returns its first column only (its own cache: pluck() changes the statement). */
  const preparePlucking = (text: string) => {
    let statement = plucking.get(text);
    if (!statement) {
      statement = db.prepare(text).pluck();
      plucking.set(text, statement);
    }
    return statement;
  };
  const args = (params: Params | undefined): unknown[] =>
    params === undefined ? [] : Array.isArray(params) ? params : [params];

  const context = new AsyncLocalStorage<Unit>();
  /** The open transaction's end, which statements and transactions from other contexts wait for. */
  let busy: Promise<void> | null = null;

  const mine = () => {
    const unit = context.getStore();
    return unit !== undefined && unit.open;
  };
  /** Runs `statement` now when the connection is free or ours, else after the open transaction. */
  function when<T>(statement: () => T): Promise<T> {
    // The executor runs the statement now; a throw rejects the Promise.
    if (busy === null || mine()) return new Promise<T>((resolve) => resolve(statement()));
    return waitThen(statement);
  }
  async function waitThen<T>(statement: () => T): Promise<T> {
    while (busy !== null && !mine()) await busy;
    return statement();
  }

  async function transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (mine()) return fn();
    while (busy !== null) await busy;
    let release!: () => void;
    busy = new Promise<void>((resolve) => (release = resolve));
    const unit: Unit = { open: true };
    try {
      // IMMEDIATE: take the write lock now, so another process's writer queues instead of failing mid-unit.
      db.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await context.run(unit, fn);
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      db.exec('COMMIT');
      return result;
    } finally {
      unit.open = false;
      busy = null;
      release();
    }
  }

  return {
    engine: 'sqlite',
    db,
    all: <T>(text: string, params?: Params) => when(() => prepare(text).all(...args(params)) as T[]),
    get: <T>(text: string, params?: Params) =>
      when(() => prepare(text).get(...args(params)) as T | undefined),
    value: <T>(text: string, params?: Params) =>
      when(() => preparePlucking(text).get(...args(params)) as T | undefined),
    run: (text: string, params?: Params) => when(() => prepare(text).run(...args(params)).changes),
    transaction,
    inTransaction: () => mine() && db.inTransaction,
    concurrentWriters: 1,
    close: async () => {
      while (busy !== null) await busy;
      db.close();
    },
  };
}
