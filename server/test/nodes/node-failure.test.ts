// A node dies (SIGKILL, no goodbye): what it acknowledged survives, clients carry on through the other node, and the
// agents it served stop counting as available.
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Message } from '@livechat/shared/model';
import {
  NO_STEPS,
  type AckFrame,
  type Frame,
  type MessageFrame,
  cid,
  connectAgent,
  connectVisitor,
  createAgent,
  eventually,
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

/** A dead node's agents stop counting after this long (server/src/cluster/presence-registry.ts). */
const PRESENCE_TTL_MS = 25_000;

/** Frames a visitor socket may send: 30 a second, 60 at once (config.frameRate); the test stays under it. */
const BURST = 50;
const PER_SECOND = 25;

describe('a node killed with SIGKILL', () => {
  it(
    'loses no acked visitor message: the resume on the other node replays each once, gap-free; resends store once',
    { timeout: 60_000 },
    async () => {
      const cluster = await startCluster(2);
      const { a, b } = cluster;
      const admin = await signIn(b);
      await savePlaybook(b, admin, NO_STEPS);

      const { socket, welcome } = await connectVisitor(a);
      const ids = Array.from({ length: 200 }, (_, i) => cid(`m${i}`));
      const bodyOf = (i: number) => `message ${i}`;
      /** Acks received: client id -> the stored message. */
      const acked = new Map<string, Message>();
      const onAck = (frame: Frame) => {
        if (frame.type === 'ack' && (frame as AckFrame).message)
          acked.set(frame.id as string, (frame as AckFrame).message!);
      };

      // The first message opens the conversation.
      socket.send({ type: 'message.send', id: ids[0], body: bodyOf(0) });
      await socket.waitFor((f) => f.type === 'ack' && f.id === ids[0]);
      socket.frames.forEach(onAck);
      const conversationId = acked.get(ids[0]!)!.conversationId;

      // The burst, ten at a time, 25 a second. Once 60 are acked, A is frozen (SIGSTOP) now and then while each ten
      // are being stored: when the database then holds a message A has not acked (committed, its ack not written
      // yet), A is killed (SIGKILL) right there; otherwise it is thawed and goes on. Killed anyway once 150 are sent.
      socket.ws.on('message', (data) => onAck(JSON.parse(String(data)) as Frame));
      const db = new pg.Client({ connectionString: cluster.databaseUrl });
      await db.connect();
      const storedCount = async () => {
        const sql = 'SELECT COUNT(*) AS n FROM messages WHERE conversation_id = $1';
        return Number((await db.query<{ n: string }>(sql, [conversationId])).rows[0]!.n);
      };
      const killedWithAckPending = async (): Promise<boolean> => {
        a.signal('SIGSTOP');
        await sleep(10); // acks already on their way arrive
        if ((await storedCount()) > acked.size) {
          await a.kill('SIGKILL');
          return true;
        }
        a.signal('SIGCONT');
        await sleep(1);
        return false;
      };
      let sent = 1;
      let killed = false;
      try {
        while (!killed) {
          for (const end = Math.min(sent + 10, ids.length); sent < end; sent++)
            socket.send({ type: 'message.send', id: ids[sent], body: bodyOf(sent) });
          for (let look = 0; look < 20 && !killed && acked.size >= 60 && acked.size < sent; look++)
            killed = await killedWithAckPending();
          if (!killed && sent >= 150) {
            await a.kill('SIGKILL');
            killed = true;
          }
          await sleep(10_000 / PER_SECOND);
        }
      } finally {
        await db.end();
      }
      await socket.waitForClose();
      const ackedBeforeKill = new Map(acked);
      expect(ackedBeforeKill.size).toBeLessThan(ids.length);

      // Back through B: the replay from the start holds every acked message exactly once, in seq order, gap-free.
      const stored = await storedMessages(b, admin, conversationId);
      const { socket: again } = await connectVisitor(b, {
        token: welcome.token!,
        resume: { conversationId, afterSeq: 0 },
      });
      const lastSeq = stored.at(-1)!.seq;
      await again.waitFor((f) => f.type === 'message.created' && (f as MessageFrame).message.seq === lastSeq);
      const replayed = again.messages();
      expect(replayed.map((m) => m.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
      for (const [id, message] of ackedBeforeKill) {
        expect(replayed.filter((m) => m.clientId === id)).toEqual([message]);
      }

      // Every message not acked is sent again with its id (some were stored before the kill): each is stored once.
      const unacked = ids.flatMap((id, i) => (ackedBeforeKill.has(id) ? [] : [{ id, body: bodyOf(i) }]));
      const resent = new Map<string, Message>();
      again.ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as AckFrame;
        if (frame.type === 'ack' && frame.message) resent.set(frame.id, frame.message);
      });
      for (const [i, { id, body }] of unacked.entries()) {
        again.send({ type: 'message.send', id, body });
        if (i >= BURST) await sleep(1000 / PER_SECOND);
      }
      await eventually(() => (resent.size === unacked.length ? true : undefined), {
        timeoutMs: 20_000,
        what: `acks of the ${unacked.length} resent messages`,
      });
      expect(again.frames.filter((f) => f.type === 'error')).toEqual([]);

      const final = await storedMessages(b, admin, conversationId);
      expect(final.map((m) => m.seq)).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
      expect(final.map((m) => m.clientId).sort()).toEqual([...ids].sort());
      // What was stored before the kill kept its seq: the resend's ack names the same message.
      for (const message of stored)
        if (message.clientId && resent.has(message.clientId))
          expect(resent.get(message.clientId)).toEqual(message);
      // Each body under its own id.
      for (const message of final) expect(message.body).toBe(bodyOf(ids.indexOf(message.clientId!)));
    },
  );

  it(
    'takes its agents out of availability: the widget status on the surviving node turns offline within the presence TTL',
    { timeout: 60_000 },
    async () => {
      const { a, b } = await startCluster(2);
      const admin = await signIn(a);
      const ann = await createAgent(b, admin, 'Ann');
      expect(await widgetOnline(a)).toBe(false);

      await connectAgent(b, ann.cookie);
      await setAvailable(b, ann.cookie, true);
      await eventually(async () => ((await widgetOnline(a)) ? true : undefined), {
        what: 'node A to see Ann',
      });
      const { socket: visitor, welcome } = await connectVisitor(a);
      expect(welcome.online).toBe(true);

      await b.kill('SIGKILL');
      const killedAt = Date.now();
      await eventually(async () => ((await widgetOnline(a)) ? undefined : true), {
        timeoutMs: 40_000,
        intervalMs: 500,
        what: 'node A to say offline',
      });
      expect(Date.now() - killedAt).toBeLessThan(PRESENCE_TTL_MS + 15_000);
      // The widget on A hears it too.
      await visitor.waitFor((f) => f.type === 'presence' && f.online === false, 2_000);
    },
  );
});
