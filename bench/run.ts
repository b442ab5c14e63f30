// Benchmarks: our relay (store, then deliver, visitor -> agent) against a bare `ws` relay measured in the same run,
// and the widget's gzip sizes against their budgets. Run with `npm run bench`. Figures are medians of the rounds.
// The servers run in this thread; the load clients run in a worker thread, so they do not compete for its loop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { WIDGET_BUDGET } from '../widget/budget.js';
import type { LoadOptions, LoadResult } from './load.js';
import { startBareTarget, startOurTarget, type Target } from './targets.js';
import { fmt, median } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5); // fewer while iterating; quote 5 rounds
const LOAD: LoadOptions = { senders: 200, latencySamples: 1000, throughputMs: 3000, window: 4 };

// The worker loads TypeScript through tsx's loader, registered inside the worker before the import.
const WORKER_BOOT = `
import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.resolve('./load.ts'))}); });
`;

function runLoad(target: Target): Promise<LoadResult> {
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { spec: target.spec, opts: LOAD } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function widgetSizes() {
  const dir = path.resolve(import.meta.dirname, '../widget/dist');
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  const loader = gz('widget.js');
  return { loader, total: loader + gz('widget-chat.js') };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-bench-'));
  console.log(
    `Bench on ${os.cpus().length} cores, Node ${process.version}: ${LOAD.senders} senders, ${ROUNDS} rounds, medians.\n`,
  );
  const results = { bare: [] as LoadResult[], acked: [] as LoadResult[], ours: [] as LoadResult[] };
  const start = {
    bare: () => startBareTarget(false),
    acked: () => startBareTarget(true),
    ours: () => startOurTarget(dataDir),
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ['bare', 'acked', 'ours'] as const) {
      const target = await start[kind]();
      results[kind].push(await runLoad(target));
      await target.close();
    }
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }
  const rows: [string, keyof LoadResult, number][] = [
    ['delivery latency p50 (ms)', 'p50', 3],
    ['delivery latency p99 (ms)', 'p99', 3],
    ['messages per second', 'perSecond', 0],
  ];
  console.log(
    '\n| measure | bare ws relay | bare relay + ack | ours (validated, stored, then delivered) | ours/bare | ours/(bare + ack) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, key, digits] of rows) {
    const [bare, acked, ours] = (['bare', 'acked', 'ours'] as const).map((k) =>
      median(results[k].map((r) => r[key])),
    );
    console.log(
      `| ${name} | ${fmt(bare!, digits)} | ${fmt(acked!, digits)} | ${fmt(ours!, digits)} | ${fmt(ours! / bare!, 2)} | ${fmt(ours! / acked!, 2)} |`,
    );
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
