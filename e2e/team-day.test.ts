// A team member's day in real browsers, cross-origin (demo site and server on different ports): the admin sets up
// Sales with automatic assignment on the Teams page; a visitor's chat goes to Sales through the playbook and is
// given to Ann without a click; Ann closes it with a closing message the visitor reads, reopens it (the site allows
// it), and finds it again with the list's filters, which live in the address and survive a reload.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Playbook } from '@livechat/shared/model';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { addAgent, apiSignIn, signIn } from './dashboard-session.js';

const text = (t: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: t }] }];
/** A greeting, then the Live Chat card (routed to Sales on the Playbook page below). */
const PLAYBOOK: Playbook = {
  botName: 'Ava',
  botAvatarUrl: null,
  locale: 'en',
  steps: [
    { id: 'hi', kind: 'message', text: text('Hi, I am Ava.') },
    {
      id: 'card',
      kind: 'live_chat',
      onlineMessage: text('Connecting you to the team'),
      waitSeconds: 600,
      offlineMessage: text('Nobody is around right now'),
      offlineFlow: { questions: [], capture: [], thankYou: text('Thanks') },
    },
  ],
};

const env = useStackAndBrowser({ playbook: PLAYBOOK });
const CLOSING = 'Thanks for chatting with us. Have a great day!';

let admin = '';
let annPage: Page;
let adminPage: Page;

beforeAll(async () => {
  admin = await apiSignIn(env.stack().server.url, ADMIN.email, ADMIN.password);
  await addAgent(env.stack().server.url, admin, {
    name: 'Ann',
    email: 'ann@example.com',
    password: 'password-123',
  });
  await addAgent(env.stack().server.url, admin, {
    name: 'Ben',
    email: 'ben@example.com',
    password: 'password-123',
  });
  const browser = env.browser();
  adminPage = await signIn(
    await (await browser.newContext()).newPage(),
    env.stack().serverUrl,
    ADMIN.email,
    ADMIN.password,
  );
  annPage = await signIn(
    await (await browser.newContext()).newPage(),
    env.stack().serverUrl,
    'ann@example.com',
    'password-123',
  );
});

/** The admin creates Sales with Ann, automatic assignment on, on the Teams page; then routes the site to it. */
async function setUpSales(): Promise<void> {
  await adminPage.getByRole('link', { name: 'Teams', exact: true }).click();
  await adminPage.getByRole('textbox', { name: 'Team name' }).fill('Sales');
  await adminPage.getByRole('button', { name: 'New team' }).click();
  const sales = adminPage.getByRole('region', { name: 'Sales' });
  await sales.getByRole('button', { name: 'Choose members of Sales' }).click();
  await sales.getByRole('checkbox', { name: 'Ann' }).check();
  await sales.getByRole('button', { name: 'Save members' }).click();
  await sales.getByRole('list', { name: 'Members of Sales' }).waitFor();
  await sales.getByRole('switch', { name: 'Automatic assignment' }).click();
  await sales.getByRole('spinbutton', { name: 'Maximum open chats' }).fill('3');
  await sales.getByRole('button', { name: 'Save routing' }).click();
  await sales.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await adminPage.reload();
  await expect
    .poll(() =>
      adminPage
        .getByRole('region', { name: 'Sales' })
        .getByRole('switch', { name: 'Automatic assignment' })
        .getAttribute('aria-checked'),
    )
    .toBe('true');

  // The playbook's Live Chat card routes to Sales.
  await adminPage.getByRole('link', { name: 'Playbook' }).click();
  const route = adminPage.getByRole('combobox', { name: 'Route to team' });
  await expect.poll(() => route.locator('option').allInnerTexts()).toContain('Sales');
  await route.selectOption({ label: 'Sales' });
  await adminPage.getByRole('button', { name: 'Save playbook' }).click();
  await adminPage.getByText(/Saved — version/).waitFor();

  // Reopening allowed on this site.
  await adminPage.getByRole('link', { name: 'Settings' }).click();
  const allow = adminPage.getByRole('switch', { name: 'Allow reopening closed chats' });
  await expect.poll(() => allow.getAttribute('aria-checked')).toBe('false');
  await allow.click();
  await expect.poll(() => allow.getAttribute('aria-checked')).toBe('true');
}

describe("a team member's day", () => {
  it('routes a chat to Sales, assigns it, closes it with a closing message, reopens it and finds it with filters', async () => {
    await setUpSales();
    // Ann goes available; Ben (not in Sales) never sees Sales' chats.
    const available = annPage.getByRole('switch', { name: 'Available' });
    if ((await available.getAttribute('aria-checked')) !== 'true') await available.click();
    await expect.poll(() => available.getAttribute('aria-checked')).toBe('true');
    const benPage = await signIn(
      await (await env.browser().newContext()).newPage(),
      env.stack().serverUrl,
      'ben@example.com',
      'password-123',
    );

    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Pricing for 40 seats, please');
    await visitor.getByRole('button', { name: 'Send' }).click();

    // Given to Ann without a click: the visitor sees her join, and it is in her My chats.
    await expect
      .poll(() => visitor.getByRole('log').innerText(), { timeout: 15_000 })
      .toContain('Ann joined the chat');
    await annPage.getByRole('tab', { name: 'My chats', exact: true }).click();
    const item = annPage.getByRole('link', { name: /40 seats/ });
    await item.click();
    const view = annPage.getByRole('region', { name: /^Conversation #/ });
    await view.getByText('Team: Sales').waitFor();
    expect(await view.getByRole('combobox', { name: 'Assignee' }).locator('option:checked').innerText()).toBe(
      'Ann',
    );
    await view.getByRole('textbox', { name: 'Reply' }).fill('Hi! Happy to help with pricing.');
    await view.getByRole('textbox', { name: 'Reply' }).press('Enter');
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Happy to help with pricing.');
    // Ben is in no team: nothing of it anywhere in his inbox.
    await benPage.reload();
    await benPage.getByRole('tab', { name: 'Unassigned', exact: true }).waitFor();
    expect(await benPage.getByRole('link', { name: /40 seats/ }).count()).toBe(0);

    // Closed with a closing message that the visitor reads.
    const choice = view.getByRole('combobox', { name: 'Closing message' });
    await expect.poll(() => choice.locator('option').allInnerTexts()).toContain(CLOSING);
    await choice.selectOption({ label: CLOSING });
    await view.getByRole('button', { name: 'Close chat' }).click();
    await annPage.getByText('This conversation is closed.').waitFor();
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain(CLOSING);

    // Reopened: Ann's and open again, after a reload too.
    await annPage.getByRole('button', { name: 'Reopen' }).click();
    await annPage.getByRole('button', { name: 'Close chat' }).waitFor();
    await annPage.reload();
    await annPage.getByRole('button', { name: 'Close chat' }).waitFor();
    expect(await annPage.getByRole('button', { name: 'Reopen' }).count()).toBe(0);

    // Found again with filters: Sales' live chats in My chats; the address carries them through a reload.
    await annPage.getByRole('tab', { name: 'My chats', exact: true }).click();
    const list = annPage.getByRole('region', { name: 'Conversations' });
    const team = list.getByRole('combobox', { name: 'Team' });
    await expect.poll(() => team.locator('option').allInnerTexts()).toContain('Sales');
    await team.selectOption({ label: 'Sales' });
    await list.getByRole('combobox', { name: 'Type' }).selectOption('live');
    await expect.poll(() => list.getByRole('status').innerText()).toBe('1 conversation');
    expect(await annPage.evaluate(() => location.hash)).toMatch(/\?folder=mine&team=[^&]+&type=live$/);
    await annPage.reload();
    await expect.poll(() => list.getByRole('status').innerText()).toBe('1 conversation');
    await list.getByRole('link', { name: /Thanks for chatting/ }).waitFor(); // the preview: the closing message
    await list.getByRole('combobox', { name: 'Type' }).selectOption('sms');
    await expect.poll(() => list.getByRole('status').innerText()).toBe('0 conversations');
    await list.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => annPage.evaluate(() => location.hash)).toMatch(/\?folder=mine$/);

    await visitor.context().close();
    await benPage.context().close();
  });
});
