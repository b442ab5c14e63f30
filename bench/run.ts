// Benchmarks: our relay (store then deliver, visitor -> agent) against a bare `ws` relay measured in the same run,
// and the widget's gzip sizes against their budgets. Run with `npm run bench`. Figures are medians of several rounds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/config.js';
import { WIDGET_BUDGET } from '../widget/budget.js';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { startBareRelay } from './bare-relay.js';
import { nextFrame, open } from './clients.js';
import { fmt, median, percentile } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5); // fewer while iterating; quote 5 rounds
const LATENCY_SAMPLES = 1000;
const SENDERS = 200;
const THROUGHPUT_MS = 3000;
const WINDOW = 4; // messages in flight per sender

interface Target {
  senders: WebSocket[];
  receiver: WebSocket;
  /** Builds the frame a sender sends; `n` is unique. */
  frame: (n: number) => string;
  /** Is this received frame a delivered message? */
  isDelivery: (raw: string) => boolean;
  close: () => Promise<void>;
}

async function bareTarget(): Promise<Target> {
  const relay = await startBareRelay();
  const receiver = await open(`${relay.url}/receiver`);
  const senders = await Promise.all(Array.from({ length: SENDERS }, () => open(`${relay.url}/sender`)));
  return {
    senders,
    receiver,
    frame: (n) => JSON.stringify({ type: 'message.send', id: `bench-${n}`, body: `hello ${n}` }),
    isDelivery: () => true,
    close: async () => {
      [receiver, ...senders].forEach((s) => s.terminate());
      await relay.close();
    },
  };
}

async function ourTarget(dataDir: string): Promise<Target> {
  const config = testConfig({
    databasePath: path.join(dataDir, `bench-${Date.now()}.sqlite`),
    // Measure capacity, not the per-socket abuse limit.
    frameRate: { perSecond: 1e9, burst: 1e9 },
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const base = `ws://127.0.0.1:${port}`;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: config.admin.email, password: config.admin.password },
  });
  const cookie = login.headers['set-cookie'] as string;
  const receiver = await open(`${base}/ws/agent`);
  receiver.close();
  const agent = await new Promise<WebSocket>((resolve, reject) => {
    import('ws').then(({ default: WS }) => {
      const ws = new WS(`${base}/ws/agent`, {
        headers: { cookie: cookie.split(';')[0]!, origin: config.publicUrl },
      });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    }, reject);
  });
  agent.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION }));
  await nextFrame(agent, (f) => f.type === 'welcome');
  const senders = await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      const ws = await open(`${base}/ws/visitor?siteKey=demo-site-key`, config.demoOrigins[0]);
      ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION }));
      await nextFrame(ws, (f) => f.type === 'welcome');
      return ws;
    }),
  );
  return {
    senders,
    receiver: agent,
    frame: (n) =>
      JSON.stringify({ type: 'message.send', id: `bench-${n}-${Date.now()}`, body: `hello ${n}` }),
    isDelivery: (raw) => raw.startsWith('{"type":"message.created"'),
    close: async () => {
      [agent, ...senders].forEach((s) => s.terminate());
      await app.close();
    },
  };
}

/** One message at a time: time from a sender's send to the receiver getting it. Returns sorted ms. */
async function latency(t: Target): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + 100; i++) {
    const sender = t.senders[i % t.senders.length]!;
    const got = new Promise<void>((resolve) => {
      const on = (data: WebSocket.RawData) => {
        if (t.isDelivery(String(data))) {
          t.receiver.off('message', on);
          resolve();
        }
      };
      t.receiver.on('message', on);
    });
    const start = process.hrtime.bigint();
    sender.send(t.frame(i));
    await got;
    if (i >= 100) samples.push(Number(process.hrtime.bigint() - start) / 1e6); // first 100 are warm-up
  }
  return samples.sort((a, b) => a - b);
}

/** All senders at once, WINDOW in flight each (refilled on delivery): delivered messages per second. */
async function throughput(t: Target): Promise<number> {
  let delivered = 0;
  let n = 0;
  let running = true;
  const inFlight = new Map<number, number>(); // sender index -> outstanding
  const order: number[] = [];
  const sendFrom = (i: number) => {
    order.push(i);
    inFlight.set(i, (inFlight.get(i) ?? 0) + 1);
    t.senders[i]!.send(t.frame(n++));
  };
  const onMessage = (data: WebSocket.RawData) => {
    if (!t.isDelivery(String(data))) return;
    delivered++;
    const i = order.shift()!;
    inFlight.set(i, inFlight.get(i)! - 1);
    if (running) sendFrom(i);
  };
  t.receiver.on('message', onMessage);
  const start = Date.now();
  t.senders.forEach((_s, i) => {
    for (let k = 0; k < WINDOW; k++) sendFrom(i);
  });
  await new Promise((r) => setTimeout(r, THROUGHPUT_MS));
  running = false;
  const elapsed = (Date.now() - start) / 1000;
  const rate = delivered / elapsed;
  await new Promise((r) => setTimeout(r, 300));
  t.receiver.off('message', onMessage);
  return rate;
}

function widgetSizes() {
  const dir = path.resolve(import.meta.dirname, '../widget/dist');
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  const loader = gz('widget.js');
  const chat = gz('widget-chat.js');
  return { loader, chat, total: loader + chat };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-bench-'));
  console.log(
    `Bench on ${os.cpus().length} cores, Node ${process.version}; ${SENDERS} senders, ${ROUNDS} rounds, medians.\n`,
  );
  const rows: Record<string, { bare: number[]; ours: number[] }> = {
    'latency p50 (ms)': { bare: [], ours: [] },
    'latency p99 (ms)': { bare: [], ours: [] },
    'throughput (msg/s)': { bare: [], ours: [] },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ['bare', 'ours'] as const) {
      const t = kind === 'bare' ? await bareTarget() : await ourTarget(dataDir);
      const lat = await latency(t);
      rows['latency p50 (ms)']![kind].push(percentile(lat, 50));
      rows['latency p99 (ms)']![kind].push(percentile(lat, 99));
      rows['throughput (msg/s)']![kind].push(await throughput(t));
      await t.close();
    }
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  console.log('\n| measure | bare ws relay | ours (stored, then delivered) | ratio ours/bare |');
  console.log('|---|---|---|---|');
  for (const [name, { bare, ours }] of Object.entries(rows)) {
    const b = median(bare);
    const o = median(ours);
    const digits = name.startsWith('throughput') ? 0 : 3;
    console.log(`| ${name} | ${fmt(b, digits)} | ${fmt(o, digits)} | ${fmt(o / b, 2)} |`);
  }
  const size = widgetSizes();
  console.log('\n| widget (gzip) | bytes | budget |');
  console.log('|---|---|---|');
  console.log(
    `| widget.js (before the visitor interacts) | ${size.loader} | ${WIDGET_BUDGET.loaderGzipBytes} |`,
  );
  console.log(`| widget.js + widget-chat.js (chat open) | ${size.total} | ${WIDGET_BUDGET.totalGzipBytes} |`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
