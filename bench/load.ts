// The load clients, in a worker thread of their own so they do not share the server's event loop (as real,
// remote clients would not). Measures latency one message at a time, then throughput with all senders at once.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import type { LoadSpec } from './targets.js';
import { percentile } from './stats.js';

export interface LoadOptions {
  senders: number;
  latencySamples: number;
  throughputMs: number;
  /** Messages in flight per sender during the throughput phase. */
  window: number;
}

export interface LoadResult {
  p50: number;
  p99: number;
  perSecond: number;
}

function connect({ url, headers }: LoadSpec['sender'], hello: object | null): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('error', reject);
    ws.once('open', () => {
      if (!hello) return resolve(ws);
      ws.send(JSON.stringify(hello));
      ws.once('message', () => resolve(ws)); // the welcome
    });
  });
}

async function run(spec: LoadSpec, opts: LoadOptions): Promise<LoadResult> {
  const receiver = await connect(spec.receiver, spec.hello);
  const senders = await Promise.all(
    Array.from({ length: opts.senders }, () => connect(spec.sender, spec.hello)),
  );
  let n = 0;
  const frame = () =>
    JSON.stringify({ type: 'message.send', id: `bench-${process.pid}-${n}`, body: `hello ${n++}` });
  const isDelivery = (data: WebSocket.RawData) => data.toString().startsWith(spec.deliveryPrefix);

  // Latency: one message at a time, rotating senders; the first 100 warm up.
  const samples: number[] = [];
  for (let i = 0; i < opts.latencySamples + 100; i++) {
    const delivered = new Promise<void>((resolve) => {
      const on = (data: WebSocket.RawData) => {
        if (!isDelivery(data)) return;
        receiver.off('message', on);
        resolve();
      };
      receiver.on('message', on);
    });
    const start = process.hrtime.bigint();
    senders[i % senders.length]!.send(frame());
    await delivered;
    if (i >= 100) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);

  // Throughput: every sender keeps `window` messages in flight, refilled as deliveries arrive.
  let deliveredCount = 0;
  let running = true;
  const senderOrder: number[] = [];
  const sendFrom = (i: number) => {
    senderOrder.push(i);
    senders[i]!.send(frame());
  };
  receiver.on('message', (data) => {
    if (!isDelivery(data)) return;
    deliveredCount++;
    const i = senderOrder.shift()!;
    if (running) sendFrom(i);
  });
  const started = Date.now();
  senders.forEach((_s, i) => {
    for (let k = 0; k < opts.window; k++) sendFrom(i);
  });
  await new Promise((r) => setTimeout(r, opts.throughputMs));
  running = false;
  const perSecond = deliveredCount / ((Date.now() - started) / 1000);
  [receiver, ...senders].forEach((s) => s.terminate());
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), perSecond };
}

if (parentPort) {
  const { spec, opts } = workerData as { spec: LoadSpec; opts: LoadOptions };
  run(spec, opts).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => {
      throw err;
    },
  );
}
