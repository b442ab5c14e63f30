// Redis carries events between nodes, but it is not storage: a node that may have missed events closes its clients'
// sockets with 1001 once Redis is back, and they resume by seq from the database. Each node reaches Redis through a
// proxy of its own, so one node can lose Redis while the other keeps it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '@livechat/shared/model';
import {
  NO_STEPS,
  type MessageFrame,
  type RedisProxy,
  type ServerNode,
  connectAgent,
  connectVisitor,
  eventually,
  request,
  savePlaybook,
  say,
  signIn,
  sleep,
  startCluster,
  startRedisProxy,
  stopClusters,
  storedMessages,
} from './cluster.js';

afterEach(stopClusters, 30_000);

/** Messages the visitor sends while Redis is away, one every OUTAGE_PACE_MS (the outage lasts a few seconds). */
const OUTAGE_MESSAGES = 10;
const OUTAGE_PACE_MS = 250;
/** Redis clients retry at least every 2 s (server/src/cluster/redis.ts): the resync follows well within this. */
const RESYNC_WITHIN_MS = 10_000;

const readiness = async (node: ServerNode) => (await request(node, 'GET', '/api/ready')).status;

const isMessage = (body: string) => (f: { type: string; message?: unknown }) =>
  f.type === 'message.created' && (f as MessageFrame).message.body === body;

const summary = (messages: Message[]) => messages.map(({ id, seq, body }) => ({ id, seq, body }));

describe('a Redis outage', () => {
  const cases = [
    ['A', "A's publishes fail, and once Redis is back A tells B to resync"],
    ['B', "B's subscription drops, and once Redis is back B resyncs by itself"],
  ] as const;
  for (const [cut, how] of cases)
    it(
      `on node ${cut} never loses a stored message: the agent on B resumes by seq (${how})`,
      { timeout: 90_000 },
      async () => {
        const proxies: Record<string, RedisProxy> = {
          A: await startRedisProxy(),
          B: await startRedisProxy(),
        };
        const cluster = await startCluster(2, { redisUrl: (node) => proxies[node]!.url });
        const { a, b } = cluster;
        const [down, up] = cut === 'A' ? [a, b] : [b, a];
        const admin = await signIn(b);
        await savePlaybook(b, admin, NO_STEPS);

        // The admin's dashboard on B sees every conversation; a visitor on A opens one, and B hears of it.
        const agent = await connectAgent(b, admin);
        const { socket: visitor, welcome } = await connectVisitor(a);
        const first = await say(visitor, 'before the outage');
        const { conversationId } = first;
        await agent.waitFor(isMessage('before the outage'));

        // Redis goes away for one node: it is not ready; the other still is.
        proxies[cut]!.cut();
        await eventually(async () => ((await readiness(down)) === 503 ? true : undefined), {
          what: `node ${down.name} to report not ready`,
        });
        expect(await readiness(up)).toBe(200);

        // The visitor keeps writing on A: every message is acked (stored in PostgreSQL), yet B cannot hear of them.
        const during: Message[] = [];
        for (let i = 0; i < OUTAGE_MESSAGES; i++) {
          during.push(await say(visitor, `during the outage ${i}`));
          await sleep(OUTAGE_PACE_MS);
        }
        expect(agent.messages().filter((m) => m.body.startsWith('during'))).toEqual([]);
        expect(agent.open).toBe(true);
        expect(await readiness(down)).toBe(503);

        // Redis is back: the agent's socket on B is closed with 1001 (events may have been missed), the node is ready.
        proxies[cut]!.restore();
        expect(await agent.waitForClose(RESYNC_WITHIN_MS)).toBe(1001);
        await eventually(async () => ((await readiness(down)) === 200 ? true : undefined), {
          what: `node ${down.name} to be ready again`,
        });
        // A's own subscription dropped too when its Redis was cut: its visitor resumes the same way.
        if (cut === 'A') expect(await visitor.waitForClose(RESYNC_WITHIN_MS)).toBe(1001);

        // The dashboard reconnects and resumes the conversation it has open after the last seq it holds.
        const afterSeq = Math.max(
          ...agent.messages().flatMap((m) => (m.conversationId === conversationId ? [m.seq] : [])),
        );
        const resumed = await connectAgent(b, admin, { resume: { conversationId, afterSeq } });
        await resumed.waitFor(isMessage(during.at(-1)!.body));

        // Live events flow again: the visitor's next message reaches B as it happens.
        const writer = visitor.open
          ? visitor
          : (
              await connectVisitor(a, {
                token: welcome.token!,
                resume: { conversationId, afterSeq: during.at(-1)!.seq },
              })
            ).socket;
        const last = await say(writer, 'after the outage');
        await resumed.waitFor(isMessage('after the outage'));
        await sleep(300);

        // Every stored message reached the agent exactly once, in seq order: before, during and after the outage.
        const stored = await storedMessages(b, admin, conversationId);
        expect(summary(stored)).toEqual(summary([first, ...during, last]));
        const seen = [...agent.messages(), ...resumed.messages()].filter(
          (m) => m.conversationId === conversationId,
        );
        expect(summary(seen)).toEqual(summary(stored));
        expect(cluster.errorLogs()).toEqual([]);
      },
    );
});
