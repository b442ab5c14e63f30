import { describe, expect, it } from 'vitest';
import { agentMessage, visitorMessage } from '../testing/fake-socket.js';
import {
  EMPTY,
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
    expect(lastSeq(s)).toBe(3);
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

  it('clears stored messages for a new conversation but keeps unsent ones', () => {
    const s = clearConfirmed(apply(addPending(EMPTY, 'client-a', 'x'), agentMessage(1)));
    expect(bodies(s)).toEqual(['x:sending']);
    expect(lastSeq(s)).toBe(0);
  });
});
