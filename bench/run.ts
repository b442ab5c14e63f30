// Benchmarks: our server, running as its own process the way production starts it (node server/dist/main.js), on
// SQLite and on PostgreSQL + Redis, against a bare `ws` relay (its own process too) measured in the same run; and
// the widget's gzip sizes against their budgets. Run with `npm run bench`. Figures are medians of the rounds.
// The load clients run in separate processes (bench/load.ts), never in the measured one.
//
// Environment: BENCH_ROUNDS (default 3), BENCH_ENGINES (default "sqlite,postgres"), BENCH_VISITORS (1000),
// BENCH_IDLE_SOCKETS (10000), BENCH_MEMORY_ROUNDS (rounds that measure idle memory, 1), BENCH_WINDOW (messages
// each visitor has in flight in the throughput phase, 4),
// BENCH_POSTGRES_URL / BENCH_REDIS_URL (where the bench creates, and drops, a database of its own),
// BENCH_PROFILE=1 (then also a CPU profile of the server under the traffic load, per engine, summarised),
// BENCH_STRICT=1 (exit 1 when a budget is missed).
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { LAZY_CHUNKS, WIDGET_BUDGET } from '../widget/budget.js';
import type { LoadJob, LoadReply, LoadSpec, TrafficOptions, TrafficResult } from './load.js';
import {
  postgresUnavailable,
  startBareRelay,
  startServer,
  POSTGRES_URL,
  REDIS_URL,
  type Engine,
  type Target,
} from './targets.js';
import { fmt, median } from './stats.js';
import { mainThreadProfile, printSummary, summarise } from './profile.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Idle memory barely moves between rounds (±2%) and 10,000 hellos take a minute on PostgreSQL: measured this often. */
const MEMORY_ROUNDS = Math.min(ROUNDS, Number(process.env.BENCH_MEMORY_ROUNDS ?? 1));
const VISITORS = Number(process.env.BENCH_VISITORS ?? 1000);
const IDLE_SOCKETS = Number(process.env.BENCH_IDLE_SOCKETS ?? 10_000);
/** Idle sockets come from this many load processes (each holds one file descriptor per socket). */
const IDLE_LOADERS = 2;
const PROFILE = process.env.BENCH_PROFILE === '1';
/** Each visitor has WINDOW messages on their way at a time during the throughput phase. */
const WINDOW = Number(process.env.BENCH_WINDOW ?? 4);
const TRAFFIC: TrafficOptions = {
  visitors: VISITORS,
  latencySamples: 1000,
  throughputMs: 3000,
  window: WINDOW,
};
const BUDGET = { p50: 2, perSecond: 0.5, memory: 1.5 };

const ENGINES: Engine[] = [
  { name: 'sqlite' as const, label: 'SQLite' },
  { name: 'postgres' as const, label: 'PostgreSQL + Redis' },
].filter((e) => (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').includes(e.name));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A load process (bench/load.ts under tsx) running `job`: its first answer, and its exit. */
function startLoad(job: LoadJob) {
  const child = fork(path.join(import.meta.dirname, 'load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const reply = new Promise<LoadReply>((resolve, reject) => {
    child.once('message', (message: LoadReply) =>
      message.kind === 'failed' ? reject(new Error(`load: ${message.message}`)) : resolve(message),
    );
    child.once('exit', (code) => reject(new Error(`load process exited (${code}) before answering`)));
  });
  child.send(job);
  return { child, reply, exited };
}

async function traffic(spec: LoadSpec): Promise<TrafficResult> {
  const load = startLoad({ kind: 'traffic', spec, opts: TRAFFIC });
  const reply = await load.reply;
  await load.exited;
  if (reply.kind !== 'traffic') throw new Error(`unexpected load reply ${reply.kind}`);
  return reply.result;
}

interface Memory {
  /** Resident memory (RSS) gained. */
  rss: number;
  /** JS heap gained (what the sockets' objects retain; RSS also keeps the high-water mark of the connects). */
  heap: number;
}

/** Memory the target gains for IDLE_SOCKETS idle visitor sockets (after hello), both readings after a full GC. */
async function idleMemory(target: Target): Promise<Memory> {
  const heapBefore = await target.settle();
  const before = target.rss();
  const share = Math.ceil(IDLE_SOCKETS / IDLE_LOADERS);
  const loads = Array.from({ length: IDLE_LOADERS }, (_, k) =>
    startLoad({
      kind: 'idle',
      spec: target.spec,
      count: Math.min(share, IDLE_SOCKETS - k * share),
      firstIndex: k * share,
    }),
  );
  try {
    await Promise.all(loads.map((l) => l.reply));
    await sleep(1000);
    const heap = (await target.settle()) - heapBefore;
    return { rss: target.rss() - before, heap };
  } finally {
    for (const load of loads) if (load.child.connected) load.child.send('close');
    await Promise.all(loads.map((l) => l.exited));
  }
}

/** Runs `measure` against a fresh target, closing it afterwards whatever happens. */
async function withTarget<T>(start: () => Promise<Target>, measure: (t: Target) => Promise<T>): Promise<T> {
  const target = await start();
  try {
    return await measure(target);
  } finally {
    await target.close();
  }
}

function widgetSizes() {
  const dir = path.resolve(import.meta.dirname, '../widget/dist');
  if (!fs.existsSync(path.join(dir, 'widget.js'))) return null;
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  const loader = gz('widget.js');
  const lazy = LAZY_CHUNKS.map((name) => ({ name, bytes: gz(`widget-${name}.js`) }));
  return { loader, total: loader + gz('widget-chat.js'), lazy };
}

/** The bare relay, the durable floor (bench/storing-relay.mjs), and our server on each engine. */
type Kind = 'bare' | 'floor' | Engine['name'];
interface Round {
  traffic: TrafficResult;
  /** Measured in the first MEMORY_ROUNDS rounds only. */
  memory: Memory | null;
}
type Results = Map<Kind, Round[]>;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

async function measure(engines: Engine[]): Promise<Results> {
  const kinds: Kind[] = ['bare', 'floor', ...engines.map((e) => e.name)];
  const start = (kind: Kind) => () =>
    kind === 'bare' || kind === 'floor'
      ? startBareRelay({ stores: kind === 'floor' })
      : startServer(engines.find((e) => e.name === kind)!);
  const results: Results = new Map(kinds.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      const began = performance.now();
      const t = await withTarget(start(kind), (target) => traffic(target.spec));
      const trafficTime = seconds(began);
      // The floor's idle sockets are the bare relay's: its memory is not measured.
      const memory =
        round < MEMORY_ROUNDS && kind !== 'floor' ? await withTarget(start(kind), idleMemory) : null;
      results.get(kind)!.push({ traffic: t, memory });
      console.log(
        `round ${round + 1}/${ROUNDS} ${kind}: p50 ${fmt(t.p50)} ms, p99 ${fmt(t.p99)} ms, ` +
          `${fmt(t.perSecond, 0)} msg/s (meanwhile p50 ${fmt(t.loadedP50, 1)} ms, p99 ${fmt(t.loadedP99, 1)} ms), ` +
          (memory
            ? `idle ${fmt(memory.rss / IDLE_SOCKETS / 1024, 2)} KB/socket ` +
              `(JS heap ${fmt(memory.heap / IDLE_SOCKETS / 1024, 2)} KB); `
            : '') +
          `traffic ${trafficTime}, ${seconds(began)} in all` +
          (t.errors > 0 ? `; ${t.errors} error frames, first: ${t.firstError}` : ''),
      );
    }
  }
  return results;
}

interface Row {
  name: string;
  /** The figure of a round; null when the round did not measure it. */
  pick: (r: Round) => number | null;
  digits: number;
  /** The ratio to the bare relay it must keep, and whether higher is better; null: no budget. */
  budget: { ratio: number; higher: boolean } | null;
}

const ROWS: Row[] = [
  {
    name: 'delivery p50 (ms), one message at a time',
    pick: (r) => r.traffic.p50,
    digits: 3,
    budget: { ratio: BUDGET.p50, higher: false },
  },
  { name: 'delivery p99 (ms), one message at a time', pick: (r) => r.traffic.p99, digits: 3, budget: null },
  {
    name: `messages stored and relayed per second, all ${VISITORS} sending`,
    pick: (r) => r.traffic.perSecond,
    digits: 0,
    budget: { ratio: BUDGET.perSecond, higher: true },
  },
  {
    name: 'idle memory (RSS) per socket (KB)',
    pick: (r) => r.memory && r.memory.rss / IDLE_SOCKETS / 1024,
    digits: 2,
    budget: { ratio: BUDGET.memory, higher: false },
  },
  {
    name: `idle memory (RSS), ${IDLE_SOCKETS} sockets (MB)`,
    pick: (r) => r.memory && r.memory.rss / 1024 / 1024,
    digits: 1,
    budget: null,
  },
  {
    name: 'JS heap retained per idle socket (KB)',
    pick: (r) => r.memory && r.memory.heap / IDLE_SOCKETS / 1024,
    digits: 2,
    budget: null,
  },
];

/**
 * Prints the medians side by side: each engine against the bare relay (the budgets) and against the durable floor
 * (what storing alone costs on this machine); returns how many budgets were missed.
 */
function printTable(engines: Engine[], results: Results): number {
  const med = (kind: Kind, pick: Row['pick']) => median(results.get(kind)!.flatMap((r) => pick(r) ?? []));
  let missed = 0;
  const header = [
    'measure',
    'bare ws relay',
    'durable floor',
    'floor / bare',
    ...engines.flatMap((e) => [e.label, `${e.label} / bare`, `${e.label} / floor`, 'budget (/ bare)']),
  ];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---|').join('')}`);
  for (const row of ROWS) {
    const bare = med('bare', row.pick);
    if (Number.isNaN(bare)) continue; // not measured (BENCH_MEMORY_ROUNDS=0)
    const floor = med('floor', row.pick);
    const measured = (n: number, digits: number) => (Number.isNaN(n) ? '' : fmt(n, digits));
    const cells = engines.flatMap((e) => {
      const ours = med(e.name, row.pick);
      const ratio = ours / bare;
      const figures = [fmt(ours, row.digits), fmt(ratio, 2), measured(ours / floor, 2)];
      if (!row.budget) return [...figures, ''];
      const { ratio: limit, higher } = row.budget;
      const ok = higher ? ratio >= limit : ratio <= limit;
      if (!ok) missed++;
      return [...figures, `${higher ? '≥' : '≤'} ${limit} ${ok ? 'PASS' : 'FAIL'}`];
    });
    const floorCells = [measured(floor, row.digits), measured(floor / bare, 2)];
    console.log(`| ${[row.name, fmt(bare, row.digits), ...floorCells, ...cells].join(' | ')} |`);
  }
  return missed;
}

function printWidgetSizes() {
  const size = widgetSizes();
  if (!size) {
    console.log('\nwidget/dist is missing: build the widget for its gzip sizes (npm run bench does).');
    return;
  }
  console.log('\n| widget (gzip) | bytes | budget |');
  console.log('|---|---|---|');
  console.log(
    `| widget.js (before the visitor interacts) | ${size.loader} | ${WIDGET_BUDGET.loaderGzipBytes} |`,
  );
  console.log(`| widget.js + widget-chat.js (chat open) | ${size.total} | ${WIDGET_BUDGET.totalGzipBytes} |`);
  // Each alone; size.test.ts also counts the small chunks they share against the budget.
  for (const { name, bytes } of size.lazy)
    console.log(`| widget-${name}.js (loaded on first use) | ${bytes} | ${WIDGET_BUDGET.lazyGzipBytes} |`);
}

/** One more traffic run per engine, with the server under `--cpu-prof`; prints where its CPU time went. */
async function profile(engines: Engine[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-bench-profile-'));
  for (const engine of engines) {
    const folder = path.join(dir, engine.name);
    await withTarget(
      () => startServer(engine, { cpuProfileDir: folder }),
      (target) => traffic(target.spec),
    );
    const file = mainThreadProfile(folder);
    printSummary(
      `CPU profile of the server on ${engine.label} under the traffic load (${file})`,
      summarise(file),
    );
  }
}

async function main() {
  const engines: Engine[] = [];
  for (const engine of ENGINES) {
    const why = engine.name === 'postgres' ? await postgresUnavailable() : null;
    if (why) console.log(`Skipping ${engine.label}: ${why}`);
    else engines.push(engine);
  }
  console.log(
    `Bench on ${os.cpus().length} cores, Node ${process.version}: ${VISITORS} visitors -> 1 agent, ` +
      `${IDLE_SOCKETS} idle sockets; medians of ${ROUNDS} rounds (idle memory: ${MEMORY_ROUNDS}).` +
      (engines.some((e) => e.name === 'postgres') ? ` PostgreSQL ${POSTGRES_URL}, Redis ${REDIS_URL}.` : ''),
  );
  let missed = 0;
  if (ROUNDS > 0) missed = printTable(engines, await measure(engines));
  printWidgetSizes();
  if (PROFILE) await profile(engines);
  if (missed > 0 && process.env.BENCH_STRICT === '1') process.exitCode = 1;
}

await main();
