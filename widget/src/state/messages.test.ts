import { describe, expect, it } from 'vitest';
import { agentMessage, visitorMessage } from '../testing/fake-socket.js';
import {
  EMPTY,
  addConversations,
  addPending,
  allMessages,
  clearConfirmed,
  confirm,
  lastSeq,
  setStatus,
  type Messages,
} from './messages.js';

const apply = (s: Messages, ...messages: Parameters<typeof confirm>[1][]): Messages =>
  messages.reduce((acc, m) => confirm(acc, m).messages, s);
const bodies = (s: Messages) => allMessages(s).map((m) => `${m.body}:${m.status}`);

describe('messages', () => {
  it('holds each seq once, in order, whatever the arrival order', () => {
    const s = apply(
      EMPTY,
      agentMessage(3),
      agentMessage(1),
      agentMessage(3),
      agentMessage(2),
      agentMessage(1),
    );
    expect(allMessages(s).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(lastSeq(s, 'c1')).toBe(3);
    expect(confirm(s, agentMessage(2)).added).toBe(false);
  });

  it('retires a pending message by client id when its ack or echo arrives, whichever is first', () => {
    let s = addPending(EMPTY, 'client-a', 'first');
    s = addPending(s, 'client-b', 'second');
    s = apply(s, agentMessage(1));
    expect(bodies(s)).toEqual(['agent says 1:sent', 'first:sending', 'second:sending']);
    s = apply(s, visitorMessage(3, 'client-b', 'second')); // echo
    s = apply(s, visitorMessage(3, 'client-b', 'second')); // ack
    expect(bodies(s)).toEqual(['agent says 1:sent', 'second:sent', 'first:sending']);
    s = apply(s, visitorMessage(2, 'client-a', 'first'));
    expect(bodies(s)).toEqual(['agent says 1:sent', 'first:sent', 'second:sent']);
    // The row keeps its key from pending to sent, so it is not remounted.
    expect(allMessages(s)[1]?.key).toBe('client-a');
  });

  it('does not queue the same client id twice, and marks failures', () => {
    let s = addPending(EMPTY, 'client-a', 'x');
    s = addPending(s, 'client-a', 'x');
    s = setStatus(s, 'client-a', 'failed');
    expect(bodies(s)).toEqual(['x:failed']);
  });

  it('lists conversations one after another, each by seq, whatever the arrival order', () => {
    const c2 = (seq: number) => agentMessage(seq, { conversationId: 'c2', body: `c2 says ${seq}` });
    let s = addConversations(EMPTY, ['c1', 'c2']);
    s = apply(s, c2(1), agentMessage(2), agentMessage(1), c2(2), c2(1));
    expect(bodies(s)).toEqual(['agent says 1:sent', 'agent says 2:sent', 'c2 says 1:sent', 'c2 says 2:sent']);
    expect([lastSeq(s, 'c1'), lastSeq(s, 'c2'), lastSeq(s, 'c3')]).toEqual([2, 2, 0]);
    // A conversation nobody announced (the visitor wrote after a close) goes after the others.
    s = apply(s, agentMessage(1, { conversationId: 'c3', body: 'new' }), agentMessage(3));
    expect(bodies(s).at(-1)).toBe('new:sent');
    expect(bodies(s)[2]).toBe('agent says 3:sent');
    expect(addConversations(s, ['c2', 'c4']).order).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('clears stored messages for another visitor but keeps unsent ones', () => {
    const s = clearConfirmed(apply(addPending(EMPTY, 'client-a', 'x'), agentMessage(1)));
    expect(bodies(s)).toEqual(['x:sending']);
    expect(s.order).toEqual([]);
    expect(lastSeq(s, 'c1')).toBe(0);
  });
});
