// The store's one way to reach a database: SQL text written once, run on SQLite (better-sqlite3) or PostgreSQL (pg).
// Parameters are named (`@name`, an object) or positional (`?`, an array); PostgreSQL gets them translated to `$n`.
// A unit of work is `transaction(fn)`: statements run inside fn (awaited or not) belong to it, whichever aggregate
// issues them, because the open transaction travels with the async context (AsyncLocalStorage), not as an argument.

export type Engine = 'sqlite' | 'postgres';
/** Values bound to a statement: strings, numbers, null, Buffers. Booleans are not SQL on SQLite: pass 0/1. */
export type SqlValue = string | number | null | Buffer;
export type Params = Readonly<Record<string, SqlValue | undefined>> | readonly SqlValue[];

export interface Sql {
  readonly engine: Engine;
  /** Every row. */
  all<T>(text: string, params?: Params): Promise<T[]>;
  /** The first row, if any. */
  get<T>(text: string, params?: Params): Promise<T | undefined>;
  /** The first column of the first row (a COUNT, an id), if any. */
  value<T>(text: string, params?: Params): Promise<T | undefined>;
  /** Runs a write; resolves with the number of rows it changed. */
  run(text: string, params?: Params): Promise<number>;
  /**
   * Runs fn as one transaction and resolves after COMMIT; any throw rolls all of it back. Called inside a
   * transaction it joins it (no nesting). On SQLite writers queue (one write transaction at a time); on PostgreSQL
   * concurrent transactions order themselves by row locks.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Whether the caller runs inside a transaction that is still open. */
  inTransaction(): boolean;
  /** Write transactions that can usefully run at once (1: one writer at a time). */
  readonly concurrentWriters: number;
  close(): Promise<void>;
}
