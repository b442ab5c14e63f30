// Ending and reopening a chat in real browsers, cross-origin: the agent closes with a closing message that the
// visitor reads in the widget; an admin turns on "Allow reopening closed chats" in Settings; the agent reopens the
// chat, it is hers and open again (after a reload too), and the visitor gets her next message.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { addAgent, apiSignIn, signIn } from './dashboard-session.js';

const env = useStackAndBrowser();
const VISITOR_TEXT = 'Where is my order 4711?';
const CLOSING = 'Thanks for chatting with us. Have a great day!';

let annPage: Page;
let adminPage: Page;

beforeAll(async () => {
  const admin = await apiSignIn(env.stack().server.url, ADMIN.email, ADMIN.password);
  await addAgent(env.stack().server.url, admin, {
    name: 'Ann',
    email: 'ann@example.com',
    password: 'password-123',
  });
  const browser = env.browser();
  annPage = await signIn(
    await (await browser.newContext()).newPage(),
    env.stack().serverUrl,
    'ann@example.com',
    'password-123',
  );
  adminPage = await signIn(
    await (await browser.newContext()).newPage(),
    env.stack().serverUrl,
    ADMIN.email,
    ADMIN.password,
  );
});

describe('closing messages and reopening in real browsers', () => {
  it('closes with a closing message the visitor reads, then reopens where the site allows it', async () => {
    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill(VISITOR_TEXT);
    await visitor.getByRole('button', { name: 'Send' }).click();

    await annPage.getByRole('link', { name: /order 4711/ }).click();
    await annPage.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Ann joined the chat');

    // The built-in closing messages, in the site's language (English), then None by default.
    const choice = annPage.getByRole('combobox', { name: 'Closing message' });
    await expect.poll(() => choice.locator('option').allInnerTexts()).toContain(CLOSING);
    expect(await choice.locator('option:checked').innerText()).toBe('None');
    await choice.selectOption({ label: CLOSING });
    await annPage.getByRole('button', { name: 'Close chat' }).click();
    await annPage.getByText('This conversation is closed.').waitFor();
    // The visitor reads it from Ann, and then that the chat was closed.
    await expect
      .poll(() => visitor.getByRole('log').innerText())
      .toMatch(new RegExp(`${CLOSING}[\\s\\S]*closed`));
    // Closed is for good on this site (the default): nothing to reopen.
    expect(await annPage.getByRole('button', { name: 'Reopen' }).count()).toBe(0);

    // An admin allows reopening in Settings.
    await adminPage.getByRole('link', { name: 'Settings' }).click();
    const allow = adminPage.getByRole('switch', { name: 'Allow reopening closed chats' });
    await expect.poll(() => allow.getAttribute('aria-checked')).toBe('false');
    await allow.click();
    await expect.poll(() => allow.getAttribute('aria-checked')).toBe('true');

    await annPage.reload();
    await annPage.getByRole('button', { name: 'Reopen' }).click();
    await annPage.getByRole('button', { name: 'Close chat' }).waitFor();
    expect(await annPage.getByText('This conversation is closed.').count()).toBe(0);
    await expect.poll(() => visitor.getByRole('log').innerText()).toMatch(/closed[\s\S]*Ann joined the chat/);

    // Hers again: she replies and the visitor reads it in the same widget.
    const reply = annPage.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Your order ships tomorrow.');
    await reply.press('Enter');
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Your order ships tomorrow.');

    // Open after a reload too, and in My chats.
    await annPage.reload();
    await annPage.getByRole('button', { name: 'Close chat' }).waitFor();
    expect(await annPage.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
    await annPage.getByRole('tab', { name: 'My chats', exact: true }).click();
    await expect.poll(() => annPage.getByRole('link', { name: /Your order ships tomorrow/ }).count()).toBe(1);
    await visitor.context().close();
  });
});
