import { describe, expect, it } from 'vitest';
import { createWriteBatcher, type TransactionRunner } from './write-batcher.js';

/** A turn of the event loop: what a real engine's I/O gives other callers. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A transaction runner that logs begin/commit/rollback, undoes the log entries of a transaction it rolls back, takes
 * a turn before COMMIT (as real I/O does) and refuses a second transaction while one is open.
 */
function fakeDb({ failCommit = false } = {}) {
  const log: string[] = [];
  let open = false;
  const runner: TransactionRunner & { abandon(): void } = {
    async transaction(fn) {
      if (open) throw new Error('a transaction is already open');
      log.push('begin');
      const mark = log.length;
      open = true;
      try {
        const result = await fn();
        await turn();
        if (failCommit) throw new Error('disk I/O error');
        log.push('commit');
        return result;
      } catch (err) {
        if (open) log.splice(mark, log.length - mark, 'rollback');
        throw err;
      } finally {
        open = false;
      }
    },
    inTransaction: () => open,
    /** What an engine does on some errors: abandons the whole transaction by itself. */
    abandon() {
      open = false;
    },
  };
  return { log, runner };
}

const settle = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: Error) => ({ ok: false as const, error: error.message }),
  );

describe('write batcher', () => {
  it('runs the writes of one turn in one transaction, in order, and settles them only after COMMIT', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const results = [1, 2, 3].map((n) =>
      batcher.run(async () => {
        await turn();
        log.push(`write ${n}`);
        return n;
      }),
    );
    results.forEach((p, i) => void p.then(() => log.push(`settled ${i + 1}`)));
    expect(log).toEqual([]); // nothing runs before the turn ends
    expect(await Promise.all(results)).toEqual([1, 2, 3]);
    expect(log).toEqual([
      'begin',
      'write 1',
      'write 2',
      'write 3',
      'commit',
      'settled 1',
      'settled 2',
      'settled 3',
    ]);
  });

  it('refuses one write without undoing the others: those before it commit, it runs alone, then the rest', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const results = await Promise.all([
      settle(batcher.run(async () => log.push('a'))),
      settle(
        batcher.run(async () => {
          log.push('b');
          await turn();
          throw new Error('conversation closed');
        }),
      ),
      settle(batcher.run(async () => log.push('c'))),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ error: 'conversation closed' });
    expect(log).toEqual([
      'begin',
      'rollback',
      'begin',
      'a',
      'commit',
      'begin',
      'rollback',
      'begin',
      'c',
      'commit',
    ]);
  });

  it('settles every refused write alone, and answers all in queue order', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const order: string[] = [];
    const write = (name: string, refuse = false) =>
      batcher
        .run(async () => {
          log.push(name);
          if (refuse) throw new Error(`${name} refused`);
        })
        .then(
          () => void order.push(`${name} stored`),
          (err: Error) => void order.push(err.message),
        );
    await Promise.all([write('a'), write('b', true), write('c'), write('d', true), write('e')]);
    expect(log).toEqual([
      ...['begin', 'rollback'], // a, b (refused)
      ...['begin', 'a', 'commit'],
      ...['begin', 'rollback'], // b alone
      ...['begin', 'rollback'], // c, d (refused)
      ...['begin', 'c', 'commit'],
      ...['begin', 'rollback'], // d alone
      ...['begin', 'e', 'commit'],
    ]);
    expect(order).toEqual(['a stored', 'b refused', 'c stored', 'd refused', 'e stored']);
  });

  it('never answers a refusal from a state that was rolled back: the refused write meets what was committed', async () => {
    // Two writers claim one thing. In a batch, "b" is refused because "a" claimed it; the batch rolls back, and
    // before "a" runs again someone else ("c", on another node) claims it. "b" must not be told "a" has it.
    const { runner } = fakeDb();
    let owner: string | null = null;
    let committedOwner: string | null = null;
    const transaction = runner.transaction.bind(runner);
    let rolledBack = false;
    runner.transaction = async (fn) => {
      owner = committedOwner;
      try {
        const result = await transaction(fn);
        committedOwner = owner;
        return result;
      } catch (err) {
        if (!rolledBack) {
          rolledBack = true;
          committedOwner = 'c'; // the other node commits meanwhile
        }
        throw err;
      }
    };
    const batcher = createWriteBatcher(runner);
    const claim = (name: string) =>
      settle(
        batcher.run(async () => {
          if (owner !== null) throw new Error(`already taken by ${owner}`);
          owner = name;
        }),
      );
    const [a, b] = await Promise.all([claim('a'), claim('b')]);
    expect(a).toEqual({ ok: false, error: 'already taken by c' });
    expect(b).toEqual({ ok: false, error: 'already taken by c' });
  });

  it('refuses a batch of one write alone, without trying again', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const result = await settle(
      batcher.run(async () => {
        log.push('a');
        throw new Error('not visible');
      }),
    );
    expect(result).toEqual({ ok: false, error: 'not visible' });
    expect(log).toEqual(['begin', 'rollback']);
  });

  it('rejects every write of a batch whose COMMIT fails: nothing is acked that was not stored', async () => {
    const { runner } = fakeDb({ failCommit: true });
    const batcher = createWriteBatcher(runner);
    const results = await Promise.all([
      settle(batcher.run(async () => 1)),
      settle(batcher.run(async () => 2)),
    ]);
    expect(results).toEqual([
      { ok: false, error: 'disk I/O error' },
      { ok: false, error: 'disk I/O error' },
    ]);
  });

  it('rejects the whole batch when the engine abandoned the transaction during one write', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const results = await Promise.all([
      settle(batcher.run(async () => log.push('a'))),
      settle(
        batcher.run(async () => {
          await turn();
          runner.abandon();
          throw new Error('database or disk is full');
        }),
      ),
      settle(batcher.run(async () => log.push('never'))),
    ]);
    expect(results.every((r) => !r.ok && r.error === 'database or disk is full')).toBe(true);
    expect(log).toEqual(['begin', 'a']);
  });

  it('splits a long queue into transactions of at most maxBatch, keeping the order', async () => {
    const { log, runner } = fakeDb();
    const sizes: number[] = [];
    const batcher = createWriteBatcher(runner, { maxBatch: 2, onCommit: (n) => sizes.push(n) });
    const values = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.run(async () => n)));
    expect(values).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
    expect(log.filter((l) => l === 'commit')).toHaveLength(3);
  });

  it('queues writes made while a batch commits into the next batch, begun after that COMMIT', async () => {
    const { log, runner } = fakeDb();
    const sizes: number[] = [];
    const batcher = createWriteBatcher(runner, { onCommit: (n) => sizes.push(n) });
    const later: Promise<unknown>[] = [];
    const first = batcher.run(async () => {
      log.push('write 1');
      // Arrives while the first batch is open: waits for its COMMIT (the fake refuses overlapping transactions).
      setImmediate(() => void later.push(batcher.run(async () => log.push('write 2'))));
      setImmediate(() => void later.push(batcher.run(async () => log.push('write 3'))));
      await turn();
      return 1;
    });
    await first;
    await Promise.all(later);
    expect(later).toHaveLength(2);
    expect(log).toEqual(['begin', 'write 1', 'commit', 'begin', 'write 2', 'write 3', 'commit']);
    expect(sizes).toEqual([1, 2]);
  });

  it('drain commits what is queued at once and resolves after the last COMMIT', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner, { maxBatch: 1 });
    void batcher.run(async () => log.push('queued 1'));
    void batcher.run(async () => log.push('queued 2'));
    await batcher.drain();
    expect(log).toEqual(['begin', 'queued 1', 'commit', 'begin', 'queued 2', 'commit']);
  });

  it('drain waits for the batch in flight', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    void batcher.run(async () => log.push('in flight'));
    await turn(); // the batch has begun
    expect(log).toEqual(['begin', 'in flight']);
    await batcher.drain();
    expect(log).toEqual(['begin', 'in flight', 'commit']);
  });
});

/** A runner whose transactions may overlap (PostgreSQL's pool): logs each begin and commit with its writes. */
function concurrentDb({ conflictOnce = false } = {}) {
  const log: string[] = [];
  let open = 0;
  let mostAtOnce = 0;
  let conflicted = false;
  const runner: TransactionRunner = {
    async transaction(fn) {
      open++;
      mostAtOnce = Math.max(mostAtOnce, open);
      try {
        const result = await fn();
        await turn();
        if (conflictOnce && !conflicted) {
          conflicted = true;
          throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        }
        log.push(`commit ${String(result)}`);
        return result;
      } finally {
        open--;
      }
    },
    inTransaction: () => true,
  };
  return { log, runner, mostAtOnce: () => mostAtOnce };
}

describe('write batcher with lanes', () => {
  const isTransient = (error: unknown) => (error as { code?: string }).code === '40P01';

  it("commits different keys' batches at once, and one key's writes in order", async () => {
    const { runner, mostAtOnce } = concurrentDb();
    const batcher = createWriteBatcher(runner, { lanes: 4 });
    const order: string[] = [];
    const write = (key: string, n: number) =>
      batcher.run(async () => {
        await turn();
        order.push(`${key}${n}`);
        return `${key}${n}`;
      }, key);
    // Keys chosen to fall in different lanes (checked below by the overlap), each with writes in two turns.
    const keys = ['visitor-a', 'visitor-b', 'visitor-c', 'visitor-d', 'visitor-e', 'visitor-f'];
    const first = keys.map((key) => write(key, 1));
    await turn();
    const second = keys.map((key) => write(key, 2));
    expect(await Promise.all([...first, ...second])).toEqual([
      ...keys.map((k) => `${k}1`),
      ...keys.map((k) => `${k}2`),
    ]);
    expect(mostAtOnce()).toBeGreaterThan(1);
    for (const key of keys) expect(order.indexOf(`${key}1`)).toBeLessThan(order.indexOf(`${key}2`));
  });

  it('runs a write without a key alone: after the lanes in flight, and before the writes queued after it', async () => {
    const { runner } = concurrentDb();
    const batcher = createWriteBatcher(runner, { lanes: 4 });
    const events: string[] = [];
    let running = 0;
    const write = (name: string, key?: string) =>
      batcher.run(async () => {
        running++;
        events.push(`${name} starts with ${running - 1} others`);
        await turn();
        running--;
        return name;
      }, key);
    const before = ['visitor-a', 'visitor-b', 'visitor-c'].map((key) => write(`before ${key}`, key));
    await turn(); // the lanes' batches are in flight
    const alone = write('alone');
    const after = write('after', 'visitor-a');
    await Promise.all([...before, alone, after]);
    expect(events.find((e) => e.startsWith('alone'))).toBe('alone starts with 0 others');
    expect(events.indexOf('alone starts with 0 others')).toBeGreaterThan(
      Math.max(...['a', 'b', 'c'].map((k) => events.findIndex((e) => e.startsWith(`before visitor-${k}`)))),
    );
    expect(events.at(-1)).toMatch(/^after starts/);
  });

  it('runs a batch again, whole, when concurrent transactions collided (a deadlock), instead of refusing a write', async () => {
    const { log, runner } = concurrentDb({ conflictOnce: true });
    const batcher = createWriteBatcher(runner, { lanes: 2, isTransient });
    const ran: string[] = [];
    const result = await batcher.run(async () => {
      ran.push('run');
      return 'stored';
    }, 'visitor-a');
    expect(result).toBe('stored');
    expect(ran).toEqual(['run', 'run']);
    expect(log).toEqual(['commit stored']);
  });

  it('drain commits every lane and the writes without a key', async () => {
    const { log, runner } = concurrentDb();
    const batcher = createWriteBatcher(runner, { lanes: 3 });
    for (const key of ['visitor-a', 'visitor-b', undefined, 'visitor-c'])
      void batcher.run(async () => key ?? 'alone', key);
    await batcher.drain();
    expect([...log].sort()).toEqual(
      ['commit alone', 'commit visitor-a', 'commit visitor-b', 'commit visitor-c'].sort(),
    );
  });
});
