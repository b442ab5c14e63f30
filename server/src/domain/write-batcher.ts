// Group commit: writes queued while the database is busy (or in one event-loop turn) share ONE transaction (one WAL
// append or one PostgreSQL commit instead of one per message). A refused write must not undo the others: the batch
// is rolled back and run again without it (no savepoint per write: two statements, or two round trips, saved on
// every write for the rare refusal). So a write may run more than once; only its committed run counts, and it must
// keep what it does outside the database for after COMMIT. Every caller's promise settles only after COMMIT
// returned: "acknowledged only after durably stored" holds for each write in the batch.

export interface TransactionRunner {
  /** Runs fn in a new transaction; resolves after COMMIT. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
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

  /** A write refused inside a batch: the batch is run again without it. */
  class Refused extends Error {
    constructor(
      readonly index: number,
      readonly refusal: unknown,
    ) {
      super('a write of the batch was refused');
    }
  }

  /** Runs the jobs in one transaction, in order; the first refusal rolls it back and throws a Refused. */
  function together(jobs: Job[]): Promise<unknown[]> {
    return db.transaction(async () => {
      const values: unknown[] = [];
      for (const [index, job] of jobs.entries()) {
        try {
          values.push(await job.work());
        } catch (error) {
          // The engine abandoned the whole transaction (disk full, I/O error, lost connection): no write of this
          // batch can be stored now, so every one is refused with it, none is tried again.
          if (!db.inTransaction()) throw error;
          throw new Refused(index, error);
        }
      }
      return values;
    });
  }

  async function commit(batch: Job[]): Promise<void> {
    const outcomes = new Map<Job, Outcome>();
    let jobs = batch;
    while (jobs.length > 0) {
      try {
        const values = await together(jobs);
        onCommit?.(jobs.length);
        jobs.forEach((job, i) => outcomes.set(job, { ok: true, value: values[i] }));
        break;
      } catch (error) {
        if (!(error instanceof Refused)) {
          for (const job of jobs) outcomes.set(job, { ok: false, error });
          break;
        }
        // The writes before it run again in the same state, so it would be refused again: it keeps its error.
        const job = jobs[error.index]!;
        outcomes.set(job, { ok: false, error: error.refusal });
        jobs = jobs.filter((other) => other !== job);
      }
    }
    // In queue order: one socket's writes are answered in the order it sent them.
    for (const job of batch) {
      const outcome = outcomes.get(job)!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }
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
