// A store without an app, on its own empty database on the engine under test (see engine.ts), for tests that drive
// the store or one domain service directly.
import { openStore } from '../src/store/index.js';
import { testDatabase } from './engine.js';
import { databaseOf } from '../src/config.js';

/** Opens (and migrates) a new database: on SQLite in `file` (default: in memory), on PostgreSQL a new schema. */
export async function openTestStore(file?: string) {
  return openStore(
    databaseOf({ databasePath: ':memory:', databaseUrl: null, ...(await testDatabase(file)) }),
  );
}
