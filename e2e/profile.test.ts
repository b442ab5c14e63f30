// The Profile page in a real browser: the seeded "Admin" renames themselves (visitors then read the new name), a
// password change signs their other browsers out and keeps this one, and signing out ends the socket at once.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AGENT_SOCKET_PATH, CloseCode, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();
const NEW_PASSWORD = 'a-brand-new-password';
let password = ADMIN.password;
/** The conversation Dana took in the first test. */
let conversationId = '';
let visitor: Page;

async function signIn(): Promise<Page> {
  const page = await (await env.browser().newContext()).newPage();
  await page.goto(env.stack().serverUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Profile' }).waitFor();
  return page;
}

async function openProfile(page: Page) {
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('button', { name: 'Save profile' }).waitFor();
}

/** The message a screen reader hears as the control's error (aria-invalid + aria-describedby). */
const fieldError = (control: Locator) =>
  control.evaluate((el) => {
    if (el.getAttribute('aria-invalid') !== 'true') return null;
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ');
    return ids.map((id) => document.getElementById(id)).find((e) => e?.classList.contains('field__error'))
      ?.textContent;
  });

const signedInName = (page: Page) => page.getByRole('complementary').locator('.sidebar__name').innerText();

interface Stale {
  ws: WebSocket;
  closeCode: number | null;
  frames: { type: string }[];
}

/**
 * A second agent socket in the page, beside the app's, on the page's session cookie: one the app does not close
 * itself, so only the server can end it. Resolves once the server welcomed it.
 */
async function openStaleSocket(page: Page): Promise<void> {
  await page.evaluate(
    async ({ path, v }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${path}`);
      const stale: Stale = { ws, closeCode: null, frames: [] };
      (window as unknown as { stale: Stale }).stale = stale;
      ws.onclose = (e) => (stale.closeCode = e.code);
      await new Promise<void>((resolve, reject) => {
        ws.onmessage = (e) => {
          stale.frames.push(JSON.parse(String(e.data)) as { type: string });
          if (stale.frames.some((f) => f.type === 'welcome')) resolve();
        };
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', v }));
        setTimeout(() => reject(new Error(`no welcome: ${JSON.stringify(stale.frames)}`)), 10_000);
      });
    },
    { path: AGENT_SOCKET_PATH, v: PROTOCOL_VERSION },
  );
}

const staleCloseCode = (page: Page) =>
  page.evaluate(() => (window as unknown as { stale: Stale }).stale.closeCode);

/** Sends a reply through the stale socket; returns its readyState at that moment (1 open, 3 closed). */
const staleSend = (page: Page, id: string, body: string) =>
  page.evaluate(
    ({ id, body, conversationId }) => {
      const { ws } = (window as unknown as { stale: Stale }).stale;
      ws.send(JSON.stringify({ type: 'message.send', id, conversationId, body }));
      return ws.readyState;
    },
    { id, body, conversationId },
  );

const visitorLog = () => visitor.getByRole('log').innerText();

describe('profile in a real browser', () => {
  it('renames the seeded admin: the name sticks after a reload, and the visitor reads it when they join', async () => {
    const page = await signIn();
    expect(await signedInName(page)).toBe('Admin');
    await openProfile(page);
    const name = page.getByRole('textbox', { name: 'Name' });
    expect(await name.inputValue()).toBe('Admin');
    await name.fill('Dana');
    await page.getByRole('button', { name: 'Save profile' }).click();
    // The nav shows the new name at once, without a reload.
    await expect.poll(() => signedInName(page)).toBe('Dana');

    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Dana');
    expect(await signedInName(page)).toBe('Dana');

    visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Is anyone there for a profile question?');
    await visitor.getByRole('button', { name: 'Send' }).click();

    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('link', { name: /profile question/ }).click();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(visitorLog, { timeout: 10_000 }).toContain('Dana joined the chat');
    expect(await visitorLog()).not.toContain('Admin joined the chat');
    conversationId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/inbox\//, ''));
    expect(conversationId).not.toBe('');
  });

  it('changes the password: a wrong current one is said at its field; other browsers are signed out, this one stays', async () => {
    const page = await signIn();
    const other = await signIn();
    await openStaleSocket(other);
    await openProfile(page);

    const current = page.getByRole('textbox', { name: 'Current password' });
    await current.fill('not-my-password');
    await page.getByRole('textbox', { name: 'New password' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => fieldError(current)).toBe('Your current password is not correct.');
    expect(await page.locator('body').innerText()).not.toMatch(/request is invalid|body\./);

    await current.fill(password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. You were signed out on your other devices.').waitFor();
    password = NEW_PASSWORD;

    // The other browser: its sockets are closed by the server (4010) and it shows the sign-in page.
    await expect.poll(() => staleCloseCode(other), { timeout: 10_000 }).toBe(CloseCode.SessionRevoked);
    await other.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });

    // This browser is still signed in, after a reload too.
    await page.reload();
    await page.getByRole('button', { name: 'Change password' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);

    // The new password is the one that signs in now.
    await other.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await other.getByLabel('Password').fill(NEW_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('link', { name: 'Profile' }).waitFor();
  });

  it('signing out closes the socket (4010): a stale socket cannot send any more', async () => {
    const page = await signIn();
    await openStaleSocket(page);
    // The stale socket works while the session lives: its reply reaches the visitor.
    expect(await staleSend(page, 'stale-before-0001', 'Sent before signing out')).toBe(1);
    await expect.poll(visitorLog, { timeout: 10_000 }).toContain('Sent before signing out');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect.poll(() => staleCloseCode(page), { timeout: 10_000 }).toBe(CloseCode.SessionRevoked);

    expect(await staleSend(page, 'stale-after-00001', 'Sent after signing out')).toBe(3); // CLOSED
    // Give a delivery every chance to show, then check none came.
    await visitor.waitForTimeout(1500);
    expect(await visitorLog()).not.toContain('Sent after signing out');
  });
});
