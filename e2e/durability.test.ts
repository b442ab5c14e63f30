// kill -9 during a burst of acked messages: after a restart every acked message is stored and the file is sound.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import Database from 'better-sqlite3';
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

describe('durability', () => {
  it('keeps every acked message across kill -9, with PRAGMA integrity_check ok', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-kill9-'));
    const demoPort = await freePort();
    server = await startServer({ dataDir, demoPort });
    await savePlaybook(server.url, NO_STEPS);
    const port = server.port;

    const ws = new WebSocket(`ws://localhost:${port}/ws/visitor?siteKey=demo-site-key`, {
      headers: { origin: `http://localhost:${demoPort}` },
    });
    const acked = new Map<string, number>();
    let killed = false;
    const TOTAL = 2000;
    const KILL_AFTER = 150;
    await new Promise<void>((resolve, reject) => {
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION })));
      ws.on('close', () => resolve());
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; id?: string; message?: { seq: number } };
        if (frame.type === 'welcome') {
          // A steady burst: the rate limit allows 30 frames/s per socket with a burst of 60, so pace to stay under it.
          let i = 0;
          const timer = setInterval(() => {
            if (i >= TOTAL || ws.readyState !== ws.OPEN) return clearInterval(timer);
            ws.send(
              JSON.stringify({
                type: 'message.send',
                id: `burst-${String(i++).padStart(6, '0')}`,
                body: `message ${i}`,
              }),
            );
          }, 30);
        }
        if (frame.type === 'ack' && frame.id) {
          acked.set(frame.id, frame.message!.seq);
          if (acked.size === KILL_AFTER && !killed) {
            killed = true;
            server!.child.kill('SIGKILL');
          }
        }
      });
    });
    await server.stop('SIGKILL');
    expect(killed).toBe(true);
    // The process that served is really gone (not a wrapper killed in its place): nothing answers on its port.
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // The database file after a crash: sound, and holding every acked message.
    const db = new Database(path.join(dataDir, 'livechat.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map(
      (
        db.prepare("SELECT client_id, seq FROM messages WHERE author_kind = 'visitor'").all() as {
          client_id: string;
          seq: number;
        }[]
      ).map((r) => [r.client_id, r.seq]),
    );
    db.close();
    for (const [id, seq] of acked) expect(stored.get(id)).toBe(seq);

    // And the restarted server serves them.
    server = await startServer({ dataDir, demoPort, port });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.ok).toBe(true);
  });
});
