// The PostgreSQL engine (node-postgres): a pool of connections. A transaction takes one connection for its whole
// unit of work; statements inside it (found through the async context) use that connection, others use the pool.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { bind, toPositional, type Positional } from './positional.js';
import type { Params, Sql } from './sql.js';

const INT8 = 20;
const noop = () => {};
const NUMERIC = 1700;

interface Unit {
  client: pg.PoolClient;
  open: boolean;
}

export interface PostgresSql extends Sql {
  readonly engine: 'postgres';
  readonly pool: pg.Pool;
}

export interface PostgresOptions {
  /** Tables live in this schema (tests give each app its own); default: the server's search_path. */
  schema?: string;
  /** Most connections this node opens. */
  max?: number;
}

export function openPostgres(url: string, { schema, max = 10 }: PostgresOptions = {}): PostgresSql {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
    // Epoch milliseconds and counts are BIGINT: read them as numbers (exact up to 2^53, far past any date or count).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8 || oid === NUMERIC
          ? (value: string) => Number(value)
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that breaks while idle must not crash the process; the pool replaces it.
  pool.on('error', () => {});

  /**
   * Each distinct SQL text, translated once and named: a named statement is parsed and planned once per connection,
   * then only bound and run (one message part fewer per query, and no re-planning). The texts are the store's fixed
   * SQL, so the names are bounded.
   */
  const translated = new Map<string, Positional & { name: string }>();
  const positional = (text: string) => {
    let entry = translated.get(text);
    if (!entry) {
      entry = { ...toPositional(text), name: `q${translated.size + 1}` };
      translated.set(text, entry);
    }
    return entry;
  };

  const context = new AsyncLocalStorage<Unit>();
  const current = () => {
    const unit = context.getStore();
    return unit?.open ? unit : undefined;
  };

  async function query<T>(
    text: string,
    params: Params | undefined,
  ): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    const statement = positional(text);
    const values = bind(statement, params);
    const runner = current()?.client ?? pool;
    return runner.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values });
  }

  return {
    engine: 'postgres',
    pool,
    all: async <T>(text: string, params?: Params) => (await query<T>(text, params)).rows as T[],
    get: async <T>(text: string, params?: Params) => (await query<T>(text, params)).rows[0] as T | undefined,
    async value<T>(text: string, params?: Params) {
      const statement = positional(text);
      const runner = current()?.client ?? pool;
      const result = await runner.query({
        name: statement.name,
        text: statement.text,
        values: bind(statement, params),
        rowMode: 'array',
      });
      return (result.rows[0] as unknown[] | undefined)?.[0] as T | undefined;
    },
    run: async (text: string, params?: Params) => (await query(text, params)).rowCount ?? 0,
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      if (current()) return fn();
      const client = await pool.connect();
      const unit: Unit = { client, open: true };
      /** A connection whose transaction could not be ended may be in any state: it is dropped, not reused. */
      let broken = false;
      const rollback = () => client.query('ROLLBACK').then(noop, () => void (broken = true));
      try {
        await client.query('BEGIN');
        let result: T;
        try {
          result = await context.run(unit, fn);
        } catch (error) {
          await rollback();
          throw error;
        }
        try {
          await client.query('COMMIT');
        } catch (error) {
          await rollback();
          throw error;
        }
        return result;
      } finally {
        unit.open = false;
        client.release(broken);
      }
    },
    inTransaction: () => current() !== undefined,
    // Group commits at once: a few, leaving the rest of the pool to reads and to units outside group commit.
    concurrentWriters: Math.max(1, Math.floor(max / 2)),
    close: () => pool.end(),
  };
}
