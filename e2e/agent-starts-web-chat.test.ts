// An agent starts a web chat from a contact, in real browsers against the real server, the demo site cross-origin: a
// visitor chats and leaves; the agent opens the contact, clicks "New" and writes on the web; the visitor comes back
// to the site and finds the launcher badged with 1 (before opening anything), opens the chat, reads the agent's
// message, and the badge clears.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { signIn } from './dashboard-session.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();

interface ConversationRow {
  id: string;
  visitorId: string;
  lastMessagePreview: string | null;
}

let adminCookie = '';

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${env.stack().server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), cookie: adminCookie },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** The launcher's description: the online note and the unread count, as screen readers read it. */
const description = (launcher: Locator) =>
  launcher.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

let admin: Page;

beforeAll(async () => {
  const login = await fetch(`${env.stack().server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  admin = await signIn(
    await (await env.browser().newContext()).newPage(),
    env.stack().serverUrl,
    ADMIN.email,
    ADMIN.password,
  );
});

describe('an agent starts a web chat with a visitor who left', () => {
  it('waits for the visitor: the launcher shows 1 unread on their next visit, then the message', async () => {
    // The visitor chats once, closes the panel and leaves (their browser keeps its token).
    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Just looking, thanks');
    await visitor.getByRole('button', { name: 'Send' }).click();
    let chat: ConversationRow | undefined;
    await expect
      .poll(
        async () => {
          const { conversations } = (await (await api('GET', '/api/conversations?folder=all')).json()) as {
            conversations: ConversationRow[];
          };
          chat = conversations.find((c) => c.lastMessagePreview === 'Just looking, thanks');
          return chat !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await visitor.getByRole('button', { name: 'Close chat' }).click();
    await visitor.goto('about:blank');
    // Their chat was closed meanwhile: the agent's message starts a new one.
    await api('POST', `/api/conversations/${chat!.id}/close`, {});
    await api('PUT', `/api/contacts/${chat!.visitorId}/details`, {
      name: 'Vera Visitor',
      email: '',
      phone: '',
    });

    // The agent opens the contact and writes on the web.
    await admin.evaluate((h) => (location.hash = h), `#/contacts/${chat!.visitorId}`);
    await admin.getByRole('heading', { name: 'Vera Visitor', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'New', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: 'New message' });
    expect(await dialog.getByRole('radio', { name: 'Web chat' }).isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Your discount code is SPRING10');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await admin.waitForURL(/#\/inbox\/[\w-]+$/);
    const started = admin.url().split('#/inbox/')[1]!;
    expect(started).not.toBe(chat!.id);

    // The visitor comes back: the launcher is badged before they open anything.
    await visitor.goto(env.stack().demoUrl);
    const launcher = visitor.getByRole('button', { name: 'Open chat' });
    await expect.poll(() => launcher.getAttribute('data-n'), { timeout: 15_000 }).toBe('1');
    expect(await launcher.evaluate((el) => el.classList.contains('unread'))).toBe(true);
    expect(await description(launcher)).toMatch(/1 unread message$/);
    // The panel stayed closed: the chat loaded in the background only to count.
    expect(await visitor.getByRole('dialog').count()).toBe(0);

    await launcher.click();
    await visitor.getByText('Your discount code is SPRING10').waitFor();
    await visitor.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => launcher.getAttribute('data-n')).toBe('0');
    expect(await launcher.evaluate((el) => el.classList.contains('unread'))).toBe(false);
    expect(await description(launcher)).not.toMatch(/unread/);

    // Read now: the next visit shows no badge.
    await visitor.reload();
    await visitor.getByRole('button', { name: 'Open chat' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await visitor.getByRole('button', { name: 'Open chat' }).getAttribute('data-n')).not.toBe('1');
    await visitor.context().close();
  });
});
