// The agent inbox in a real browser, cross-origin: a visitor chats; agent A is notified on the desktop, takes the
// chat, answers with a saved reply picked via "/", fills the side panel, creates a lead and a deal and closes the
// chat; agent B, signed in at the same time, never sees it once A has it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { apiCall, notifications, signInRecordingNotifications } from './dashboard-session.js';
import { seriousViolations } from './axe.js';

const env = useStackAndBrowser();
const VISITOR_TEXT = 'Hi! We need 40 seats for our sales team.';
const SAVED_REPLY = 'Happy to help! Our team plan is 19 EUR per seat and month.';

const api = (method: string, path: string, body: unknown, cookie = '') =>
  apiCall(env.stack().server.url, method, path, body, cookie);
const signIn = (browser: Browser, email: string, password: string) =>
  signInRecordingNotifications(browser, env.stack().serverUrl, email, password);

let annPage: Page;
let benPage: Page;

beforeAll(async () => {
  const login = await api('POST', '/api/auth/login', ADMIN);
  const admin = login.headers.get('set-cookie')!.split(';')[0]!;
  for (const name of ['Ann', 'Ben'])
    await api(
      'POST',
      '/api/agents',
      { name, email: `${name.toLowerCase()}@example.com`, role: 'agent', password: 'password-123' },
      admin,
    );
  await api('POST', '/api/saved-replies', { shortcut: 'seats', body: SAVED_REPLY }, admin);
  annPage = await signIn(env.browser(), 'ann@example.com', 'password-123');
  benPage = await signIn(env.browser(), 'ben@example.com', 'password-123');
});

describe('agent inbox in a real browser', () => {
  it('notifies, assigns, replies with a saved reply, captures a lead and a deal, closes; B never sees it', async () => {
    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill(VISITOR_TEXT);
    await visitor.getByRole('button', { name: 'Send' }).click();

    // A desktop notification for the new chat in Unassigned, naming it; clicking it opens the chat.
    await expect
      .poll(() => notifications(annPage), { timeout: 10_000 })
      .toContainEqual(
        expect.objectContaining({ title: 'New chat', body: expect.stringContaining('40 seats') }),
      );
    await annPage.evaluate(() =>
      (window as unknown as { lastNotification: { onclick: () => void } }).lastNotification.onclick(),
    );
    await annPage.getByRole('button', { name: 'Assign to me' }).click();
    // The Assignee combobox is the only control of that name, and shows who has the chat.
    const assignee = annPage.getByRole('combobox', { name: 'Assignee' });
    await expect.poll(() => assignee.count()).toBe(1);
    await expect.poll(() => assignee.locator('option:checked').innerText()).toBe('Ann');
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('Ann joined the chat');

    // Ben: it is gone from his lists and search at once.
    const benSees = async () => (await benPage.locator('body').innerText()).includes('40 seats');
    await expect.poll(benSees).toBe(false);

    // A saved reply, picked with "/", arrows and Enter, edited, then sent.
    const reply = annPage.getByRole('textbox', { name: 'Reply' });
    await reply.fill('');
    await reply.pressSequentially('/sea');
    await annPage.getByRole('option', { name: /seats/ }).waitFor();
    await reply.press('ArrowDown');
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe(SAVED_REPLY);
    await reply.press('End');
    await reply.pressSequentially(' Shall I send a quote?');
    await reply.press('Enter');
    await expect
      .poll(() => visitor.getByRole('log').innerText())
      .toContain(`${SAVED_REPLY} Shall I send a quote?`);

    // The side panel, then a lead and a deal: the chat stays open.
    await annPage.getByLabel('Deal value').fill('9120');
    await annPage.getByLabel('Expected close date').fill('2026-12-31');
    await annPage.getByLabel('Contact name').fill('Vera Visitor');
    await annPage.getByRole('textbox', { name: 'Email', exact: true }).fill('vera@example.com');
    await annPage.getByLabel('Phone').fill('+386 40 123 456');
    await annPage.getByLabel('Organization name').fill('Acme d.o.o.');
    await annPage.getByLabel('Organization address').fill('Trg 1, Ljubljana');
    await annPage.getByRole('textbox', { name: 'Note', exact: true }).fill('40 seats, wants a quote');
    await annPage.getByRole('button', { name: 'Create lead' }).click();
    await annPage
      .getByText(/Lead: /)
      .first()
      .waitFor();
    await annPage.getByRole('button', { name: 'Create deal' }).click();
    await annPage
      .getByText(/Deal: /)
      .first()
      .waitFor();
    expect(await annPage.getByRole('textbox', { name: 'Reply' }).count()).toBe(1);
    // The conversation view with its side panel, timeline and records passes axe.
    expect(await seriousViolations(annPage)).toEqual([]);

    await annPage.getByRole('button', { name: 'Close chat' }).click();
    await annPage.getByText('This conversation is closed.').waitFor();
    await annPage.getByRole('tab', { name: 'Closed', exact: true }).click();
    const closedItem = annPage.getByRole('link', { name: /Vera Visitor/ });
    await expect.poll(() => closedItem.innerText()).toMatch(/Closed/);

    // The Leads page lists both.
    await annPage.getByRole('link', { name: 'Leads' }).click();
    await expect.poll(() => annPage.locator('main').innerText()).toContain('Acme d.o.o.');

    // Ben never got a notification about Ann's chat after she took it, and still does not see it anywhere.
    for (const folder of ['Unassigned', 'My chats', 'Closed']) {
      await benPage.getByRole('tab', { name: folder, exact: true }).click();
      expect(await benSees()).toBe(false);
    }
    await visitor.context().close();
  });
});
