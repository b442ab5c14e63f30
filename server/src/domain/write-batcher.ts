// Group commit: writes queued while the database is busy (or in one event-loop turn) share ONE transaction (one WAL
// append or one PostgreSQL commit instead of one per message), each in its own savepoint so a refused write does
// not undo the others. Every caller's promise settles only after COMMIT returned: "acknowledged only after durably
// stored" holds for each write in the batch.

export interface TransactionRunner {
  /** Runs fn in a new transaction; resolves after COMMIT. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs fn in a savepoint of the open transaction: when fn throws, only its own writes are undone. */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
  /** False once the engine itself has abandoned the whole transaction (disk full, I/O error, lost connection). */
  inTransaction(): boolean;
}

export interface WriteBatcherOptions {
  /** Most writes in one transaction; the rest go into the next one, right after, so acks are not held up. */
  maxBatch?: number;
  /** Called after each committed transaction with its size (tests, metrics). */
  onCommit?: (size: number) => void;
}

interface Job {
  work: () => Promise<unknown>;
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
  /** The batch being committed: one at a time, so batches commit (and their callers settle) in queue order. */
  let inFlight: Promise<void> | null = null;

  /** The next batch starts a turn later (the turn's writes join it), and only once the one in flight committed. */
  const schedule = () => {
    if (scheduled || inFlight) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void start();
    });
  };

  /**
   * Starts committing the oldest batch unless one is in flight; resolves when the batch in flight has committed.
   * Writes keep their queue order, so one socket's messages keep their send order.
   */
  function start(): Promise<void> | null {
    if (inFlight || queue.length === 0) return inFlight;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    inFlight = commit(batch).finally(() => {
      inFlight = null;
      if (queue.length > 0) schedule();
    });
    return inFlight;
  }

  async function commit(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await db.transaction(async () => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: await db.savepoint(job.work) });
          } catch (error) {
            // The engine abandoned the whole transaction: nothing of this batch is stored, so nothing may be acked.
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
    /** Queues `work` (awaited store calls) for the next group commit; settles after COMMIT with its result. */
    run<T>(work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    /** Commits everything queued now and resolves once the last batch committed (before closing the database). */
    async drain(): Promise<void> {
      for (let batch = start(); batch; batch = start()) await batch;
    },
  };
}
export type WriteBatcher = ReturnType<typeof createWriteBatcher>;
