// Several real server processes on one PostgreSQL database and one Redis, the way production runs them
// (`node server/dist/main.js`), with HTTP and WebSocket clients that talk to a chosen node. Each cluster gets a fresh
// database (dropped when it stops), so Redis keys (namespaced by database) are fresh too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import type { z } from 'zod';
import type { Message, Playbook } from '@livechat/shared/model';
import { AgentServerFrameSchema, VisitorServerFrameSchema } from '@livechat/shared/protocol';
import {
  AGENT_SOCKET_PATH,
  PROTOCOL_VERSION,
  VISITOR_SOCKET_PATH,
} from '@livechat/shared/protocol/constants';
import { freePort } from '../../../scripts/free-port.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = path.join(root, 'server/dist/main.js');

export const ADMIN = { email: 'admin@example.com', password: 'nodes-admin-password' };
/** The demo site (seeded on first start) and an origin it allows (DEMO_PORT=8080). */
export const SITE_KEY = 'demo-site-key';
export const SITE_ORIGIN = 'http://localhost:8080';
/** No bot: a visitor's first message goes straight to the inbox. */
export const NO_STEPS: Playbook = { botName: 'Ava', botAvatarUrl: null, locale: 'en', steps: [] };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let counter = 0;
/** A client command id (8 to 64 of [A-Za-z0-9_-]). */
export const cid = (label = 'cmd') =>
  `${label}-${randomBytes(4).toString('hex')}-${(counter++).toString(36)}`;

/** Polls `probe` until it returns something other than undefined; fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 10_000, intervalMs = 200, what = 'a condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// --- The production build -------------------------------------------------------------------------------------

/** Newest modification time of what the build reads (server and shared sources, migrations, build config). */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(root, 'server/src'));
  walk(path.join(root, 'shared/src'));
  for (const file of ['server/vite.config.ts', 'server/package.json'])
    newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
  return newest;
}

const isBuilt = () => fs.existsSync(MAIN) && fs.statSync(MAIN).mtimeMs >= newestSource();

/**
 * Builds server/dist/main.js (what `pnpm --filter ./server run build` runs) when it is missing or older than the
 * sources, so the processes run the code under test. Test files running side by side build once: the first takes
 * a lock directory, the others wait for it.
 */
export async function ensureServerBuilt(): Promise<void> {
  if (isBuilt()) return;
  const lock = path.join(
    os.tmpdir(),
    `livechat-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}`,
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another file is building (or a crashed run left the lock: taken over after a minute).
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for the server build (lock ${lock})`);
      await sleep(200);
    }
  }
  try {
    if (isBuilt()) return;
    const result = spawnSync(
      path.join(root, 'node_modules/.bin/vite'),
      ['build', '-c', 'vite.config.ts', '--logLevel', 'warn'],
      { cwd: path.join(root, 'server'), encoding: 'utf8' },
    );
    if (result.status !== 0)
      throw new Error(`building the server failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// --- Databases ------------------------------------------------------------------------------------------------

/** The PostgreSQL server: DATABASE_URL's (host, credentials) when set, else the local one. */
function maintenanceUrl(): URL {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url;
}

async function onMaintenance<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl().toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database; its URL. */
async function createDatabase(): Promise<{ name: string; url: string }> {
  const name = `lt_nodes_${randomBytes(6).toString('hex')}`;
  await onMaintenance((c) => c.query(`CREATE DATABASE ${name}`));
  const url = maintenanceUrl();
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

const dropDatabase = (name: string) =>
  onMaintenance((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

// --- Server processes -----------------------------------------------------------------------------------------

/** Every child started by this test process: none may outlive it. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface ServerNode {
  readonly name: string;
  readonly port: number;
  /** Where the tests connect: http://127.0.0.1:<port>. */
  readonly url: string;
  /** Its PUBLIC_URL's origin: the dashboard origin this node accepts (and its loopback twins). */
  readonly origin: string;
  readonly running: boolean;
  /** What the process printed (LOG_LEVEL=warn: warnings and errors). */
  output(): string;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Sends a signal that need not end the process (SIGSTOP freezes it, SIGCONT thaws it). */
  signal(signal: NodeJS.Signals): void;
}

const defaultRedisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface NodeOptions {
  /** PostgreSQL; null: the SQLite file in dataDir (one node alone). */
  databaseUrl: string | null;
  dataDir: string;
  /** null: no Redis (one node alone). */
  redisUrl: string | null;
  demoPort?: number;
  /** More environment (TWILIO_*, say). */
  env?: Record<string, string>;
  /** Default: a free one. A restarted node keeps its port (and PUBLIC_URL). */
  port?: number;
}

/** One server process, ready when it returns. */
export async function startNode(
  name: string,
  { databaseUrl, dataDir, redisUrl, demoPort = 8080, env = {}, port: fixedPort }: NodeOptions,
): Promise<ServerNode> {
  const port = fixedPort ?? (await freePort());
  const origin = `http://localhost:${port}`;
  let log = '';
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: origin,
    DEMO_PORT: String(demoPort),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...env,
  };
  // Unset, not empty: a node alone keeps its store in DATA_DIR's SQLite file and its events in memory.
  if (databaseUrl) childEnv.DATABASE_URL = databaseUrl;
  else delete childEnv.DATABASE_URL;
  if (redisUrl) childEnv.REDIS_URL = redisUrl;
  else delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const node: ServerNode = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    origin,
    get running() {
      return isRunning();
    },
    output: () => log,
    async kill(signal = 'SIGTERM') {
      if (isRunning()) child.kill(signal);
      await exited;
    },
    signal(signal) {
      if (isRunning()) child.kill(signal);
    },
  };
  // Ready: the database and Redis answer.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!isRunning()) throw new Error(`node ${name} exited while starting:\n${log}`);
    try {
      if ((await request(node, 'GET', '/api/ready')).status === 200) return node;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await node.kill('SIGKILL');
      throw new Error(`node ${name} was not ready within 30 s:\n${log}`);
    }
    await sleep(100);
  }
}

export interface Cluster {
  readonly nodes: ServerNode[];
  /** The first two nodes. */
  readonly a: ServerNode;
  readonly b: ServerNode;
  readonly databaseUrl: string;
  /** Server-side errors the nodes logged (pino level 50 and up), for diagnosis. */
  errorLogs(): string[];
  /** Stops every node (SIGTERM, SIGKILL after a grace period) and drops the database. */
  stop(): Promise<void>;
}

const clusters = new Set<Cluster>();

export interface ClusterOptions {
  /** The REDIS_URL each node (named A, B, …) is given: a proxy in front of the one Redis, say. Default: REDIS_URL. */
  redisUrl?: (node: string) => string;
  /** The demo site's port, whose origin the seeded demo site allows (default 8080, SITE_ORIGIN). */
  demoPort?: number;
  /** More environment for every node. */
  env?: Record<string, string>;
}

/** Starts `count` nodes at once on a fresh database (they migrate and seed it together) and one Redis. */
export async function startCluster(
  count = 2,
  { redisUrl = defaultRedisUrl, demoPort = 8080, env }: ClusterOptions = {},
): Promise<Cluster> {
  await ensureServerBuilt();
  const database = await createDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-nodes-'));
  const names = 'ABCDEFGH'.slice(0, count).split('');
  const started = await Promise.allSettled(
    names.map((n) =>
      startNode(n, {
        databaseUrl: database.url,
        dataDir,
        redisUrl: redisUrl(n),
        demoPort,
        ...(env && { env }),
      }),
    ),
  );
  const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    clusters.delete(cluster);
    await Promise.all(
      nodes.map(async (node) => {
        const force = setTimeout(() => void node.kill('SIGKILL'), 8000);
        await node.kill('SIGTERM');
        clearTimeout(force);
      }),
    );
    await dropDatabase(database.name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const cluster: Cluster = {
    nodes,
    a: nodes[0]!,
    b: nodes[1 % count]!,
    databaseUrl: database.url,
    errorLogs: () =>
      nodes.flatMap((node) =>
        node
          .output()
          .split('\n')
          .filter((line) => /"level":(5|6)\d/.test(line))
          .map((line) => `${node.name}: ${line}`),
      ),
    stop,
  };
  clusters.add(cluster);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return cluster;
}

/**
 * For afterEach: closes every client socket, stops every cluster still running (then the proxies in front of its
 * Redis), and fails when a socket received a frame its channel's shared schema refuses.
 */
export async function stopClusters(): Promise<void> {
  const invalid = [...sockets].flatMap((socket) => socket.invalidFrames);
  for (const socket of sockets) socket.close();
  sockets.clear();
  await Promise.all([...clusters].map((cluster) => cluster.stop()));
  await Promise.all([...proxies].map((proxy) => proxy.close()));
  if (invalid.length > 0)
    throw new Error(`the server sent frames its schema refuses:\n${invalid.join('\n')}`);
}

// --- Redis outages ---------------------------------------------------------------------------------------------

export interface RedisProxy {
  /** The REDIS_URL to give a node: Redis's, through the proxy. */
  readonly url: string;
  /** Redis goes away: every connection through the proxy is reset, and new ones are reset as soon as they open. */
  cut(): void;
  /** Redis is back: new connections reach it again. */
  restore(): void;
  close(): Promise<void>;
}

const proxies = new Set<RedisProxy>();

/** A TCP proxy in front of the test Redis (REDIS_URL) that can cut its clients off; stopClusters closes it. */
export async function startRedisProxy(): Promise<RedisProxy> {
  const target = new URL(defaultRedisUrl());
  const live = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) return client.resetAndDestroy();
    const upstream = net.connect(Number(target.port || 6379), target.hostname.replace(/^\[|\]$/g, ''));
    const pair = [client, upstream];
    const end = () => {
      for (const socket of pair) {
        socket.destroy();
        live.delete(socket);
      }
    };
    for (const socket of pair) {
      live.add(socket);
      socket.on('close', end).on('error', end);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  const proxy: RedisProxy = {
    url: url.toString(),
    cut() {
      cut = true;
      for (const socket of live) socket.resetAndDestroy();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxies.delete(proxy);
        for (const socket of live) socket.destroy();
        server.close(() => resolve());
      }),
  };
  proxies.add(proxy);
  return proxy;
}

// --- HTTP -----------------------------------------------------------------------------------------------------

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

export interface RequestOptions {
  cookie?: string;
  body?: unknown;
  /** Default: the node's own origin for writes (the dashboard's), none for reads. */
  origin?: string;
  /** Local address to call from (127.0.0.x): per-IP limits, such as sign-in's, count each address apart. */
  from?: string;
}

/** A JSON request to one node. */
export function request<T = unknown>(
  node: Pick<ServerNode, 'url' | 'origin'>,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  { cookie, body, origin = method === 'GET' ? undefined : node.origin, from }: RequestOptions = {},
): Promise<Reply<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: http.OutgoingHttpHeaders = {
    ...(cookie && { cookie }),
    ...(origin && { origin }),
    ...(payload !== undefined && { 'content-type': 'application/json' }),
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(url, node.url),
      { method, headers, agent: false, ...(from && { localAddress: from }), timeout: 20_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Fails with the reply when its status is not the expected one. */
export async function expectStatus<T>(reply: Promise<Reply<T>>, status: number): Promise<T> {
  const r = await reply;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

let addresses = 1;
/**
 * A loopback address not used before in this test file, to call from (RequestOptions.from, connectVisitor's `from`):
 * each sign-in gets one, as the sign-in limit (10 a minute) counts per address; so may a test's per-IP limit checks.
 */
export const nextAddress = () => {
  addresses++;
  return `127.0.${Math.floor(addresses / 250)}.${(addresses % 250) + 2}`;
};

/** Signs in on `node`; the Cookie header value. */
export async function signIn(
  node: ServerNode,
  email = ADMIN.email,
  password = ADMIN.password,
): Promise<string> {
  const reply = await request(node, 'POST', '/api/auth/login', {
    body: { email, password },
    from: nextAddress(),
  });
  if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const setCookie = [reply.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('lc_session='));
  if (!setCookie) throw new Error('sign-in set no session cookie');
  return setCookie.split(';')[0]!;
}

export interface TestAgent {
  id: string;
  name: string;
  email: string;
  /** A session of their own (signed in on the node that created them). */
  cookie: string;
}

/** An admin creates an agent (role `agent`) on `node`, who then signs in there. */
export async function createAgent(node: ServerNode, adminCookie: string, name: string): Promise<TestAgent> {
  const email = `${name.toLowerCase()}@example.com`;
  const password = 'password-123';
  const { agent } = await expectStatus(
    request<{ agent: { id: string; name: string } }>(node, 'POST', '/api/agents', {
      cookie: adminCookie,
      body: { name, email, role: 'agent', password },
    }),
    201,
  );
  return { id: agent.id, name: agent.name, email, cookie: await signIn(node, email, password) };
}

export const setAvailable = (node: ServerNode, cookie: string, available: boolean) =>
  expectStatus(request(node, 'PUT', '/api/me/availability', { cookie, body: { available } }), 200);

/** Saves the demo site's playbook. */
export async function savePlaybook(node: ServerNode, adminCookie: string, playbook: Playbook): Promise<void> {
  const { sites } = await expectStatus(
    request<{ sites: { id: string; key: string }[] }>(node, 'GET', '/api/sites', { cookie: adminCookie }),
    200,
  );
  const site = sites.find((s) => s.key === SITE_KEY)!;
  await expectStatus(
    request(node, 'PUT', `/api/sites/${site.id}/playbook`, { cookie: adminCookie, body: playbook }),
    200,
  );
}

/** Every stored message of a conversation, in seq order, as `cookie` reads them on `node`. */
export async function storedMessages(
  node: ServerNode,
  cookie: string,
  conversationId: string,
): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const after = all.at(-1)?.seq ?? 0;
    const { messages } = await expectStatus(
      request<{ messages: Message[] }>(
        node,
        'GET',
        `/api/conversations/${conversationId}/messages?afterSeq=${after}&limit=500`,
        { cookie },
      ),
      200,
    );
    all.push(...messages);
    if (messages.length < 500) return all;
  }
}

/** Whether the widget's launcher on a page of the demo site would show the team online, asking `node`. */
export async function widgetOnline(node: ServerNode): Promise<boolean> {
  const { online } = await expectStatus(
    request<{ online: boolean }>(node, 'GET', `/api/widget/${SITE_KEY}/status`, { origin: SITE_ORIGIN }),
    200,
  );
  return online;
}

// --- WebSockets -----------------------------------------------------------------------------------------------

export type Frame = { type: string; [key: string]: unknown };
export type MessageFrame = Frame & { type: 'message.created'; message: Message };
export type AckFrame = Frame & { type: 'ack'; id: string; message?: Message; conversationId?: string };

const sockets = new Set<Client>();

/**
 * A WebSocket client that records every frame (each parsed with its channel's shared server-frame schema: one that
 * does not parse fails the next wait and stopClusters) and its close.
 */
export class Client {
  readonly frames: Frame[] = [];
  readonly invalidFrames: string[] = [];
  closeCode: number | null = null;
  private waiters: (() => void)[] = [];

  constructor(
    readonly ws: WebSocket,
    schema: z.ZodType<{ type: string }>,
  ) {
    sockets.add(this);
    ws.on('message', (data) => {
      const text = String(data);
      const frame = JSON.parse(text) as Frame;
      const parsed = schema.safeParse(frame);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`);
        this.invalidFrames.push(`${text.slice(0, 500)} (${issues.join('; ')})`);
      }
      this.frames.push(frame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    // A node killed under the socket: the close event follows.
    ws.on('error', () => {});
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame (from index `from` on) that matches. */
  waitFor<F extends Frame = Frame>(match: (f: Frame) => boolean, timeoutMs = 10_000, from = 0): Promise<F> {
    return this.until(() => this.frames.slice(from).find(match) as F | undefined, timeoutMs, 'a frame');
  }

  waitForClose(timeoutMs = 10_000): Promise<number> {
    return this.until(() => this.closeCode ?? undefined, timeoutMs, 'the close');
  }

  /** Messages received (message.created), in arrival order. */
  messages(): Message[] {
    return this.frames.filter((f): f is MessageFrame => f.type === 'message.created').map((f) => f.message);
  }

  close(): void {
    this.ws.terminate();
  }

  private async until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.invalidFrames.length > 0)
        throw new Error(`the server sent frames its schema refuses:\n${this.invalidFrames.join('\n')}`);
      const value = probe();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames).slice(-3000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

function connect(url: string, headers: Record<string, string>, from?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...(from && { localAddress: from }) });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

export type Welcome = Frame & {
  visitorId: string;
  token?: string;
  conversationId: string | null;
  online?: boolean;
};

export interface Resume {
  conversationId: string;
  afterSeq: number;
}

/** An open visitor socket of the demo site on `node`, before its hello; `from`: the local address (127.0.0.x). */
export async function visitorSocket(node: ServerNode, { from }: { from?: string } = {}): Promise<Client> {
  const ws = await connect(
    `ws://127.0.0.1:${node.port}${VISITOR_SOCKET_PATH}?siteKey=${SITE_KEY}`,
    { origin: SITE_ORIGIN },
    from,
  );
  return new Client(ws, VisitorServerFrameSchema);
}

/** A visitor of the demo site on `node`, after hello/welcome. Pass `token` (and `resume`) to come back. */
export async function connectVisitor(
  node: ServerNode,
  hello: { token?: string; resume?: Resume } = {},
  { from }: { from?: string } = {},
): Promise<{ socket: Client; welcome: Welcome }> {
  const socket = await visitorSocket(node, { from });
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, ...hello });
  const welcome = await socket.waitFor<Welcome>((f) => f.type === 'welcome');
  return { socket, welcome };
}

/** An agent's dashboard socket on `node`, after hello/welcome; `resume` replays the conversation it has open. */
export async function connectAgent(
  node: ServerNode,
  cookie: string,
  hello: { resume?: Resume } = {},
): Promise<Client> {
  const ws = await connect(`ws://127.0.0.1:${node.port}${AGENT_SOCKET_PATH}`, {
    origin: node.origin,
    cookie,
  });
  const socket = new Client(ws, AgentServerFrameSchema);
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, ...hello });
  await socket.waitFor((f) => f.type === 'welcome');
  return socket;
}

/** Sends a message and waits for its ack (the stored message). */
export async function say(
  socket: Client,
  body: string,
  extra: Record<string, unknown> = {},
): Promise<Message> {
  const id = cid('say');
  const from = socket.frames.length;
  socket.send({ type: 'message.send', id, body, ...extra });
  const reply = await socket.waitFor<AckFrame>(
    (f) => (f.type === 'ack' || f.type === 'error') && f.id === id,
    10_000,
    from,
  );
  if (reply.type !== 'ack') throw new Error(`message refused: ${JSON.stringify(reply)}`);
  return reply.message!;
}

/** Whether a frame concerns the conversation (a message in it, the conversation itself, or its timeline). */
export function concerns(frame: Frame, conversationId: string): boolean {
  const f = frame as {
    message?: { conversationId?: string };
    conversation?: { id?: string };
    conversationId?: string;
    activity?: { conversationId?: string };
  };
  return (
    f.message?.conversationId === conversationId ||
    f.conversation?.id === conversationId ||
    f.conversationId === conversationId ||
    f.activity?.conversationId === conversationId
  );
}
