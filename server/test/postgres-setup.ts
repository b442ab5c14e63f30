// Global setup of the `postgres` test project: makes sure the test database exists, and gives this run a schema
// prefix of its own, so its teardown drops exactly the schemas it made (another run may be going on beside it).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_SCHEMA_PREFIX, testDatabaseUrl } from './engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every schema this run makes starts with it. */
    schemaPrefix: string;
  }
}

let prefix = '';

export async function setup(project: TestProject): Promise<void> {
  const url = new URL(testDatabaseUrl());
  if (!process.env.DATABASE_URL) {
    const server = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
    await server.connect();
    const exists = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', ['livechat_test']);
    if (exists.rowCount === 0) await server.query('CREATE DATABASE livechat_test');
    await server.end();
  }
  prefix = `${TEST_SCHEMA_PREFIX}${randomBytes(4).toString('hex')}_`;
  project.provide('schemaPrefix', prefix);
}

export async function teardown(): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)',
      [prefix],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await client.end();
  }
}
