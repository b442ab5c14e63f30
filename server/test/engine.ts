// Which database engine the server tests run on: SQLite (in memory) by default, PostgreSQL in the `postgres`
// Vitest project (LIVECHAT_TEST_ENGINE=postgres). On PostgreSQL each app gets a fresh schema in the test database,
// so test files run in parallel without seeing each other's rows.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { AppConfig } from '../src/config.js';

export type TestEngine = 'sqlite' | 'postgres';
export const testEngine: TestEngine = process.env.LIVECHAT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** Schemas made by the tests start with this (then the run's own prefix: see postgres-setup.ts). */
export const TEST_SCHEMA_PREFIX = 'lt_';

/** The database tests use on PostgreSQL: DATABASE_URL when set, else `livechat_test` on the local server. */
export const testDatabaseUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/livechat_test';

let admin: pg.Pool | undefined;
const adminPool = () => (admin ??= new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 }));

/** A new, empty PostgreSQL schema; its name. */
export async function freshSchema(): Promise<string> {
  const schema = `${inject('schemaPrefix')}${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminPool().query(`CREATE SCHEMA ${schema}`);
  return schema;
}

/**
 * Config for an app on its own empty database on the engine under test. Pass the same object to a second
 * buildApp to reopen the same database (a restart): on SQLite give `file`, on PostgreSQL the schema carries over.
 */
export async function testDatabase(file = ':memory:'): Promise<Partial<AppConfig>> {
  if (testEngine === 'sqlite') return { databasePath: file, databaseUrl: null };
  return {
    databaseUrl: testDatabaseUrl(),
    databaseSchema: await freshSchema(),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
