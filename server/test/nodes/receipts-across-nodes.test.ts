// Typing and seen receipts across nodes: what happens on one node reaches the other side's sockets on another
// (through the cluster event relay), and read positions survive reconnects to a different node.
import { afterEach, describe, expect, it } from 'vitest';
import {
  NO_STEPS,
  connectAgent,
  connectVisitor,
  createAgent,
  expectStatus,
  request,
  savePlaybook,
  say,
  signIn,
  startCluster,
  stopClusters,
} from './cluster.js';

afterEach(stopClusters, 30_000);

describe('receipts across two nodes', () => {
  it(
    'a read on node A reaches a watcher on node B, typing crosses too, and positions persist across reconnects',
    { timeout: 60_000 },
    async () => {
      const { a, b } = await startCluster(2);
      const admin = await signIn(a);
      await savePlaybook(a, admin, NO_STEPS);
      const ann = await createAgent(a, admin, 'Ann');
      const annOnB = await connectAgent(b, ann.cookie);

      // The visitor writes on A; the agent on B hears it, then hears them typing on A.
      const { socket: visitor, welcome } = await connectVisitor(a);
      const first = await say(visitor, 'Hello from node A');
      const conversationId = first.conversationId;
      await annOnB.waitFor((f) => f.type === 'message.created');
      visitor.send({ type: 'typing', typing: true });
      expect(await annOnB.waitFor((f) => f.type === 'typing')).toMatchObject({
        conversationId,
        typing: true,
      });

      // Ann replies from B; the visitor on A reads it: her dashboard on B sees "Seen".
      const replyId = 'reply-on-b-0001';
      annOnB.send({ type: 'message.send', id: replyId, conversationId, body: 'Hi there' });
      const ack = await annOnB.waitFor<{ type: 'ack'; message: { seq: number } } & Record<string, unknown>>(
        (f) => f.type === 'ack' && f.id === replyId,
      );
      await visitor.waitFor((f) => f.type === 'message.created');
      visitor.send({ type: 'read', conversationId, seq: ack.message.seq });
      expect(await annOnB.waitFor((f) => f.type === 'read.moved' && f.reader === 'visitor')).toMatchObject({
        conversationId,
        seq: ack.message.seq,
      });

      // Ann reads over HTTP on A: the visitor's widget on A, and her dashboard on B, are told.
      await expectStatus(
        request(a, 'POST', `/api/conversations/${conversationId}/read`, {
          cookie: ann.cookie,
          body: { seq: first.seq },
        }),
        200,
      );
      expect(await visitor.waitFor((f) => f.type === 'read.moved')).toMatchObject({
        conversationId,
        seq: first.seq,
      });
      expect(await annOnB.waitFor((f) => f.type === 'read.moved' && f.reader === 'mine')).toMatchObject({
        seq: first.seq,
      });

      // Reconnecting, the visitor to B and Ann's reads from B, both find the positions stored.
      visitor.close();
      const { socket: again } = await connectVisitor(b, { token: welcome.token! });
      expect(await again.waitFor((f) => f.type === 'read.moved')).toMatchObject({
        conversationId,
        seq: first.seq,
      });
      const reads = await expectStatus(
        request<{ reads: Record<string, { seq: number } | null> }>(
          b,
          'GET',
          `/api/conversations/${conversationId}/reads`,
          { cookie: ann.cookie },
        ),
        200,
      );
      expect(reads.reads).toMatchObject({
        visitor: { seq: ack.message.seq },
        team: { seq: first.seq },
        mine: { seq: first.seq },
      });
    },
  );
});
