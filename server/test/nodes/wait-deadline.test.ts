// The Live Chat card's wait for an agent, with two nodes: both arm the stored deadline (each sweeps the database
// every 5 s), yet it fires once; and when the node that stored it dies, the other fires it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, Playbook, RichText } from '@livechat/shared/model';
import {
  type AckFrame,
  type MessageFrame,
  cid,
  connectAgent,
  connectVisitor,
  createAgent,
  eventually,
  expectStatus,
  request,
  savePlaybook,
  setAvailable,
  signIn,
  sleep,
  startCluster,
  stopClusters,
  storedMessages,
  widgetOnline,
} from './cluster.js';

afterEach(stopClusters, 30_000);

/** How often every node looks for stored deadlines (server/src/domain/playbook/runner.ts). */
const SWEEP_MS = 5_000;

const text = (t: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];
const OFFLINE = 'Nobody took your chat in time';
const ASK_EMAIL = 'Your email, please?';

const waitingPlaybook = (waitSeconds: number): Playbook => ({
  botName: 'Ava',
  botAvatarUrl: null,
  locale: 'en',
  steps: [
    {
      id: 'card',
      kind: 'live_chat',
      onlineMessage: text('Finding someone for you'),
      waitSeconds,
      offlineMessage: text(OFFLINE),
      offlineFlow: {
        questions: [],
        capture: [{ field: 'email', text: text(ASK_EMAIL) }],
        thankYou: text('Thanks'),
      },
    },
  ],
});

const isOffline = (m: Message) => m.content?.type === 'rich' && m.content.away === true;

/**
 * Two nodes; an agent available on B (nobody will take the chat); a visitor on A opens the chat, whose Live Chat
 * card then waits `waitSeconds`. Returns when the wait is stored, with its deadline.
 */
async function waitingVisitor(waitSeconds: number) {
  const cluster = await startCluster(2);
  const { a, b } = cluster;
  const admin = await signIn(b);
  await savePlaybook(b, admin, waitingPlaybook(waitSeconds));
  const ann = await createAgent(b, admin, 'Ann');
  await connectAgent(b, ann.cookie);
  await setAvailable(b, ann.cookie, true);
  // Node A learns through Redis that someone is available, so its bot waits instead of going offline at once.
  await eventually(async () => ((await widgetOnline(a)) ? true : undefined), { what: 'node A to see Ann' });

  const { socket: visitor, welcome } = await connectVisitor(a);
  const startId = cid('start');
  visitor.send({ type: 'conversation.start', id: startId });
  const { conversationId } = await visitor.waitFor<AckFrame>((f) => f.type === 'ack' && f.id === startId);
  const waiting = visitor.messages().find((m) => m.content?.type === 'waiting');
  if (waiting?.content?.type !== 'waiting') throw new Error('the bot did not wait for an agent');
  const token = welcome.token!;
  return {
    cluster,
    a,
    b,
    admin,
    visitor,
    token,
    conversationId: conversationId!,
    deadline: waiting.content.until,
  };
}

describe('the wait for an agent, on several nodes', () => {
  it(
    'fires once when both nodes have armed the deadline: one offline message, one offline flow',
    { timeout: 60_000 },
    async () => {
      // Longer than a sweep, so node B has armed the deadline A stored too and both timers fire together.
      const { cluster, b, admin, visitor, conversationId, deadline } = await waitingVisitor(
        SWEEP_MS / 1000 + 2,
      );

      const offline = await eventually(
        async () => (await storedMessages(b, admin, conversationId)).find(isOffline),
        { timeoutMs: deadline - Date.now() + 5_000, what: 'the offline message' },
      );
      expect(offline.createdAt).toBeGreaterThanOrEqual(deadline);
      // Give any second firing (a late timer, the next sweep) the time to show up.
      await sleep(Math.max(0, deadline + SWEEP_MS + 1_000 - Date.now()));

      const messages = await storedMessages(b, admin, conversationId);
      expect(messages.filter(isOffline)).toHaveLength(1);
      expect(messages.filter((m) => m.body === ASK_EMAIL)).toHaveLength(1);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      const { conversation } = await expectStatus(
        request<{ conversation: { missedAt: number | null } }>(
          b,
          'GET',
          `/api/conversations/${conversationId}`,
          { cookie: admin },
        ),
        200,
      );
      expect(conversation.missedAt).not.toBeNull();
      // The visitor on A saw it once too.
      expect(visitor.messages().filter(isOffline)).toHaveLength(1);
      expect(cluster.errorLogs()).toEqual([]);
    },
  );

  it(
    'fires on the surviving node, once, when the node that stored the wait is killed (SIGKILL) before the deadline',
    { timeout: 60_000 },
    async () => {
      const { cluster, a, b, admin, visitor, token, conversationId, deadline } = await waitingVisitor(3);
      await a.kill('SIGKILL');
      expect(Date.now()).toBeLessThan(deadline);

      const offline = await eventually(
        async () => (await storedMessages(b, admin, conversationId)).find(isOffline),
        { timeoutMs: deadline - Date.now() + 12_000, what: 'node B to fire the deadline' },
      );
      // At the deadline if B's sweep had armed it already, else at B's next sweep.
      expect(offline.createdAt).toBeGreaterThanOrEqual(deadline);
      expect(offline.createdAt - deadline).toBeLessThanOrEqual(SWEEP_MS + 1_500);
      await sleep(SWEEP_MS + 500);

      const messages = await storedMessages(b, admin, conversationId);
      expect(messages.filter(isOffline)).toHaveLength(1);
      expect(messages.filter((m) => m.body === ASK_EMAIL)).toHaveLength(1);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      expect(cluster.errorLogs()).toEqual([]);

      // The visitor, cut off with A, comes back through B and reads the rest of the conversation once.
      const afterSeq = Math.max(...visitor.messages().map((m) => m.seq));
      const { socket: again } = await connectVisitor(b, { token, resume: { conversationId, afterSeq } });
      await again.waitFor(
        (f) => f.type === 'message.created' && (f as MessageFrame).message.body === ASK_EMAIL,
      );
      expect(again.messages().map((m) => m.seq)).toEqual(messages.slice(afterSeq).map((m) => m.seq));
    },
  );
});
