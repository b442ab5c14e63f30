import { describe, expect, it } from 'vitest';
import { createWriteBatcher, type TransactionRunner } from './write-batcher.js';

/** A transaction runner that logs begin/commit/rollback and undoes a savepoint's log entries when it throws. */
function fakeDb({ failCommit = false } = {}) {
  const log: string[] = [];
  let open = false;
  const runner: TransactionRunner & { abandon(): void } = {
    transaction(fn) {
      log.push('begin');
      open = true;
      try {
        const result = fn();
        if (failCommit) throw new Error('disk I/O error');
        log.push('commit');
        return result;
      } catch (err) {
        if (open) log.push('rollback');
        throw err;
      } finally {
        open = false;
      }
    },
    savepoint(fn) {
      const mark = log.length;
      try {
        return fn();
      } catch (err) {
        if (open) log.splice(mark);
        throw err;
      }
    },
    inTransaction: () => open,
    /** What SQLite does on some errors: rolls the whole transaction back by itself. */
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
      batcher.run(() => {
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

  it('refuses one write without undoing the others in its batch', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const results = await Promise.all([
      settle(batcher.run(() => log.push('a'))),
      settle(
        batcher.run(() => {
          log.push('b');
          throw new Error('conversation closed');
        }),
      ),
      settle(batcher.run(() => log.push('c'))),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ error: 'conversation closed' });
    expect(log).toEqual(['begin', 'a', 'c', 'commit']);
  });

  it('rejects every write of a batch whose COMMIT fails: nothing is acked that was not stored', async () => {
    const { runner } = fakeDb({ failCommit: true });
    const batcher = createWriteBatcher(runner);
    const results = await Promise.all([settle(batcher.run(() => 1)), settle(batcher.run(() => 2))]);
    expect(results).toEqual([
      { ok: false, error: 'disk I/O error' },
      { ok: false, error: 'disk I/O error' },
    ]);
  });

  it('rejects the whole batch when SQLite abandoned the transaction during one write', async () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    const results = await Promise.all([
      settle(batcher.run(() => log.push('a'))),
      settle(
        batcher.run(() => {
          runner.abandon();
          throw new Error('database or disk is full');
        }),
      ),
      settle(batcher.run(() => log.push('never'))),
    ]);
    expect(results.every((r) => !r.ok && r.error === 'database or disk is full')).toBe(true);
    expect(log).toEqual(['begin', 'a']);
  });

  it('splits a long queue into transactions of at most maxBatch, keeping the order', async () => {
    const { log, runner } = fakeDb();
    const sizes: number[] = [];
    const batcher = createWriteBatcher(runner, { maxBatch: 2, onCommit: (n) => sizes.push(n) });
    const values = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.run(() => n)));
    expect(values).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
    expect(log.filter((l) => l === 'commit')).toHaveLength(3);
  });

  it('drain commits what is queued at once', () => {
    const { log, runner } = fakeDb();
    const batcher = createWriteBatcher(runner);
    void batcher.run(() => log.push('queued'));
    batcher.drain();
    expect(log).toEqual(['begin', 'queued', 'commit']);
  });
});
