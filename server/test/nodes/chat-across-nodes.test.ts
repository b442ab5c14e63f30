// A visitor on one node and an agent on another chat both ways; what each node sends its own sockets follows that
// node's privacy rules, for events that happened on the other node too.
import { afterEach, describe, expect, it } from 'vitest';
import {
  NO_STEPS,
  type AckFrame,
  type MessageFrame,
  concerns,
  connectAgent,
  connectVisitor,
  createAgent,
  expectStatus,
  request,
  savePlaybook,
  say,
  signIn,
  sleep,
  startCluster,
  stopClusters,
} from './cluster.js';

afterEach(stopClusters, 30_000);

const isMessage = (body: string) => (f: { type: string; message?: unknown }) =>
  f.type === 'message.created' && (f as MessageFrame).message.body === body;

describe('two nodes, one conversation', () => {
  it(
    'a visitor on node A and an agent on node B chat both ways; a colleague on A sees nothing once it is assigned',
    { timeout: 60_000 },
    async () => {
      const { a, b } = await startCluster(2);
      const admin = await signIn(a);
      await savePlaybook(a, admin, NO_STEPS);
      const ann = await createAgent(b, admin, 'Ann');
      const ben = await createAgent(a, admin, 'Ben');
      const annSocket = await connectAgent(b, ann.cookie);
      const benSocket = await connectAgent(a, ben.cookie);

      // The visitor writes on A: the new conversation reaches Ann's dashboard on B (and Ben's on A, unassigned).
      const { socket: visitor } = await connectVisitor(a);
      const first = await say(visitor, 'Hello from node A');
      const conversationId = first.conversationId;
      await annSocket.waitFor(isMessage('Hello from node A'));
      await benSocket.waitFor(isMessage('Hello from node A'));

      // Ann takes it over HTTP on B: the visitor on A sees her join, Ben's dashboard on A drops it.
      const assign = `/api/conversations/${conversationId}/assign`;
      const assigned = await expectStatus(
        request<{ conversation: { assigneeId: string } }>(b, 'POST', assign, { cookie: ann.cookie }),
        200,
      );
      expect(assigned.conversation.assigneeId).toBe(ann.id);
      const joined = await visitor.waitFor<MessageFrame>(
        (f) => f.type === 'message.created' && (f as MessageFrame).message.content?.type === 'agent_joined',
      );
      expect(joined.message.body).toBe('Ann joined the chat');
      await benSocket.waitFor(
        (f) => f.type === 'conversation.removed' && f.conversationId === conversationId,
      );

      // Ann's reply, stored via B, reaches the visitor on A.
      const replyId = 'reply-from-b-1';
      annSocket.send({ type: 'message.send', id: replyId, conversationId, body: 'Hi, Ann here (node B)' });
      const ack = await annSocket.waitFor<AckFrame>((f) => f.type === 'ack' && f.id === replyId);
      const reply = await visitor.waitFor<MessageFrame>(isMessage('Hi, Ann here (node B)'));
      expect(reply.message).toEqual(ack.message);
      expect(reply.message.author).toMatchObject({ kind: 'agent', id: ann.id });

      // The visitor's next message, stored via A, reaches Ann's socket on B.
      const second = await say(visitor, 'Thanks, Ann');
      const atAnn = await annSocket.waitFor<MessageFrame>(isMessage('Thanks, Ann'));
      expect(atAnn.message).toEqual(second);
      expect(second.seq).toBe(reply.message.seq + 1);

      // A sentinel: a new visitor on B writes; once Ben (on A) has it, every event published before it on either
      // node has been through A's fan-out (Redis keeps a publisher's order, the hub keeps publish order).
      const { socket: other } = await connectVisitor(b);
      await say(other, 'Sentinel from node B');
      await benSocket.waitFor(isMessage('Sentinel from node B'));
      await sleep(300);

      const removedAt = benSocket.frames.findIndex(
        (f) => f.type === 'conversation.removed' && f.conversationId === conversationId,
      );
      const afterRemoval = benSocket.frames.slice(removedAt + 1).filter((f) => concerns(f, conversationId));
      expect(afterRemoval).toEqual([]);
      // Nor did any frame before it carry the assigned conversation or what was said after the assignment.
      const leaked = benSocket.frames.filter((f) => {
        const text = JSON.stringify(f);
        return (
          concerns(f, conversationId) &&
          (text.includes(ann.id) ||
            text.includes('agent_joined') ||
            text.includes('Ann here') ||
            text.includes('Thanks, Ann'))
        );
      });
      expect(leaked).toEqual([]);
      // Ann's own dashboard got the whole conversation (her reply came back as an ack, not as an echo).
      expect(
        annSocket
          .messages()
          .filter((m) => m.conversationId === conversationId)
          .map((m) => m.body),
      ).toEqual(['Hello from node A', 'Ann joined the chat', 'Thanks, Ann']);
    },
  );
});
