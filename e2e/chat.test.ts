// Real browser, cross-origin: the demo site (one port) embeds widget.js from the chat server (another port);
// an agent works in the dashboard. Controls are found by their accessible names, as a user's checks would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './dashboard-session.js';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { ADMIN, startStack, type Stack } from './stack.js';

let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  agent = await (await browser.newContext()).newPage();
  visitor = await (await browser.newContext()).newPage();
  for (const page of [agent, visitor]) page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function visitorSays(text: string) {
  await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
  await visitor.getByRole('button', { name: 'Send' }).click();
}

async function agentSays(text: string) {
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.fill(text);
  await reply.press('Enter');
}

const visitorLog = () => visitor.getByRole('log');

describe('live chat in a real browser', () => {
  it('a visitor on the demo site and a signed-in agent chat both ways', async () => {
    expect(new URL(stack.demoUrl).origin).not.toBe(new URL(stack.serverUrl).origin);
    await signIn(agent, stack.serverUrl, ADMIN.email, ADMIN.password);

    const requested: string[] = [];
    visitor.on('request', (r) => requested.push(r.url()));
    await visitor.goto(stack.demoUrl);
    const open = visitor.getByRole('button', { name: 'Open chat' });
    await open.waitFor();
    // Before the visitor interacts: only the loader, no socket, nothing stored.
    expect(requested.some((u) => u.endsWith('/widget.js'))).toBe(true);
    expect(requested.some((u) => u.includes('widget-chat.js') || u.includes('/ws/'))).toBe(false);
    expect(
      await visitor.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
    ).toEqual([0, 0, '']);
    expect(await visitor.context().cookies()).toEqual([]);

    await open.click();
    await visitorSays('Hello from the demo site');
    await expect.poll(() => visitorLog().innerText()).toContain('Hello from the demo site');

    // The new conversation appears live in the agent's inbox.
    await agent.getByRole('link', { name: /Hello from the demo site/ }).click();
    const thread = agent.getByRole('log', { name: 'Messages' });
    await expect.poll(() => thread.innerText()).toContain('Hello from the demo site');

    await agentSays('Hi! How can I help?');
    await expect.poll(() => visitorLog().innerText(), { timeout: 10_000 }).toContain('Hi! How can I help?');
    await visitorSays('Do you deliver to Ljubljana?');
    await expect
      .poll(() => thread.innerText(), { timeout: 10_000 })
      .toContain('Do you deliver to Ljubljana?');
  });

  it('keeps the history when the visitor reloads the page', async () => {
    await visitor.reload();
    const open = visitor.getByRole('button', { name: 'Open chat' });
    // The chat reopens itself when it was open before the reload; otherwise the visitor opens it.
    if (
      !(await visitorLog()
        .isVisible()
        .catch(() => false))
    )
      await open.click();
    await expect
      .poll(() => visitorLog().innerText(), { timeout: 10_000 })
      .toMatch(/Hello from the demo site[\s\S]*Hi! How can I help\?[\s\S]*Do you deliver to Ljubljana\?/);
  });

  it('shows all 20 agent messages exactly once, in order, when the visitor’s socket is cut mid-burst', async () => {
    const label = (i: number) => `Burst message ${String(i).padStart(2, '0')}.`;
    for (let i = 1; i <= 20; i++) {
      if (i === 4) expect(stack.proxy.cutVisitorSockets()).toBeGreaterThan(0);
      if (i === 4) stack.proxy.blockVisitors = true; // stays offline while messages 4..11 are sent
      if (i === 12) stack.proxy.blockVisitors = false;
      if (i === 16) stack.proxy.cutVisitorSockets();
      await agentSays(label(i));
    }
    const expected = Array.from({ length: 20 }, (_, k) => label(k + 1));
    await expect
      .poll(
        async () => {
          const text = await visitorLog().innerText();
          return expected.map((l) => text.split(l).length - 1);
        },
        { timeout: 30_000 },
      )
      .toEqual(expected.map(() => 1));
    const text = await visitorLog().innerText();
    const positions = expected.map((l) => text.indexOf(l));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shows a message typed offline as sending, then delivers it exactly once', async () => {
    stack.proxy.blockVisitors = true;
    stack.proxy.cutVisitorSockets();
    await visitorSays('Typed while offline');
    await expect.poll(() => visitorLog().innerText()).toMatch(/Typed while offline[\s\S]*Sending/);
    stack.proxy.blockVisitors = false;
    const thread = agent.getByRole('log', { name: 'Messages' });
    await expect.poll(() => thread.innerText(), { timeout: 20_000 }).toContain('Typed while offline');
    await expect.poll(() => visitorLog().innerText(), { timeout: 10_000 }).not.toContain('Sending');
    expect((await thread.innerText()).split('Typed while offline').length - 1).toBe(1);
    expect((await visitorLog().innerText()).split('Typed while offline').length - 1).toBe(1);
  });

  it('lets the host page open the chat through the snippet API', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(stack.demoUrl);
    // The demo's "Talk to sales" button calls LiveChat('open') (the snippet stub queues it if widget.js has not run).
    await page.getByRole('button', { name: 'Talk to sales' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await page.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Message' }).isVisible()).toBe(false);
    await page.context().close();
  });

  it('renders message bodies as text, never as HTML', async () => {
    const xss = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    await visitorSays(xss);
    await expect
      .poll(() => agent.getByRole('log', { name: 'Messages' }).innerText(), { timeout: 10_000 })
      .toContain('<img src=x');
    await agentSays(xss);
    await expect
      .poll(async () => (await visitorLog().innerText()).split('<img src=x').length - 1, { timeout: 10_000 })
      .toBe(2);
    expect(await visitor.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await agent.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
