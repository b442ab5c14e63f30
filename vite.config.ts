// Vitest projects: node (shared + server + contract on SQLite), postgres (the server and contract suites again, on
// PostgreSQL + Redis), dom (widget + dashboard components), browser (real Chromium, cross-origin).
import net from 'node:net';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const serverSuites = ['server/test/**/*.test.ts', 'contract/**/*.test.ts'];
/** Tests that need PostgreSQL + Redis by nature: several nodes, and the engines compared with each other. */
const postgresOnly = [
  'server/test/nodes/**',
  'server/test/engines-agree.test.ts',
  'server/test/copy-to-postgres.test.ts',
  'server/test/postgres-migrations.test.ts',
  'server/test/webhooks-across-nodes.test.ts',
];

/** Whether something listens at the URL's host and port (PostgreSQL, Redis), within a second. */
function listening(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The PostgreSQL + Redis run: on CI always (a missing engine fails the run); elsewhere only when both answer, and
 * when they do not, the run says plainly what it skipped.
 */
async function postgresProject(): Promise<TestProjectInlineConfiguration[]> {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/livechat_test';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!process.env.CI) {
    const [db, redis] = await Promise.all([listening(databaseUrl, 5432), listening(redisUrl, 6379)]);
    if (!db || !redis) {
      const missing = [!db && `PostgreSQL (${databaseUrl})`, !redis && `Redis (${redisUrl})`].filter(Boolean);
      console.warn(
        `\n  SKIPPED: the server and contract suites on PostgreSQL + Redis: ${missing.join(' and ')} not reachable.` +
          `\n  Start them or set DATABASE_URL / REDIS_URL to run them (CI always does).\n`,
      );
      return [];
    }
  }
  return [
    {
      extends: true,
      test: {
        name: 'postgres',
        environment: 'node',
        include: serverSuites,
        env: { LIVECHAT_TEST_ENGINE: 'postgres', REDIS_URL: redisUrl },
        globalSetup: ['server/test/postgres-setup.ts'],
      },
    },
  ];
}

const preactJsx = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };

const postgres = await postgresProject();

export default defineConfig({
  oxc: preactJsx,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'scripts/**/*.test.ts',
            'examples/**/*.test.ts',
            // The dashboard's API client against the real server (it imports both apps, so it lives in neither).
            'contract/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, ...postgresOnly],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['widget/**/*.test.{ts,tsx}', 'dashboard/**/*.test.{ts,tsx}', 'shared/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...postgres,
    ],
  },
});
