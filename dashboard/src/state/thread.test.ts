import { describe, expect, it } from 'vitest';
import { highestSeq, mergeMessages, settlePending, type PendingReply } from './thread.js';
import { message } from '../test-utils/fixtures.js';

const seqs = (list: readonly { seq: number }[]) => list.map((m) => m.seq);

describe('thread', () => {
  it('keeps one message per seq, in seq order, whatever the arrival order', () => {
    const list = mergeMessages([], [message(2), message(1), message(3), message(2), message(1)]);
    expect(seqs(list)).toEqual([1, 2, 3]);
    expect(highestSeq(list)).toBe(3);
  });

  it('returns the same array for a duplicate, so nothing re-renders', () => {
    const list = mergeMessages([], [message(1), message(2)]);
    expect(mergeMessages(list, [message(1)])).toBe(list);
  });

  it('settles pending replies whose echo carries their clientId', () => {
    const pending: PendingReply[] = [
      { clientId: 'aaaaaaaa1', conversationId: 'c-1', body: 'a', createdAt: 0, error: null },
      { clientId: 'bbbbbbbb2', conversationId: 'c-1', body: 'b', createdAt: 0, error: null },
    ];
    const left = settlePending(pending, [message(4, { clientId: 'aaaaaaaa1' })]);
    expect(left.map((p) => p.clientId)).toEqual(['bbbbbbbb2']);
    expect(settlePending(pending, [message(5)])).toBe(pending);
  });
});
