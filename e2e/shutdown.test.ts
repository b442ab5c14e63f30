// SIGTERM with clients connected: sockets get "going away" (1001), the process exits 0 in bounded time,
// and a client reconnects and resumes once the server is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { freePort } from '../scripts/free-port.js';
import { startServer, type ServerProcess } from './stack.js';
import { NO_STEPS, savePlaybook } from './api.js';

let server: ServerProcess | undefined;
let dataDir: string;
afterEach(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function connectVisitor(port: number, demoPort: number, hello: object) {
  const ws = new WebSocket(`ws://localhost:${port}/ws/visitor?siteKey=demo-site-key`, {
    headers: { origin: `http://localhost:${demoPort}` },
  });
  const frames: { type: string; [k: string]: unknown }[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const welcomed = new Promise<void>((resolve) =>
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string };
      frames.push(frame);
      if (frame.type === 'welcome') resolve();
    }),
  );
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, ...hello })));
  return { ws, frames, closed, welcomed };
}

describe('graceful shutdown', () => {
  it('closes sockets with 1001 and exits 0 quickly on SIGTERM; clients resume after restart', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-sigterm-'));
    const demoPort = await freePort();
    server = await startServer({ dataDir, demoPort });
    await savePlaybook(server.url, NO_STEPS);
    const port = server.port;
    const a = connectVisitor(port, demoPort, {});
    await a.welcomed;
    a.ws.send(JSON.stringify({ type: 'message.send', id: 'before-sigterm-1', body: 'before the restart' }));
    await new Promise<void>((resolve) =>
      a.ws.on('message', (d) => d.toString().includes('"ack"') && resolve()),
    );
    const token = String(a.frames[0]?.token);

    const started = Date.now();
    const exitCode = await server.stop('SIGTERM');
    expect(exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await a.closed).toBe(1001);

    server = await startServer({ dataDir, demoPort, port });
    const b = connectVisitor(port, demoPort, { token });
    await b.welcomed;
    await expect.poll(() => b.frames.filter((f) => f.type === 'message.created').length).toBe(1);
    expect(JSON.stringify(b.frames)).toContain('before the restart');
    b.ws.close();
  });
});
