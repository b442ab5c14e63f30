// The processes under test, each started the way it runs for real: our server as `node server/dist/main.js`
// configured by its environment (SQLite by default; PostgreSQL + Redis with DATABASE_URL and REDIS_URL), and the
// bare relay as `node bench/bare-relay.mjs`. Both get `--expose-gc --import bench/settle.mjs`, so the bench can
// settle their heaps before it reads their memory; the server can also be started with `--cpu-prof`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import type { Site } from '@livechat/shared/model';
import type { LoadSpec } from './load.js';
import { freePort } from '../scripts/free-port.js';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_MAIN = path.join(root, 'server/dist/main.js');
const BARE_RELAY = path.join(root, 'bench/bare-relay.mjs');
const STORING_RELAY = path.join(root, 'bench/storing-relay.mjs');
const SETTLE = pathToFileURL(path.join(root, 'bench/settle.mjs')).href;

const ADMIN = { email: 'admin@example.com', password: 'bench-admin-password' };
/** The demo site's allowed origin (DEMO_PORT's default), as the widget on the demo page sends it. */
const VISITOR_ORIGIN = 'http://localhost:8080';

export interface Engine {
  name: 'sqlite' | 'postgres';
  label: string;
}

/** A process under test. */
export interface Target {
  spec: LoadSpec;
  pid: number;
  /** Resident memory now (VmRSS), bytes. */
  rss: () => number;
  /** Runs a full GC in the process and resolves once it is done, with the JS heap it then uses (bytes). */
  settle: () => Promise<number>;
  /** Stops it (SIGTERM: our server shuts down gracefully, writing its CPU profile when it was asked for one). */
  close: () => Promise<void>;
}

/** Where PostgreSQL and Redis are: the bench creates (and drops) a database of its own there. */
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

// pg and ioredis are the server's dependencies, not the workspace root's: loaded from there.
const serverRequire = createRequire(path.join(root, 'server/package.json'));
interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}
interface RedisClient {
  ping(): Promise<string>;
  keys(pattern: string): Promise<string[]>;
  del(...keys: string[]): Promise<number>;
  disconnect(): void;
  on(event: 'error', listener: () => void): void;
}
const pg = serverRequire('pg') as { Client: new (options: { connectionString: string }) => PgClient };
const { Redis } = serverRequire('ioredis') as {
  Redis: new (url: string, options: object) => RedisClient;
};

async function postgresAdmin<T>(fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function redisAdmin<T>(fn: (client: RedisClient) => Promise<T>): Promise<T> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    return await fn(client);
  } finally {
    client.disconnect();
  }
}

/** Null when PostgreSQL and Redis both answer, else why not. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await postgresAdmin((c) => c.query('SELECT 1'));
  } catch (err) {
    return `PostgreSQL at ${POSTGRES_URL}: ${(err as Error).message}`;
  }
  try {
    await redisAdmin((c) => c.ping());
  } catch (err) {
    return `Redis at ${REDIS_URL}: ${(err as Error).message}`;
  }
  return null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Variables the server reads (config.ts), and NODE_OPTIONS: none leak in from the bench's own environment. */
const SERVER_VARIABLES = [
  'PORT',
  'HOST',
  'DEMO_PORT',
  'DATA_DIR',
  'PUBLIC_URL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'TRUST_PROXY',
  'WEBHOOKS_ALLOW_PRIVATE_NETWORKS',
  'DATABASE_URL',
  'REDIS_URL',
  'LOG_LEVEL',
  'NODE_OPTIONS',
];

interface Measured {
  child: ChildProcess;
  /** The process's last lines of output (errors and warnings), for a failure's message. */
  output: string[];
  settle: () => Promise<number>;
  rss: () => number;
  stop: () => Promise<void>;
}

/** Starts `node --expose-gc --import settle.mjs [nodeFlags] script` with `env` added to a clean environment. */
function startMeasured(script: string, nodeFlags: string[], env: Record<string, string>): Measured {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARIABLES) delete clean[name];
  const child = spawn(process.execPath, ['--expose-gc', '--import', SETTLE, ...nodeFlags, script], {
    cwd: root,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let settled: ((heapUsed: number) => void) | null = null;
  const onLine = (line: string) => {
    if (line.startsWith('bench:settled '))
      return settled?.((JSON.parse(line.slice(14)) as NodeJS.MemoryUsage).heapUsed);
    output.push(line);
    if (output.length > 40) output.shift();
  };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      lines.forEach(onLine);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output,
    settle: async () => {
      const heapUsed = await new Promise<number>((resolve) => {
        settled = (used) => {
          settled = null;
          resolve(used);
        };
        child.kill('SIGUSR2');
      });
      await sleep(200);
      return heapUsed;
    },
    rss: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Waits until `ready` resolves true, failing with the process's output when it exits or takes too long. */
async function waitUntil(process: Measured, what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null)
      throw new Error(`${what} exited (${process.child.exitCode}):\n${process.output.join('\n')}`);
    if (await ready().catch(() => false)) return;
    await sleep(50);
  }
  await process.stop();
  throw new Error(`${what} did not start within 30 s:\n${process.output.join('\n')}`);
}

/** The bare relay, or with `stores` the floor: the bare relay storing each message in SQLite before it relays it. */
export async function startBareRelay({ stores = false } = {}): Promise<Target> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-bench-relay-'));
  const relay = startMeasured(stores ? STORING_RELAY : BARE_RELAY, [], {
    PORT: String(port),
    DATA_DIR: dataDir,
  });
  const close = async () => {
    await relay.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  await waitUntil(relay, 'the relay', () =>
    Promise.resolve(relay.output.includes(`listening ${port}`)),
  ).catch(async (err: unknown) => {
    await close();
    throw err;
  });
  const url = `ws://127.0.0.1:${port}`;
  return {
    spec: {
      receiver: { url: `${url}/receiver`, headers: {}, hello: null },
      visitor: { url: `${url}/visitor`, headers: { origin: VISITOR_ORIGIN }, hello: null },
      // The receiver only ever gets forwarded messages.
      deliveryPrefix: '',
    },
    pid: relay.child.pid!,
    rss: relay.rss,
    settle: relay.settle,
    close,
  };
}

let databases = 0;

export interface ServerOptions {
  /** Write CPU profiles (.cpuprofile, one per thread: see mainThreadProfile) into this folder when it stops. */
  cpuProfileDir?: string;
  /** More flags for node (investigations: --heapsnapshot-signal=SIGUSR1, --max-semi-space-size=…). */
  nodeFlags?: string[];
  /** Another build of the server to run instead of server/dist/main.js (comparing two versions). */
  entry?: string;
}

/**
 * Starts our server on a fresh, empty store (a new SQLite folder, or a new PostgreSQL database dropped afterwards),
 * signs the admin in and clears the demo site's playbook: the relay is measured, not the bot, so every visitor
 * message goes straight to the inbox. Behind a proxy (TRUST_PROXY): each load client has its own address.
 */
export async function startServer(engine: Engine, options: ServerOptions = {}): Promise<Target> {
  const entry = options.entry ?? SERVER_MAIN;
  if (!fs.existsSync(entry)) {
    throw new Error(
      `${path.relative(root, entry)} is missing: build the server first ` +
        '(npx -y pnpm@10.34.9 --filter ./server run build; npm run bench builds it).',
    );
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-bench-'));
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
  };
  const database = engine.name === 'postgres' ? `livechat_bench_${process.pid}_${++databases}` : null;
  if (database) {
    await postgresAdmin((c) => c.query(`CREATE DATABASE ${database}`));
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.href;
    env.REDIS_URL = REDIS_URL;
  }
  const flags = [
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    ...(options.nodeFlags ?? []),
  ];
  const server = startMeasured(entry, flags, env);
  const base = `http://127.0.0.1:${port}`;
  const cleanUp = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!database) return;
    await postgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    // The server's keys in Redis are namespaced by its database's name.
    await redisAdmin(async (c) => {
      const keys = await c.keys(`livechat:${database}:*`);
      if (keys.length > 0) await c.del(...keys);
    });
  };
  try {
    await waitUntil(server, 'the server', async () => (await fetch(`${base}/api/health`)).ok);
    const spec = await prepare(base, port);
    return {
      spec,
      pid: server.child.pid!,
      rss: server.rss,
      settle: server.settle,
      close: cleanUp,
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

async function prepare(base: string, port: number): Promise<LoadSpec> {
  const call = async <T = unknown>(method: string, url: string, cookie: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return { response, json: (await response.json()) as T };
  };
  const login = await call('POST', '/api/auth/login', '', ADMIN);
  const cookie = login.response.headers.getSetCookie()[0]!.split(';')[0]!;
  const { sites } = (await call<{ sites: Site[] }>('GET', '/api/sites', cookie)).json;
  const site = sites[0]!;
  const { playbook } = (await call<{ playbook: object }>('GET', `/api/sites/${site.id}/playbook`, cookie))
    .json;
  await call('PUT', `/api/sites/${site.id}/playbook`, cookie, { ...playbook, steps: [] });
  const url = `ws://127.0.0.1:${port}`;
  const hello = { type: 'hello', v: PROTOCOL_VERSION };
  return {
    // The admin's dashboard sees every conversation.
    receiver: { url: `${url}/ws/agent`, headers: { cookie, origin: `http://localhost:${port}` }, hello },
    visitor: {
      url: `${url}/ws/visitor?siteKey=${encodeURIComponent(site.key)}`,
      headers: { origin: VISITOR_ORIGIN },
      hello,
    },
    deliveryPrefix: '{"type":"message.created"',
  };
}
