import { describe, expect, it } from 'vitest';
import { highestSeq, mergeMessages, replaceMessage, settlePending, type PendingReply } from './thread.js';
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

  it('replaces a message by id for a delivery report, never moving its delivery back', () => {
    const agentAuthor = { kind: 'agent', id: 'ag-1', name: 'Ada Admin' } as const;
    const queued = message(2, { author: agentAuthor, delivery: { status: 'queued', error: null } });
    const list = mergeMessages([], [message(1), queued]);
    const failed = { ...queued, delivery: { status: 'failed', error: 'Unknown destination' } } as const;
    const updated = replaceMessage(list, failed);
    expect(updated.map((m) => m.delivery)).toEqual([undefined, failed.delivery]);
    expect(replaceMessage(updated, { ...queued, delivery: { status: 'sent', error: null } })).toBe(updated);
    expect(replaceMessage(list, message(9))).toBe(list);
  });
});
