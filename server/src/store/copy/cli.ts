// `DATABASE_URL=postgres://… npm run copy-to-postgres`: copies the SQLite database under DATA_DIR (the one
// `npm start` uses) into the empty PostgreSQL database at DATABASE_URL, then prints and checks the row counts.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { migratePostgres, migrateSqlite } from '../migrate.js';
import { openPostgres } from '../sql/postgres.js';
import { openSqlite } from '../sql/sqlite.js';
import { copyToPostgres } from './copy-to-postgres.js';
import { createDiskBlobs } from '../blobs/disk-blobs.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    console.error('Set DATABASE_URL to the PostgreSQL database to copy into (it must be empty).');
    return 2;
  }
  if (!fs.existsSync(config.databasePath)) {
    console.error(`No SQLite database at ${config.databasePath} (set DATA_DIR to the folder that holds it).`);
    return 2;
  }
  const source = openSqlite(config.databasePath);
  const target = openPostgres(config.databaseUrl);
  try {
    // Both at the newest schema this server knows (the server would do the same at boot).
    migrateSqlite(source);
    await migratePostgres(target);
    console.log(`Copying ${config.databasePath} into ${new URL(config.databaseUrl).host}…`);
    // Files kept on this machine's disk move into the database, where every node finds them.
    const filesDir = path.join(path.dirname(config.databasePath), 'files');
    const disk = fs.existsSync(filesDir) ? createDiskBlobs(filesDir) : null;
    const counts = await copyToPostgres(source, target, disk ? { readDiskFile: (id) => disk.get(id) } : {});
    let ok = true;
    for (const { table, sqlite, postgres } of counts) {
      const same = sqlite === postgres;
      ok &&= same;
      console.log(
        `  ${same ? 'ok' : 'MISMATCH'}  ${table.padEnd(22)} ${String(sqlite).padStart(8)} → ${postgres}`,
      );
    }
    console.log(ok ? 'Done: every table has the same number of rows.' : 'Row counts differ: see above.');
    return ok ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await source.close();
    await target.close();
  }
}

void main().then((code) => process.exit(code));
