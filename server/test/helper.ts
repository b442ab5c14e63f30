// Test helpers: an app on a fresh database (see engine.ts), signed-in agents, and WebSocket clients over injectWS.
import type { FastifyInstance } from 'fastify';
import type WebSocket from 'ws';
import type { z } from 'zod';
import { AgentServerFrameSchema, VisitorServerFrameSchema } from '@livechat/shared/protocol';
import {
  PROTOCOL_VERSION,
  VISITOR_SOCKET_PATH,
  AGENT_SOCKET_PATH,
} from '@livechat/shared/protocol/constants';
import { buildApp, type BuildOptions } from '../src/app.js';
import { testConfig, type AppConfig } from '../src/config.js';
import { testDatabase } from './engine.js';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import { DEFAULT_PLAYBOOK } from '../src/domain/playbook/default-playbook.js';
import type { Playbook } from '@livechat/shared/model';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password' };
export const SITE_ORIGIN = 'http://localhost:8080';

export interface MakeAppOptions extends BuildOptions {
  /**
   * The demo site's playbook. Defaults to one without steps, so a visitor's first message goes straight to the
   * inbox (the channel tests are about transport, not the bot); playbook tests pass their own; null keeps the
   * stored one (a restart).
   */
  playbook?: Playbook | null;
}

export const NO_STEPS: Playbook = { ...DEFAULT_PLAYBOOK, steps: [] };

export async function makeApp(
  overrides: Partial<AppConfig> = {},
  { playbook = NO_STEPS, ...options }: MakeAppOptions = {},
): Promise<FastifyInstance> {
  // Overrides that name a database (a restart test reopening one) keep it; otherwise a fresh one per app.
  const database = 'databasePath' in overrides || 'databaseUrl' in overrides ? {} : await testDatabase();
  const app = await buildApp(testConfig({ ...database, ...overrides }), options);
  await app.ready();
  if (playbook) await app.domain.sites.savePlaybook((await demoSite(app)).id, playbook, null);
  return app;
}

export const demoSite = async (app: FastifyInstance) => (await app.domain.visitors.siteByKey(DEMO_SITE_KEY))!;

/** Signs in and returns the Cookie header value. */
export async function login(
  app: FastifyInstance,
  email = ADMIN.email,
  password = ADMIN.password,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lc_session');
  return `lc_session=${cookie!.value}`;
}

export async function createAgent(
  app: FastifyInstance,
  adminCookie: string,
  name: string,
  role: 'admin' | 'agent' = 'agent',
) {
  const email = `${name.toLowerCase()}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/agents',
    headers: { cookie: adminCookie },
    payload: { name, email, role, password: 'password-123' },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const agent = res.json<{ agent: { id: string; name: string } }>().agent;
  return {
    ...agent,
    email,
    // A session made directly: many agents signing in from one test address would hit the sign-in rate limit.
    cookie: `lc_session=${(await app.domain.auth.startSession(agent.id)).token}`,
  };
}

/** PATCH of an agent (rename, role, deactivate) as whoever `cookie` signs in. */
export function updateAgent(
  app: FastifyInstance,
  cookie: string,
  id: string,
  payload: Record<string, unknown>,
) {
  return app.inject({ method: 'PATCH', url: `/api/agents/${id}`, headers: { cookie }, payload });
}

export type Frame = { type: string; [key: string]: unknown };

const openSockets = new Set<TestSocket>();

/**
 * Terminates every test socket still open; call in afterEach before closing the app. Fails the test when a socket
 * received a frame that its channel's shared server-frame schema does not accept.
 */
export function closeTestSockets(): void {
  const invalid = [...openSockets].flatMap((socket) => socket.invalidFrames);
  for (const socket of openSockets) socket.close();
  openSockets.clear();
  if (invalid.length > 0)
    throw new Error(`the server sent frames its schema refuses:\n${invalid.join('\n')}`);
}

/**
 * A WebSocket test client that records every frame and its close code. Every frame is parsed with the channel's
 * shared server-frame schema: one that does not parse fails the test (at the next wait, or at closeTestSockets).
 */
export class TestSocket {
  readonly frames: Frame[] = [];
  /** Frames the schema refused, with the reasons. */
  readonly invalidFrames: string[] = [];
  closeCode: number | null = null;
  private waiters: (() => void)[] = [];

  constructor(
    readonly ws: WebSocket,
    private readonly schema: z.ZodType<{ type: string }>,
  ) {
    openSockets.add(this);
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
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Resolves with the first recorded frame (from `from` on) matching `match`. */
  async waitFor(match: (f: Frame) => boolean, from = 0, timeoutMs = 2000): Promise<Frame> {
    return this.until(() => this.frames.slice(from).find(match), timeoutMs, 'frame');
  }

  async waitForClose(timeoutMs = 2000): Promise<number> {
    return this.until(() => this.closeCode ?? undefined, timeoutMs, 'close');
  }

  ofType(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
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
      if (left <= 0) throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames)}`);
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
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w();
  }
}

export async function visitorSocket(
  app: FastifyInstance,
  { origin = SITE_ORIGIN, siteKey = DEMO_SITE_KEY }: { origin?: string; siteKey?: string } = {},
): Promise<TestSocket> {
  const ws = await app.injectWS(`${VISITOR_SOCKET_PATH}?siteKey=${encodeURIComponent(siteKey)}`, {
    headers: { origin },
  });
  return new TestSocket(ws, VisitorServerFrameSchema);
}

/** A visitor socket after hello/welcome. Pass a token to come back as the same visitor. */
export async function connectedVisitor(app: FastifyInstance, hello: Record<string, unknown> = {}) {
  const socket = await visitorSocket(app);
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, ...hello });
  const welcome = await socket.waitFor((f) => f.type === 'welcome');
  return {
    socket,
    welcome: welcome as Frame & { visitorId: string; token?: string; conversationId: string | null },
  };
}

export async function agentSocket(app: FastifyInstance, cookie: string, origin = 'http://localhost:8787') {
  const ws = await app.injectWS(AGENT_SOCKET_PATH, { headers: { cookie, origin } });
  return new TestSocket(ws, AgentServerFrameSchema);
}

export async function connectedAgent(
  app: FastifyInstance,
  cookie: string,
  hello: Record<string, unknown> = {},
) {
  const socket = await agentSocket(app, cookie);
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, ...hello });
  await socket.waitFor((f) => f.type === 'welcome');
  return socket;
}

let counter = 0;
export const cid = (label = 'cmd') =>
  `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`.padEnd(8, '0');
