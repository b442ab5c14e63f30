// SQLite and PostgreSQL give the same answers: random sequences of realistic operations (visitors and agents
// writing, resends, assignment, closing, tags, details, leads and deals, notes, inbox searches and counts, replay
// pages, webhooks and their deliveries, playbook deadlines) run through the domain on both stores side by side, and
// every result, refusal and the final state must match once ids are mapped to first-seen ordinals.
// Runs only in the `postgres` project (see vite.config.ts): `vitest run --project postgres <this file>`;
// ENGINES_AGREE_RUNS=500 runs more sequences (about 0.5 s each).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { openStore, type EngineSql } from '../src/store/index.js';
import type { Store } from '../src/domain/store.js';
import { freshSchema, testDatabaseUrl } from './engine.js';
import {
  apply,
  DEADLINE_JUMP,
  seedWorld,
  snapshot,
  steps,
  T0,
  worldOf,
  type Result,
  type Step,
} from './engines-agree-model.js';

// Ids in creation order (still UUID-shaped), so that ties broken by id (ORDER BY created_at, id) fall the same
// way on both engines; random ones would differ between the two stores, not between the engines.
vi.mock('../src/domain/tokens.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/domain/tokens.js')>();
  let next = 0;
  return { ...actual, newId: () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}` };
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Replaces every id (also inside strings: webhook bodies) by its first-seen ordinal in this world. */
function normaliser() {
  const ordinals = new Map<string, number>();
  const ordinal = (id: string) => {
    if (!ordinals.has(id)) ordinals.set(id, ordinals.size);
    return `<id ${ordinals.get(id)}>`;
  };
  const normalise = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(UUID, ordinal);
    if (Array.isArray(value)) return value.map(normalise);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
    return value;
  };
  return normalise;
}

const unexpected = (r: Result) => 'error' in r && r.error.startsWith('unexpected');

let postgres: { store: Store; sql: EngineSql };
let tables: string[];
beforeAll(async () => {
  postgres = await openStore({ url: testDatabaseUrl(), schema: await freshSchema() });
  tables = (
    await postgres.sql.all<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()
         AND tablename NOT IN ('schema_migrations', 'counters')`,
    )
  ).map((t) => t.name);
});
afterAll(() => postgres?.store.close());

/** Runs the steps on a new SQLite store and the emptied PostgreSQL one, comparing as it goes. */
async function bothEngines(list: Step[]): Promise<void> {
  await postgres.sql.run(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
  await postgres.sql.run("UPDATE counters SET value = 0 WHERE name = 'conversation_number'");
  const sqlite = await openStore({ path: ':memory:' });
  let now = T0;
  const clock = () => now;
  const [lite, pg] = [worldOf(sqlite.store, sqlite.sql, clock), worldOf(postgres.store, postgres.sql, clock)];
  const [liteIds, pgIds] = [normaliser(), normaliser()];
  try {
    await seedWorld(lite);
    await seedWorld(pg);
    for (const [i, { op, dt }] of list.entries()) {
      now += dt + (op.kind === 'deadlines' ? DEADLINE_JUMP : 0);
      const onSqlite = await apply(lite, op, now);
      const onPostgres = await apply(pg, op, now);
      const step = `step ${i}: ${JSON.stringify(op)}`;
      expect(pgIds(onPostgres), `${step} (expected: SQLite, received: PostgreSQL)`).toEqual(
        liteIds(onSqlite),
      );
      const outcomes = `${JSON.stringify(onSqlite)} / ${JSON.stringify(onPostgres)}`;
      expect(unexpected(onSqlite) || unexpected(onPostgres), `${step}: ${outcomes}`).toBe(false);
    }
    const [a, b] = [await snapshot(lite, now), await snapshot(pg, now)];
    expect(pgIds(b), 'final state (expected: SQLite, received: PostgreSQL)').toEqual(liteIds(a));
    expect([...lite.background, ...pg.background], 'failures of background work').toEqual([]);
  } finally {
    for (const world of [lite, pg]) {
      world.domain.playbooks.stop();
      await world.domain.writes.drain();
    }
    await sqlite.store.close();
  }
}

describe('SQLite and PostgreSQL agree', () => {
  it('on every result, refusal and the final state of random operation sequences', async () => {
    await fc.assert(fc.asyncProperty(steps(30), bothEngines), {
      numRuns: Number(process.env.ENGINES_AGREE_RUNS ?? 60),
    });
  }, 600_000);
});
