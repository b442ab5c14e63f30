// Group commit: writes queued in one event-loop turn share ONE SQLite transaction (one WAL append instead of one
// per message), each in its own savepoint so a refused write does not undo the others. Every caller's promise
// settles only after COMMIT returned: "acknowledged only after durably stored" holds for each write in the batch.

export interface TransactionRunner {
  /** Runs fn in a new transaction. */
  transaction<T>(fn: () => T): T;
  /** Runs fn in a savepoint of the open transaction: when fn throws, only its own writes are undone. */
  savepoint<T>(fn: () => T): T;
  /** False once SQLite itself has rolled the whole transaction back (disk full, I/O error). */
  inTransaction(): boolean;
}

export interface WriteBatcherOptions {
  /** Most writes in one transaction; the rest go into the next one, a turn later, so acks are not held up. */
  maxBatch?: number;
  /** Called after each committed transaction with its size (tests, metrics). */
  onCommit?: (size: number) => void;
}

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createWriteBatcher(
  db: TransactionRunner,
  { maxBatch = 500, onCommit }: WriteBatcherOptions = {},
) {
  let queue: Job[] = [];
  let scheduled = false;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flushOne);
  };

  /** Commits the oldest batch; writes keep their queue order, so one socket's messages keep their send order. */
  function flushOne(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    if (queue.length > 0) schedule();
    commit(batch);
  }

  function commit(batch: Job[]): void {
    const outcomes: Outcome[] = [];
    try {
      db.transaction(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: db.savepoint(job.work) });
          } catch (error) {
            // SQLite abandoned the whole transaction: nothing of this batch is stored, so nothing may be acked.
            if (!db.inTransaction()) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    onCommit?.(batch.length);
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  return {
    /** Queues `work` (synchronous store calls) for the next group commit; settles after COMMIT with its result. */
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    /** Commits everything queued now (before closing the database). */
    drain(): void {
      while (queue.length > 0) flushOne();
    },
  };
}
export type WriteBatcher = ReturnType<typeof createWriteBatcher>;
