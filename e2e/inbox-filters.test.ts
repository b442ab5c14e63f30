// The list's filters in a real browser against the real server: an agent narrows the inbox by channel, team and type,
// the address carries the filters (a reload keeps them), and "Clear filters" shows everything again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { NO_STEPS, savePlaybook } from './api.js';

const env = useStackAndBrowser();
const PASSWORD = 'password-123';
let adminCookie = '';

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.stack().server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), cookie: adminCookie },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A visitor on the demo site writes `text`: a new conversation in Unassigned; its id. */
async function newChat(text: string): Promise<string> {
  const visitor = await (await env.browser().newContext()).newPage();
  await visitor.goto(env.stack().demoUrl);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
  await visitor.getByRole('button', { name: 'Send' }).click();
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const { conversations } = await api<{ conversations: { id: string; lastMessagePreview: string }[] }>(
          'GET',
          '/api/conversations?folder=all',
        );
        id = conversations.find((c) => c.lastMessagePreview === text)?.id;
        return id !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await visitor.context().close();
  return id!;
}

const list = (page: Page) => page.getByRole('region', { name: 'Conversations' });
const previews = (page: Page) => list(page).locator('.conv-list li').allInnerTexts();
const hashOf = (page: Page) => page.evaluate(() => location.hash);

let teamId = '';

beforeAll(async () => {
  await savePlaybook(env.stack().server.url, NO_STEPS);
  const login = await fetch(`${env.stack().server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { agent } = await api<{ agent: { id: string } }>('POST', '/api/agents', {
    name: 'Ann',
    email: 'ann@example.com',
    role: 'agent',
    password: PASSWORD,
  });
  teamId = (
    await api<{ team: { id: string } }>('POST', '/api/teams', { name: 'Sales', memberIds: [agent.id] })
  ).team.id;
});

describe('inbox filters in a real browser', () => {
  it('filters by channel, team and type; the URL carries them through a reload; Clear filters resets', async () => {
    const forSales = await newChat('A quote for the Sales team, please');
    await newChat('Just looking around');
    await api('PUT', `/api/conversations/${forSales}/assignee`, { teamId });

    const page = await (await env.browser().newContext()).newPage();
    await page.goto(env.stack().serverUrl);
    await page.getByRole('textbox', { name: 'Email' }).fill('ann@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('tab', { name: 'Unassigned', exact: true }).waitFor();
    await expect.poll(() => previews(page).then((p) => p.length)).toBe(2);
    expect(await list(page).getByRole('button', { name: 'Clear filters' }).count()).toBe(0);

    await list(page).getByRole('combobox', { name: 'Channel' }).selectOption('web');
    await list(page).getByRole('combobox', { name: 'Team' }).selectOption(teamId);
    await list(page).getByRole('combobox', { name: 'Type' }).selectOption('live');
    await expect.poll(() => previews(page)).toEqual([expect.stringContaining('A quote for the Sales team')]);
    await expect.poll(() => list(page).getByRole('status').innerText()).toBe('1 conversation');
    expect(await hashOf(page)).toBe(`#/folder/unassigned?channel=web&team=${teamId}&type=live`);

    // The address is the view: a reload (or a colleague opening the link) shows the same filtered list.
    await page.reload();
    await expect.poll(() => previews(page)).toEqual([expect.stringContaining('A quote for the Sales team')]);
    expect(await list(page).getByRole('combobox', { name: 'Team' }).inputValue()).toBe(teamId);
    expect(await list(page).getByRole('combobox', { name: 'Type' }).inputValue()).toBe('live');
    expect(await list(page).getByRole('combobox', { name: 'Channel' }).inputValue()).toBe('web');

    // No SMS chat: nothing matches, and the list says so.
    await list(page).getByRole('combobox', { name: 'Channel' }).selectOption('sms');
    await expect.poll(() => list(page).getByRole('status').innerText()).toBe('0 conversations');
    await list(page).getByText('No conversation matches these filters.').waitFor();

    await list(page).getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => previews(page).then((p) => p.length)).toBe(2);
    expect(await hashOf(page)).toBe('#/folder/unassigned');
    expect(await list(page).getByRole('combobox', { name: 'Team' }).inputValue()).toBe('');
    expect(await list(page).getByRole('button', { name: 'Clear filters' }).count()).toBe(0);
    await page.context().close();
  });
});
