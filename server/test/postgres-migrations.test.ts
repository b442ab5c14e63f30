// PostgreSQL's migration history: nodes booting together on an empty database apply each migration once (advisory
// lock), and a database written by a newer server is refused untouched.
import { describe, expect, it } from 'vitest';
import { migratePostgres, migrationsOf, NewerDatabaseError, openPostgres } from '../src/store/index.js';
import { freshSchema, testDatabaseUrl } from './engine.js';

describe('PostgreSQL migrations', () => {
  it('are applied once when several nodes boot together', async () => {
    const schema = await freshSchema();
    const nodes = Array.from({ length: 4 }, () => openPostgres(testDatabaseUrl(), { schema, max: 2 }));
    try {
      await Promise.all(nodes.map((node) => migratePostgres(node)));
      const versions = await nodes[0]!.all<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(versions.map((v) => v.version)).toEqual(migrationsOf('postgres').map((m) => m.version));
      expect(
        await nodes[0]!.value<number>("SELECT value FROM counters WHERE name = 'conversation_number'"),
      ).toBe(0);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });

  it('refuse a database that a newer server migrated, and change nothing', async () => {
    const schema = await freshSchema();
    const sql = openPostgres(testDatabaseUrl(), { schema });
    try {
      await migratePostgres(sql);
      await sql.run(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 0)",
      );
      await expect(migratePostgres(sql)).rejects.toBeInstanceOf(NewerDatabaseError);
      await expect(migratePostgres(sql)).rejects.toThrow(/upgrade the server/);
      expect(await sql.value<number>('SELECT COUNT(*) FROM schema_migrations')).toBe(
        migrationsOf('postgres').length + 1,
      );
    } finally {
      await sql.close();
    }
  });
});
