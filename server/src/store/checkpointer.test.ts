import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite } from './migrate.js';
import { openSqlite } from './sql/sqlite.js';
import { startCheckpointer } from './checkpointer.js';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('background checkpointer', () => {
  it('moves committed pages from the WAL into the database file while the writer does not checkpoint', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-checkpoint-'));
    const file = path.join(dir, 'db.sqlite');
    const sql = openSqlite(file);
    migrateSqlite(sql);
    const { db } = sql;
    const checkpointer = startCheckpointer(db, { intervalMs: 10 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);

    const sizeBefore = fs.statSync(file).size;
    db.exec('CREATE TABLE filler (body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
    })();
    // ~50 pages, far below the writer's own threshold: only the worker can have copied them into the file.
    const deadline = Date.now() + 3000;
    while (fs.statSync(file).size < sizeBefore + 100_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 100_000);

    await checkpointer.stop();
    expect(db.prepare('SELECT COUNT(*) FROM filler').pluck().get()).toBe(200);
    await sql.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // the last connection closed cleanly
  });
});
