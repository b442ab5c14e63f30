// The contract suite covers the whole client: every endpoint the client declares is a server route, every API route
// of the server is declared by the client (or named below as not the dashboard's), and every function of every API
// object is called by a contract test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../dashboard/src/api/index.js';
import { RECORDS_CSV_PATH, routes } from '../dashboard/src/api/routes.js';
import { makeApp } from '../server/test/helper.js';

/** Server routes the dashboard does not call, and why. */
const NOT_THE_DASHBOARDS = new Map([
  [
    'POST /api/conversations/:id/messages',
    'an HTTP way to reply, for integrations; the dashboard replies over its socket',
  ],
  ['GET /api/widget/:siteKey/status', "the widget's launcher"],
  ['POST /api/widget/files', "the widget's uploads (a visitor's token, from the site's pages)"],
  ['GET /api/health', 'health checks'],
  ['GET /api/ready', 'health checks'],
  ['GET /api/agents/:id/avatar', "an <img> source: the agent's avatarUrl"],
]);

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the contract suite', () => {
  it('declares only routes the server has', async () => {
    const app = await makeApp();
    try {
      const missing = Object.entries(routes)
        .filter(([, r]) => !app.hasRoute({ method: r.method, url: r.path }))
        .map(([name, r]) => `${name}: ${r.method} ${r.path}`);
      expect(missing).toEqual([]);
      expect(app.hasRoute({ method: 'GET', url: RECORDS_CSV_PATH })).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('declares every API route of the server, unless it is named as not the dashboard’s', async () => {
    const app = await makeApp();
    try {
      const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const server = Object.entries(doc.paths).flatMap(([p, methods]) =>
        // "/api/agents/" is "/api/agents" (a prefix's root route), "{id}" is ":id".
        Object.keys(methods).map(
          (m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1')}`,
        ),
      );
      const client = new Set([
        ...Object.values(routes).map((r) => `${r.method} ${r.path}`),
        `GET ${RECORDS_CSV_PATH}`,
      ]);
      const undeclared = server.filter(
        (route) => route.includes(' /api/') && !client.has(route) && !NOT_THE_DASHBOARDS.has(route),
      );
      expect(undeclared).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('calls every function of every API object in some contract test', () => {
    const sources = fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts')
      .map((f) => fs.readFileSync(path.join(here, f), 'utf8'))
      .join('\n');
    const objects = Object.entries(api).filter(
      ([name, value]) => name.endsWith('Api') && typeof value === 'object' && value !== null,
    );
    expect(objects.length).toBeGreaterThanOrEqual(10);
    const uncalled = objects.flatMap(([name, object]) =>
      Object.keys(object as object)
        .filter((fn) => !new RegExp(`\\b${name}\\.${fn}\\(`).test(sources))
        .map((fn) => `${name}.${fn}`),
    );
    expect(uncalled).toEqual([]);
  });
});
