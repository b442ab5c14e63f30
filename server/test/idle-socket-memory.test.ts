// An idle visitor socket keeps only what it needs: not the upgrade's HTTP request and reply, which
// @fastify/websocket would otherwise hold for the socket's whole life (several KB for each of 10,000 idle visitors).
import v8 from 'node:v8';
import vm from 'node:vm';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import { PROTOCOL_VERSION, VISITOR_SOCKET_PATH } from '@livechat/shared/protocol/constants';
import { makeApp, SITE_ORIGIN } from './helper.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let app: FastifyInstance;
afterEach(() => app.close());

const nextFrame = (ws: WebSocket) =>
  new Promise<{ type: string }>((resolve) =>
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as { type: string })),
  );

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    if (ref.deref() === undefined) return true;
  }
  return false;
}

describe('an idle visitor socket', () => {
  it('lets go of its upgrade request once connected, and still chats', async () => {
    app = await makeApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    let upgrade: WeakRef<IncomingMessage> | null = null;
    app.server.prependListener('upgrade', (request: IncomingMessage) => (upgrade = new WeakRef(request)));

    const ws = new WebSocket(
      `ws://127.0.0.1:${port}${VISITOR_SOCKET_PATH}?siteKey=${encodeURIComponent(DEMO_SITE_KEY)}`,
      { headers: { origin: SITE_ORIGIN } },
    );
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const welcome = nextFrame(ws);
    ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION }));
    expect((await welcome).type).toBe('welcome');

    expect(upgrade).not.toBeNull();
    expect(await collected(upgrade!)).toBe(true);

    const ack = nextFrame(ws);
    ws.send(JSON.stringify({ type: 'message.send', id: 'idle-socket-1', body: 'still here' }));
    expect(await ack).toMatchObject({ type: 'ack', id: 'idle-socket-1' });
    ws.close();
  });
});
