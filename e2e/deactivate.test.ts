// Deactivating an agent who holds chats, in a real browser: the chat returns to Unassigned with a timeline event,
// the visitor sees the agent leave, an available colleague is notified as for a new chat; checked after a reload.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { apiCall, notifications, signInRecordingNotifications } from './dashboard-session.js';

const env = useStackAndBrowser();
const VISITOR_TEXT = 'Can someone help me with an invoice?';

const api = (method: string, path: string, body: unknown, cookie = '') =>
  apiCall(env.stack().server.url, method, path, body, cookie);
const signIn = (browser: Browser, email: string, password: string) =>
  signInRecordingNotifications(browser, env.stack().serverUrl, email, password);

let admin: Page;
let ann: Page;
let ben: Page;

beforeAll(async () => {
  const login = await api('POST', '/api/auth/login', ADMIN);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  for (const name of ['Ann', 'Ben'])
    await api(
      'POST',
      '/api/agents',
      { name, email: `${name.toLowerCase()}@example.com`, role: 'agent', password: 'password-123' },
      cookie,
    );
  admin = await signIn(env.browser(), ADMIN.email, ADMIN.password);
  ann = await signIn(env.browser(), 'ann@example.com', 'password-123');
  ben = await signIn(env.browser(), 'ben@example.com', 'password-123');
});

describe('deactivating an agent who holds chats', () => {
  it('returns the chat to Unassigned, tells the visitor and notifies colleagues; it sticks after a reload', async () => {
    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill(VISITOR_TEXT);
    await visitor.getByRole('button', { name: 'Send' }).click();

    // Ann takes the chat; Ben loses sight of it.
    const item = ann.getByRole('link', { name: /invoice/ });
    const number = (await item.innerText()).match(/#\d+/)![0];
    const chat = new RegExp(`${number}\\b`);
    await item.click();
    await ann.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Ann joined the chat');
    await expect.poll(async () => (await ben.locator('main').innerText()).includes('invoice')).toBe(false);
    const benBefore = (await notifications(ben)).length;

    // The admin deactivates Ann on the Team page.
    await admin.getByRole('link', { name: 'Team', exact: true }).click();
    await admin.getByRole('row', { name: /Ann/ }).getByRole('button', { name: 'Deactivate' }).click();
    await ann.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });

    // The visitor sees that Ann left, and no longer an agent's name in the header.
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Ann left the chat');

    // Ben is notified as for a new chat, and finds it in Unassigned.
    await expect
      .poll(async () => (await notifications(ben)).slice(benBefore), { timeout: 10_000 })
      .toContainEqual(
        expect.objectContaining({ title: 'New chat', body: expect.stringContaining('invoice') }),
      );
    await ben.getByRole('tab', { name: 'Unassigned', exact: true }).click();
    await ben.getByRole('link', { name: chat }).waitFor();

    // After a reload, the admin sees it unassigned, with the reason in its timeline.
    await admin.reload();
    await admin.getByRole('link', { name: 'Inbox' }).click();
    await admin.getByRole('tab', { name: 'Unassigned', exact: true }).click();
    await admin.getByRole('link', { name: chat }).click();
    const assignee = admin.getByRole('combobox', { name: 'Assignee' });
    await expect.poll(() => assignee.locator('option:checked').innerText()).toBe('Unassigned');
    await expect.poll(() => admin.locator('main').innerText()).toMatch(/Ann was deactivated/);

    // Ben takes it over and the visitor sees him join.
    await ben.getByRole('link', { name: chat }).click();
    await ben.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Ben joined the chat');
    await visitor.context().close();
  });
});
