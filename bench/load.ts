// The load clients, in a process of their own (forked by run.ts), so they share neither the event loop nor the
// heap of the process under test. One job per process, sent over IPC:
// - traffic: N visitors each with their own conversation write to one receiver (the agent); measures delivery
//   latency one message at a time, then throughput with every visitor keeping a window of messages in flight.
// - idle: connects `count` visitor sockets (after `hello`), reports, and holds them until told to close.
import WebSocket from 'ws';
import { percentile } from './stats.js';

export interface Endpoint {
  url: string;
  headers: Record<string, string>;
  /** Sent first, answered by a `welcome`; null for the bare relay (the socket is ready once open). */
  hello: object | null;
}

/** How load clients reach a target: plain data, so it can cross into the load process. */
export interface LoadSpec {
  receiver: Endpoint;
  visitor: Endpoint;
  /** A frame at the receiver counts as a delivered message when it starts with this. */
  deliveryPrefix: string;
}

export interface TrafficOptions {
  visitors: number;
  /** Messages timed one at a time (after a warm-up of 100), each from the next visitor in turn. */
  latencySamples: number;
  /** The throughput phase counts deliveries for at least this long (and at least 5,000 of them). */
  throughputMs: number;
  /** Messages in flight per visitor during the throughput phase. */
  window: number;
}

export interface TrafficResult {
  /** Delivery latency (send to receiver), one message at a time, ms. */
  p50: number;
  p99: number;
  /** Messages delivered to the receiver per second with every visitor sending. */
  perSecond: number;
  /** Delivery latency of the messages delivered during the throughput phase (queueing included), ms. */
  loadedP50: number;
  loadedP99: number;
  /** Error frames the visitors received (refused messages), and the first one. */
  errors: number;
  firstError: string | null;
}

export type LoadJob =
  | { kind: 'traffic'; spec: LoadSpec; opts: TrafficOptions }
  | { kind: 'idle'; spec: LoadSpec; count: number; firstIndex: number };

export type LoadReply =
  | { kind: 'traffic'; result: TrafficResult }
  | { kind: 'connected'; count: number }
  | { kind: 'failed'; message: string };

/** The marker of a bench message id (`benchmark_<n>`), found in the frame the receiver gets. */
const MARK = Buffer.from('"benchmark_');
const WARM_UP = 100;
const PRIMING_MESSAGES = 2;
/** Throughput is counted after this much of the phase, once the windows are full and the pace steady. */
const THROUGHPUT_WARM_MS = 500;
const THROUGHPUT_MIN_MESSAGES = 5000;
const THROUGHPUT_MAX_MS = 30_000;

/** Each visitor comes from its own address (X-Forwarded-For, read by a server behind a proxy), as in real life. */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function connect(endpoint: Endpoint, extraHeaders: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(endpoint.url, {
      headers: { ...endpoint.headers, ...extraHeaders },
      perMessageDeflate: false,
    });
    ws.once('error', reject);
    ws.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    ws.once('open', () => {
      if (!endpoint.hello) return resolve(ws);
      ws.send(JSON.stringify(endpoint.hello));
      ws.once('message', (data) => {
        const text = data.toString();
        if (text.startsWith('{"type":"welcome"')) resolve(ws);
        else reject(new Error(`no welcome: ${text.slice(0, 300)}`));
      });
    });
  });
}

/** Opens `count` sockets, at most `parallel` handshakes at a time (a burst would overflow the listen backlog). */
async function connectMany(
  count: number,
  open: (i: number) => Promise<WebSocket>,
  parallel = 100,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = new Array<WebSocket>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        sockets[i] = await open(i);
      }
    }),
  );
  return sockets;
}

const visitorOf = (spec: LoadSpec, i: number) => connect(spec.visitor, { 'x-forwarded-for': addressOf(i) });

async function traffic(spec: LoadSpec, opts: TrafficOptions): Promise<TrafficResult> {
  const receiver = await connect(spec.receiver);
  const visitors = await connectMany(opts.visitors, (i) => visitorOf(spec, i));
  let errors = 0;
  let firstError: string | null = null;
  for (const ws of visitors) {
    ws.removeAllListeners('close');
    ws.on('message', (data: Buffer) => {
      if (data.indexOf('{"type":"error"') !== 0) return;
      errors++;
      firstError ??= data.toString();
    });
  }

  // Message n: when it was sent, and by which visitor.
  const sentAt: number[] = [];
  const senderOf: number[] = [];
  let n = 0;
  const send = (i: number) => {
    sentAt.push(performance.now());
    senderOf.push(i);
    visitors[i]!.send(`{"type":"message.send","id":"benchmark_${n}","body":"hello ${n}"}`);
    return n++;
  };
  const prefix = Buffer.from(spec.deliveryPrefix);
  let onDelivered: (n: number, at: number) => void = () => {};
  receiver.on('message', (data: Buffer) => {
    const at = performance.now();
    if (prefix.length > 0 && data.indexOf(prefix) !== 0) return;
    const k = data.indexOf(MARK);
    if (k < 0) return;
    onDelivered(parseInt(data.toString('latin1', k + MARK.length, k + MARK.length + 12), 10), at);
  });
  /** Sends from visitor i; resolves with the delivery latency (ms) when the receiver has it, or rejects in time. */
  const pending = new Map<number, (at: number) => void>();
  const deliver = (i: number, timeoutMs = 30_000) =>
    new Promise<number>((resolve, reject) => {
      const m = send(i);
      const timer = setTimeout(() => {
        pending.delete(m);
        reject(
          new Error(`message ${m} not delivered within ${timeoutMs} ms (${firstError ?? 'no error frame'})`),
        );
      }, timeoutMs);
      pending.set(m, (at) => {
        clearTimeout(timer);
        pending.delete(m);
        resolve(at - sentAt[m]!);
      });
    });
  onDelivered = (m, at) => pending.get(m)?.(at);

  // The receiver takes live events once its own replay is done: wait until it hears.
  for (let attempt = 0; ; attempt++) {
    try {
      await deliver(0, 500);
      break;
    } catch (err) {
      if (attempt === 20) throw err;
    }
  }
  // Every visitor opens its conversation with a first message and sends a second one, which settles its playbook
  // (not timed): what follows is the steady state of a chat.
  let nextVisitor = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (nextVisitor < visitors.length) {
        const i = nextVisitor++;
        for (let k = 0; k < PRIMING_MESSAGES; k++) await deliver(i);
      }
    }),
  );

  // Latency: one message at a time, each from the next visitor in turn.
  const samples: number[] = [];
  for (let k = 0; k < opts.latencySamples + WARM_UP; k++) {
    const latency = await deliver(k % visitors.length);
    if (k >= WARM_UP) samples.push(latency);
  }

  // Throughput: every visitor keeps `window` messages in flight, refilled as each of its messages is delivered.
  // Counted for at least `throughputMs` and THROUGHPUT_MIN_MESSAGES deliveries: a slow server acks its group
  // commits in bursts of hundreds, which a short count would catch whole or miss.
  let counting = false;
  let running = true;
  let delivered = 0;
  let started = 0;
  let ended = 0;
  const loaded: number[] = [];
  let done = () => {};
  const enough = new Promise<void>((resolve) => (done = resolve));
  onDelivered = (m, at) => {
    if (counting) {
      delivered++;
      loaded.push(at - sentAt[m]!);
      if (delivered >= THROUGHPUT_MIN_MESSAGES && at - started >= opts.throughputMs) {
        counting = false;
        ended = at;
        done();
      }
    }
    if (running) send(senderOf[m]!);
  };
  visitors.forEach((_ws, i) => {
    for (let w = 0; w < opts.window; w++) send(i);
  });
  await sleep(THROUGHPUT_WARM_MS);
  counting = true;
  started = performance.now();
  const timeout = setTimeout(() => {
    counting = false;
    ended = performance.now();
    done();
  }, THROUGHPUT_MAX_MS);
  await enough;
  clearTimeout(timeout);
  running = false;
  const perSecond = delivered / ((ended - started) / 1000);
  for (const ws of [receiver, ...visitors]) ws.terminate();

  samples.sort((a, b) => a - b);
  loaded.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    perSecond,
    loadedP50: percentile(loaded, 50),
    loadedP99: percentile(loaded, 99),
    errors,
    firstError,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function idle(spec: LoadSpec, count: number, firstIndex: number): Promise<WebSocket[]> {
  const sockets = await connectMany(count, async (i) => {
    const ws = await visitorOf(spec, firstIndex + i);
    // The bare relay has no hello: its sockets send one frame of the same size instead.
    if (!spec.visitor.hello) ws.send(JSON.stringify({ type: 'hello', v: 1 }));
    ws.removeAllListeners('close');
    return ws;
  });
  return sockets;
}

/** Answers the parent, then ends this process (sockets and all) when `last`. */
const reply = (message: LoadReply, last: boolean) =>
  process.send!(message, () => {
    if (last) process.exit(0);
  });

process.once('message', (job: LoadJob) => {
  const fail = (err: unknown) =>
    reply({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }, true);
  if (job.kind === 'traffic') {
    traffic(job.spec, job.opts).then((result) => reply({ kind: 'traffic', result }, true), fail);
    return;
  }
  idle(job.spec, job.count, job.firstIndex).then((sockets) => {
    reply({ kind: 'connected', count: sockets.length }, false);
    // Held until the parent says so (any message), or goes away.
    const close = () => {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    };
    process.once('message', close);
    process.once('disconnect', close);
  }, fail);
});
