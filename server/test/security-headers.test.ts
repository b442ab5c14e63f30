// Security headers (matrix row 19): one plugin sets a strict CSP with frame-ancestors 'none', X-Frame-Options,
// nosniff and a Referrer-Policy on every response; the widget's scripts stay loadable by customer sites.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { login, makeApp } from './helper.js';
import { testConfig } from '../src/config.js';

let app: FastifyInstance;
afterEach(() => app?.close());

const CUSTOMER = 'http://localhost:8080';
let dirs: { widgetDir: string; dashboardDir: string };

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-headers-'));
  dirs = { widgetDir: path.join(dir, 'w'), dashboardDir: path.join(dir, 'd') };
  fs.mkdirSync(dirs.widgetDir);
  fs.mkdirSync(path.join(dirs.dashboardDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dirs.widgetDir, 'widget.js'), 'import("./widget-chat.js")');
  fs.writeFileSync(path.join(dirs.widgetDir, 'widget-chat.js'), 'export {}');
  fs.writeFileSync(
    path.join(dirs.dashboardDir, 'index.html'),
    '<!doctype html><title>Dashboard</title><script type="module" src="/assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(dirs.dashboardDir, 'assets/app.js'), 'export {}');
});

/** The CSP as a map of directive -> sources. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectLockedDown(res: LightMyRequestResponse, what: string) {
  const policy = csp(res);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'none'"]);
  for (const sources of policy.values()) {
    expect(sources, what).not.toContain("'unsafe-inline'");
    expect(sources, what).not.toContain("'unsafe-eval'");
  }
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('same-origin');
}

describe('security headers', () => {
  it('lock down the dashboard page and its assets', async () => {
    app = await makeApp(dirs);
    for (const url of ['/', '/index.html', '/assets/app.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expectLockedDown(res, url);
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
    }
  });

  it("let the dashboard open its socket, also in browsers where connect-src 'self' does not cover ws:", async () => {
    app = await makeApp(dirs);
    const sources = csp(await app.inject({ url: '/' })).get('connect-src');
    expect(sources).toContain("'self'");
    expect(sources).toContain(testConfig().publicUrl.replace(/^http/, 'ws'));
    const ipv4OrNames = testConfig().dashboardOrigins.filter((o) => !o.includes('['));
    expect(sources!.filter((s) => s.startsWith('ws'))).toHaveLength(ipv4OrNames.length);
    // CSP has no syntax for IPv6 literals: Chromium would print "contains an invalid source" on every page.
    expect(sources!.filter((s) => s.includes('['))).toEqual([]);
  });

  it('are on every API answer, refusals and errors included', async () => {
    app = await makeApp(dirs);
    const admin = await login(app);
    const answers = {
      health: await app.inject({ url: '/api/health' }),
      signedIn: await app.inject({ url: '/api/auth/me', headers: { cookie: admin } }),
      unauthorized: await app.inject({ url: '/api/auth/me' }),
      foreignOrigin: await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { origin: 'http://evil.example' },
      }),
      invalid: await app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      unknownRoute: await app.inject({ url: '/api/nope' }),
    };
    expect(answers.health.statusCode).toBe(200);
    expect(answers.signedIn.statusCode).toBe(200);
    expect(answers.unauthorized.statusCode).toBe(401);
    expect(answers.foreignOrigin.statusCode).toBe(403);
    expect(answers.invalid.statusCode).toBe(400);
    expect(answers.unknownRoute.statusCode).toBe(404);
    for (const [what, res] of Object.entries(answers)) expectLockedDown(res, what);
  });

  it('keep the widget loadable cross-origin: its scripts and its status endpoint', async () => {
    app = await makeApp(dirs);
    for (const url of ['/widget.js', '/widget-chat.js']) {
      const res = await app.inject({ url, headers: { origin: CUSTOMER } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cross-origin-resource-policy'], url).toBe('cross-origin');
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['cross-origin-embedder-policy'], url).toBeUndefined();
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-type'], url).toContain('javascript');
    }
    const status = await app.inject({
      url: '/api/widget/demo-site-key/status',
      headers: { origin: CUSTOMER },
    });
    expect(status.statusCode).toBe(200);
    expect(status.headers['access-control-allow-origin']).toBe(CUSTOMER);
    expect(status.headers['cross-origin-embedder-policy']).toBeUndefined();
  });
});
