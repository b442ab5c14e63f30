// The dashboard on a phone (390 × 844, an iPhone 12–14) and in both colour themes: an agent signs in, opens the
// menu, answers a visitor's chat, saves a detail in the side panel and goes back to the list, and the page never
// scrolls sideways; axe finds no serious violations in the light or the dark theme, which follow the system setting.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { addAgent, apiSignIn, signIn } from './dashboard-session.js';
import { seriousViolations } from './axe.js';

const env = useStackAndBrowser();
const PHONE = { width: 390, height: 844 };

/** The page is no wider than the phone: nothing hides past the right edge. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
/** How wide a region is drawn. */
const width = async (page: Page, name: string | RegExp) =>
  (await page.getByRole('region', { name, exact: true }).boundingBox())!.width;
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

let ann: Page;
/** The conversation's "#12", and its row in the list. */
let number = '';
const row = () => ann.getByRole('link', { name: new RegExp(`${number}\\b`) });

beforeAll(async () => {
  const admin = await apiSignIn(env.stack().server.url, ADMIN.email, ADMIN.password);
  await addAgent(env.stack().server.url, admin, {
    name: 'Ann',
    email: 'ann@example.com',
    password: 'password-123',
  });
  const context = await env.browser().newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  ann = await signIn(await context.newPage(), env.stack().serverUrl, 'ann@example.com', 'password-123');
});

describe('the dashboard on a phone', () => {
  it('answers a chat at 390 px: menu, list, conversation, side panel and back, never scrolling sideways', async () => {
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);
    // The list has the whole width; the empty conversation pane is not shown beside it.
    expect(await width(ann, 'Conversations')).toBe(PHONE.width);
    expect(await ann.getByRole('region', { name: 'Conversation', exact: true }).count()).toBe(0);
    // The sidebar is folded away behind "Menu".
    const menu = ann.getByRole('button', { name: 'Menu' });
    const inboxLink = ann.getByRole('link', { name: 'Inbox', exact: true });
    expect(await inboxLink.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Contacts', 'Leads', 'Saved replies', 'Settings', 'Profile'])
      expect(await ann.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);
    await inboxLink.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await inboxLink.isVisible()).toBe(false);

    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Can I pay by invoice from my phone?');
    await visitor.getByRole('button', { name: 'Send' }).click();

    // The list, then the conversation in its place.
    const item = ann.getByRole('link', { name: /pay by invoice/ });
    await item.click({ timeout: 15_000 });
    const view = ann.getByRole('region', { name: /^Conversation #/ });
    await view.waitFor();
    // Found again by its number: the row's preview and name change as the chat goes on.
    number = (await view.getAttribute('aria-label'))!.replace('Conversation ', '');
    expect(await ann.getByRole('tab', { name: 'Unassigned', exact: true }).isVisible()).toBe(false);
    expect(await width(ann, /^Conversation #/)).toBe(PHONE.width);
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);

    await view.getByRole('button', { name: 'Assign to me' }).click();
    await expect
      .poll(() => view.getByRole('combobox', { name: 'Assignee' }).locator('option:checked').innerText())
      .toBe('Ann');
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);
    const reply = view.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Yes: we send the invoice by email.');
    await reply.press('Enter');
    await expect
      .poll(() => visitor.getByRole('log').innerText(), { timeout: 15_000 })
      .toContain('we send the invoice by email');
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);

    // The side panel follows the thread: scrolled to, a detail is saved.
    const details = view.getByRole('region', { name: 'Details' });
    await details.getByLabel('Contact name').fill('Pia Phone');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByRole('status', { name: 'Saved' }).waitFor();
    expect(await details.getByRole('button', { name: 'Save details' }).isVisible()).toBe(true);
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);

    // Back to the list: the conversation gives way to it.
    await ann.getByRole('link', { name: 'Back to conversations' }).click();
    // Assigned to Ann, the chat is in her own folder now.
    await ann.getByRole('tab', { name: 'My chats', exact: true }).click();
    await row().waitFor();
    expect(await view.count()).toBe(0);
    expect(await width(ann, 'Conversations')).toBe(PHONE.width);
    expect(await scrollWidth(ann)).toBeLessThanOrEqual(PHONE.width);
    await visitor.context().close();
  });

  it('has no serious axe violations in the light or the dark theme, with a conversation open', async () => {
    await row().click();
    await ann.getByRole('region', { name: `Conversation ${number}` }).waitFor();
    await ann.emulateMedia({ colorScheme: 'light' });
    expect(await seriousViolations(ann)).toEqual([]);
    const light = await bodyBackground(ann);
    await ann.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(ann)).toEqual([]);
    expect(await bodyBackground(ann)).not.toBe(light);
    // The open menu too, in the dark.
    await ann.getByRole('button', { name: 'Menu' }).click();
    expect(await seriousViolations(ann)).toEqual([]);
    await ann.getByRole('button', { name: 'Menu' }).click();
  });

  it('keeps the desktop layout on a wide screen: no menu button, list beside the conversation', async () => {
    await ann.setViewportSize({ width: 1280, height: 800 });
    expect(await ann.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await ann.getByRole('link', { name: 'Inbox', exact: true }).isVisible()).toBe(true);
    expect(await ann.getByRole('link', { name: 'Back to conversations' }).isVisible()).toBe(false);
    expect(await row().isVisible()).toBe(true);
    await ann.setViewportSize(PHONE);
  });
});
