// Group commit: writes queued while the database is busy (or in one event-loop turn) share ONE transaction (one WAL
// append or one PostgreSQL commit instead of one per message). A refused write must not undo the others: the batch
// is rolled back, the writes before it commit, it runs alone, then the writes after it (no savepoint per write: two
// statements, or two round trips, saved on every write for the rare refusal). So a write may run more than once;
// only its committed run counts, and it must keep what it does outside the database for after COMMIT. Every caller's
// promise settles only after COMMIT returned: "acknowledged only after durably stored" holds for each write.
//
// Lanes: an engine with concurrent writers (PostgreSQL) commits several batches at once, one per lane. A write names
// its key (the visitor whose conversations it touches): one key's writes share a lane, so they keep their order and
// never lock each other's rows from two lanes. A write without a key (it touches many conversations) runs alone:
// it waits for the lanes in flight, and lanes wait for it. With one lane (SQLite: one writer) all share it.

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
  /** Batches committed at once (the engine's concurrent writers); 1 keeps every write in one queue. */
  lanes?: number;
  /**
   * A failure that says only that concurrent transactions collided (a deadlock, a serialization failure): the
   * batch runs again as it was, up to RETRIES times, instead of refusing a write.
   */
  isTransient?: (error: unknown) => boolean;
}

const RETRIES = 3;

interface Lane {
  queue: Job[];
  scheduled: boolean;
  /** The batch being committed: one at a time per lane, so a lane's writes commit (and settle) in queue order. */
  inFlight: Promise<void> | null;
}

const newLane = (): Lane => ({ queue: [], scheduled: false, inFlight: null });

/** A stable lane for a key (FNV-1a). */
function laneOf(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}

interface Job {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createWriteBatcher(
  db: TransactionRunner,
  { maxBatch = 500, onCommit, lanes: laneCount = 1, isTransient = () => false }: WriteBatcherOptions = {},
) {
  const lanes = Array.from({ length: laneCount }, newLane);
  /** Writes whose key is still being looked up. */
  let resolving = 0;
  /** Writes without a key, when there are several lanes: each batch of them runs while no lane is in flight. */
  const alone = newLane();
  const lanesBusy = () => lanes.some((lane) => lane.inFlight !== null);
  const blocked = (lane: Lane) =>
    lane === alone ? lanesBusy() : alone.inFlight !== null || alone.queue.length > 0;

  /** A lane's next batch starts a turn later (the turn's writes join it), once its batch in flight committed. */
  const schedule = (lane: Lane) => {
    if (lane.scheduled || lane.inFlight || lane.queue.length === 0) return;
    lane.scheduled = true;
    setImmediate(() => {
      lane.scheduled = false;
      void start(lane);
    });
  };

  /**
   * Starts committing the lane's oldest batch unless one is in flight or the lane must wait (see `blocked`); resolves
   * when the lane's batch in flight has committed. Writes keep their queue order within a lane.
   */
  function start(lane: Lane): Promise<void> | null {
    if (lane.inFlight || lane.queue.length === 0 || blocked(lane)) return lane.inFlight;
    const batch = lane.queue.length <= maxBatch ? lane.queue : lane.queue.slice(0, maxBatch);
    lane.queue = lane.queue.length <= maxBatch ? [] : lane.queue.slice(maxBatch);
    lane.inFlight = commit(batch).finally(() => {
      lane.inFlight = null;
      // Whoever waited for this batch may start now.
      if (lane === alone) lanes.forEach(schedule);
      else if (!lanesBusy()) schedule(alone);
      schedule(lane);
    });
    return lane.inFlight;
  }

  /** A write refused inside a batch: the batch is rolled back, and the refused write is settled alone. */
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
    await settle(batch, outcomes);
    // In queue order: one socket's writes are answered in the order it sent them.
    for (const job of batch) {
      const outcome = outcomes.get(job)!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }
  }

  /**
   * Commits `jobs` together and records each outcome. A write refused among others saw a state that was then rolled
   * back (on PostgreSQL another node may change it before a rerun): so the writes before it commit first, then it
   * runs alone (whatever it meets then is its answer), then the writes after it.
   */
  async function settle(jobs: Job[], outcomes: Map<Job, Outcome>): Promise<void> {
    if (jobs.length === 0) return;
    for (let retries = 0; ; retries++) {
      try {
        const values = await together(jobs);
        onCommit?.(jobs.length);
        jobs.forEach((job, i) => outcomes.set(job, { ok: true, value: values[i] }));
        return;
      } catch (error) {
        const cause = error instanceof Refused ? error.refusal : error;
        if (isTransient(cause) && retries < RETRIES) continue;
        if (!(error instanceof Refused)) {
          for (const job of jobs) outcomes.set(job, { ok: false, error });
          return;
        }
        if (jobs.length === 1) {
          outcomes.set(jobs[0]!, { ok: false, error: cause });
          return;
        }
        await settle(jobs.slice(0, error.index), outcomes);
        await settle([jobs[error.index]!], outcomes);
        await settle(jobs.slice(error.index + 1), outcomes);
        return;
      }
    }
  }

  /**
   * Queues `work` (awaited store calls) for the next group commit of its key's lane (no key: alone); settles after
   * COMMIT with its result.
   */
  function run<T>(work: () => Promise<T>, key?: string | Promise<string | undefined>): Promise<T> {
    if (key instanceof Promise) {
      // Counted from now, so drain waits for it; queued when its key is known, in the order asked.
      resolving++;
      return key.finally(() => resolving--).then((known) => run(work, known));
    }
    const lane = laneCount === 1 ? lanes[0]! : key === undefined ? alone : lanes[laneOf(key, laneCount)]!;
    return new Promise<T>((resolve, reject) => {
      lane.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      schedule(lane);
    });
  }

  return {
    run,
    /** Commits everything queued now and resolves once the last batch committed (before closing the database). */
    async drain(): Promise<void> {
      const all = [...lanes, alone];
      while (resolving > 0 || all.some((lane) => lane.queue.length > 0 || lane.inFlight !== null)) {
        const batches = all.map((lane) => start(lane)).filter((batch) => batch !== null);
        // Writes whose key is still being read join a queue a turn later.
        await (batches.length > 0 ? Promise.all(batches) : new Promise((resolve) => setImmediate(resolve)));
      }
    },
  };
}
export type WriteBatcher = ReturnType<typeof createWriteBatcher>;
