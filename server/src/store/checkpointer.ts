// WAL checkpoints off the event loop. A checkpoint copies committed pages from the WAL into the database file and
// fsyncs both: milliseconds the writer would stall on, every ~1000 pages written. A worker thread with its own
// connection runs them instead (PASSIVE: it never blocks the writer); the writer's own automatic checkpoint stays,
// at a higher threshold, as the backstop when the worker falls behind under sustained load or is gone.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteSql } from './sql/sqlite.js';

/** Pages the writer lets the WAL grow to before it checkpoints itself (SQLite's default is 1000). */
const BACKSTOP_PAGES = 10_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Ends the worker and closes its connection; call before closing the writer's. */
  stop(): Promise<void>;
}

export function startCheckpointer(
  db: SqliteSql['db'],
  { intervalMs = 100, onError }: { intervalMs?: number; onError?: (err: Error) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name, intervalMs } });
  worker.unref();
  // A dead worker only means the writer checkpoints itself again, at the backstop threshold.
  worker.on('error', (err) => onError?.(err));
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      worker.ref(); // keep the process alive until the worker has closed its connection
      worker.postMessage('stop');
      return exited;
    },
  };
}
