// In Chromium, as users meet it: the demo site embeds the widget from node A, the agent's dashboard runs on node B,
// both nodes on one PostgreSQL + Redis. They chat both ways, and after a reload each side still has the whole
// conversation.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../e2e/browser.js';
import { freePort } from '../../../scripts/free-port.js';
import { ADMIN, NO_STEPS, savePlaybook, signIn, sleep, startCluster, stopClusters } from './cluster.js';

let browser: Browser | undefined;
let demo: ChildProcess | undefined;

afterEach(async () => {
  demo?.kill('SIGTERM');
  await stopClusters();
}, 30_000);
afterAll(() => browser?.close());

async function startDemoSite(port: number, serverOrigin: string): Promise<string> {
  demo = spawn(process.execPath, ['examples/demo-server.mjs'], {
    cwd: new URL('../../../', import.meta.url).pathname,
    env: { ...process.env, DEMO_PORT: String(port), PUBLIC_URL: serverOrigin },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url;
    await sleep(100);
  }
  throw new Error('the demo site did not start');
}

async function signInOnDashboard(page: Page, origin: string) {
  await page.goto(origin);
  await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Team', exact: true }).waitFor();
}

describe('two nodes in a real browser', () => {
  it(
    'a visitor whose widget talks to node A and an agent on node B chat both ways, and it sticks after a reload',
    { timeout: 120_000 },
    async () => {
      const demoPort = await freePort();
      const { a, b } = await startCluster(2, { demoPort });
      await savePlaybook(a, await signIn(a), NO_STEPS);
      const demoUrl = await startDemoSite(demoPort, a.origin);
      browser = await launchBrowser();
      const errors: string[] = [];
      const agent = await (await browser.newContext()).newPage();
      const visitor = await (await browser.newContext()).newPage();
      for (const page of [agent, visitor]) page.on('pageerror', (err) => errors.push(err.message));
      const sockets: string[] = [];
      visitor.on('websocket', (ws) => sockets.push(ws.url()));
      agent.on('websocket', (ws) => sockets.push(ws.url()));

      await signInOnDashboard(agent, b.origin);
      await visitor.goto(demoUrl);
      await visitor.getByRole('button', { name: 'Open chat' }).click();
      await visitor.getByRole('textbox', { name: 'Message' }).fill('Hello from a widget on node A');
      await visitor.getByRole('button', { name: 'Send' }).click();

      // Stored by A, relayed through Redis to B's dashboard, live.
      await agent.getByRole('link', { name: /Hello from a widget on node A/ }).click();
      const thread = agent.getByRole('log', { name: 'Messages' });
      await expect
        .poll(() => thread.innerText(), { timeout: 15_000 })
        .toContain('Hello from a widget on node A');
      const reply = agent.getByRole('textbox', { name: 'Reply' });
      await reply.fill('Hi, this is node B');
      await reply.press('Enter');
      const visitorLog = visitor.getByRole('log');
      await expect.poll(() => visitorLog.innerText(), { timeout: 15_000 }).toContain('Hi, this is node B');

      // Each side's socket went to its own node.
      expect(
        sockets.some((url) => url.startsWith(a.origin.replace('http', 'ws')) && url.includes('/ws/visitor')),
      ).toBe(true);
      expect(
        sockets.some((url) => url.startsWith(b.origin.replace('http', 'ws')) && url.includes('/ws/agent')),
      ).toBe(true);

      await Promise.all([agent.reload(), visitor.reload()]);
      await expect
        .poll(() => agent.getByRole('log', { name: 'Messages' }).innerText(), { timeout: 15_000 })
        .toMatch(/Hello from a widget on node A[\s\S]*Hi, this is node B/);
      // The widget reopens as the visitor left it (open), with the conversation replayed from node A.
      await expect
        .poll(() => visitor.getByRole('log').innerText(), { timeout: 15_000 })
        .toMatch(/Hello from a widget on node A[\s\S]*Hi, this is node B/);
      expect(errors).toEqual([]);
    },
  );
});
