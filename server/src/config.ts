// The only reader of process.env: validates the environment at boot and fails fast with a readable message.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  PORT: port.default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DEMO_PORT: port.default(8080),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false'),
  /** PostgreSQL instead of the embedded SQLite file: postgres://user:password@host:5432/database */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  /** Redis for what several nodes share (events, presence, rate limits): redis://host:6379 */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  /** A Twilio account for texts (else an admin enters one on the SMS page). All three, or none. */
  TWILIO_ACCOUNT_SID: z.string().trim().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().trim().min(1).optional(),
  /** Where Twilio's REST API answers: https://api.twilio.com, or the fake's URL in development. */
  TWILIO_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Where uploaded files' bytes live: `disk` (DATA_DIR/files, one node) or `database` (shared by every node). Default:
   * `database` with DATABASE_URL, else `disk`.
   */
  FILE_STORE: z.enum(['disk', 'database']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Origin of the server as browsers reach it; the dashboard's origin and the widget's script origin. */
  publicUrl: string;
  /** Origins the dashboard may call the API from: PUBLIC_URL's, and its loopback twins for a local install. */
  dashboardOrigins: string[];
  /** SQLite file path, or ':memory:' in tests; unused when databaseUrl is set. */
  databasePath: string;
  /** PostgreSQL connection URL (DATABASE_URL); null: the embedded SQLite file. */
  databaseUrl: string | null;
  /** The PostgreSQL schema to use (tests give each app its own); default: the server's search_path. */
  databaseSchema?: string;
  /** Redis URL (REDIS_URL); null: one node, events and presence in process memory. */
  redisUrl: string | null;
  admin: { email: string; password?: string };
  /** Origins seeded as allowed for the demo site on first start. */
  demoOrigins: string[];
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Built front ends served as static files; a missing folder is skipped with a warning. */
  dashboardDir: string;
  widgetDir: string;
  /** How long a shutdown may take before sockets are cut. */
  shutdownGraceMs: number;
  /** Per-socket frame rate limit (token bucket). */
  frameRate: Rate;
  /** Behind a reverse proxy: take the client's IP from X-Forwarded-For. */
  trustProxy: boolean;
  /** Per-IP limit on new visitors (a hello without a token creates one). */
  newVisitorRate: Rate;
  /**
   * A dashboard connection that answers no ping for this long is dropped, so an agent whose browser vanished stops
   * counting as available (at most a quarter period later). Pings go out four times per period; browsers answer
   * them even in background tabs, where timers are throttled.
   */
  agentTimeoutMs: number;
  /** Webhooks may call, and MMS media be fetched from, loopback and private addresses (otherwise refused: SSRF). */
  webhooksAllowPrivateNetworks: boolean;
  /** The Twilio account from TWILIO_* variables; null: an admin enters one on the SMS page. */
  twilio: { accountSid: string; authToken: string; apiBaseUrl: string } | null;
  /** Where files' bytes live: a folder on this machine, or the database (several nodes). Default: the database. */
  fileStore?: { kind: 'disk'; dir: string } | { kind: 'database' };
  /** Uploads per visitor and per IP (token buckets; shared by the nodes through Redis). */
  uploadRate?: { perVisitor: Rate; perIp: Rate };
  /** The SMS outbox's timing (tests shorten it). */
  smsOutbox?: { pollIntervalMs?: number; leaseMs?: number; retryDelaysMs?: number[]; maxAttempts?: number };
}

/** Where the store lives: the PostgreSQL database (and schema) when DATABASE_URL is set, else the SQLite file. */
export function databaseOf(
  config: Pick<AppConfig, 'databaseUrl' | 'databaseSchema' | 'databasePath'>,
): { url: string; schema?: string } | { path: string } {
  if (!config.databaseUrl) return { path: config.databasePath };
  return {
    url: config.databaseUrl,
    ...(config.databaseSchema !== undefined && { schema: config.databaseSchema }),
  };
}

/** A token-bucket rate: tokens added per second, and the most held (the burst after a quiet spell). */
export interface Rate {
  perSecond: number;
  burst: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.TWILIO_ACCOUNT_SID === undefined) !== (e.TWILIO_AUTH_TOKEN === undefined))
    throw new ConfigError(
      'Invalid configuration:\n  TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together: set both, or neither.',
    );
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dashboardOrigins: loopbackTwins(publicUrl),
    databasePath: path.join(path.resolve(e.DATA_DIR), 'livechat.sqlite'),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    admin: { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD },
    demoOrigins: [`http://localhost:${e.DEMO_PORT}`, `http://127.0.0.1:${e.DEMO_PORT}`],
    logLevel: e.LOG_LEVEL,
    dashboardDir: path.join(repoRoot, 'dashboard/dist'),
    widgetDir: path.join(repoRoot, 'widget/dist'),
    shutdownGraceMs: 5000,
    frameRate: { perSecond: 30, burst: 60 },
    newVisitorRate: { perSecond: 0.5, burst: 20 },
    fileStore:
      (e.FILE_STORE ?? (e.DATABASE_URL ? 'database' : 'disk')) === 'disk'
        ? { kind: 'disk', dir: path.join(path.resolve(e.DATA_DIR), 'files') }
        : { kind: 'database' },
    trustProxy: e.TRUST_PROXY === 'true',
    agentTimeoutMs: 20_000,
    webhooksAllowPrivateNetworks: e.WEBHOOKS_ALLOW_PRIVATE_NETWORKS === 'true',
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? {
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            apiBaseUrl: new URL(e.TWILIO_API_BASE_URL ?? 'https://api.twilio.com').origin,
          }
        : null,
  };
}

/** A config for tests: in-memory database, silent logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'admin-password' }),
    databasePath: ':memory:',
    // Files' bytes beside the in-memory database, never in the checkout's data folder.
    fileStore: { kind: 'database' },
    shutdownGraceMs: 400,
    // Test receivers listen on 127.0.0.1.
    webhooksAllowPrivateNetworks: true,
    ...overrides,
  };
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** http://localhost:8787 is also reached as 127.0.0.1:8787 or [::1]:8787: the same server, so the same dashboard. */
function loopbackTwins(origin: string): string[] {
  const url = new URL(origin);
  if (!LOOPBACK.includes(url.hostname)) return [origin];
  return LOOPBACK.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}
