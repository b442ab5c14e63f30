import type { Params, Sql } from './sql/sql.js';

/** `sql.run` for writes whose row count nobody needs: resolves with nothing. */
export const writer =
  (sql: Sql) =>
  async (text: string, params?: Params): Promise<void> => {
    await sql.run(text, params);
  };
