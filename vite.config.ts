// Vitest projects: node (shared + server + contract), dom (widget + dashboard components), browser (real Chromium, cross-origin).
import { defineConfig } from 'vitest/config';

const preactJsx = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };

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
            // The dashboard's API client against the real server (it imports both apps, so it lives in neither).
            'contract/**/*.test.ts',
          ],
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
    ],
  },
});
