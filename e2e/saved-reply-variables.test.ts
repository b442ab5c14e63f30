// Saved replies with variables in a real browser: Ann keeps a reply of her own that greets the contact by first
// name; inserted in a chat whose contact is known, it is filled in, and the visitor's widget shows the filled text.
// A value the conversation lacks (the contact's email) is asked for in a dialog first.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { apiCall, signIn } from './dashboard-session.js';

const env = useStackAndBrowser();
const VISITOR_TEXT = 'Hello, is there a discount this week?';

async function api(method: string, path: string, body: unknown, cookie: string): Promise<Response> {
  const res = await apiCall(env.stack().server.url, method, path, body, cookie);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}
const login = async (email: string, password: string) =>
  (await api('POST', '/api/auth/login', { email, password }, '')).headers.get('set-cookie')!.split(';')[0]!;

let admin = '';
let ann: Page;

beforeAll(async () => {
  admin = await login(ADMIN.email, ADMIN.password);
  await api(
    'POST',
    '/api/agents',
    { name: 'Ann Lee', email: 'ann@example.com', role: 'agent', password: 'password-123' },
    admin,
  );
  const annCookie = await login('ann@example.com', 'password-123');
  for (const [shortcut, body] of [
    ['discount', 'Hi {{contact.first_name}}, {{agent.first_name}} here: 10% off this week.'],
    ['mail', 'I will write to {{contact.email}}.'],
  ])
    await api('POST', '/api/saved-replies', { shortcut, body, personal: true }, annCookie);
  ann = await signIn(
    await (await env.browser().newContext()).newPage(),
    env.stack().serverUrl,
    'ann@example.com',
    'password-123',
  );
});

describe('saved reply variables in a real browser', () => {
  it("fills in the contact's first name, asks for a missing email, and the visitor sees the filled text", async () => {
    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill(VISITOR_TEXT);
    await visitor.getByRole('button', { name: 'Send' }).click();

    let chat: { id: string; number: number } | undefined;
    await expect
      .poll(
        async () => {
          const { conversations } = (await (
            await api('GET', '/api/conversations?folder=all', undefined, admin)
          ).json()) as { conversations: { id: string; number: number; lastMessagePreview: string | null }[] };
          chat = conversations.find((c) => c.lastMessagePreview === VISITOR_TEXT);
          return chat !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    // The contact's name is known (typed into the side panel earlier); no email yet.
    await api(
      'PUT',
      `/api/conversations/${chat!.id}/details`,
      {
        details: {
          dealValue: null,
          expectedCloseDate: null,
          contactName: 'Vera Novak',
          email: '',
          phone: '',
          organizationName: '',
          organizationAddress: '',
          note: '',
        },
      },
      admin,
    );

    await ann.evaluate((hash) => (location.hash = hash), `#/inbox/${chat!.id}`);
    await ann.getByRole('region', { name: `Conversation #${chat!.number}` }).waitFor();
    const reply = ann.getByRole('textbox', { name: 'Reply' });
    await reply.pressSequentially('/disc');
    await ann.getByRole('option', { name: /discount Mine/ }).waitFor();
    await reply.press('Enter');
    const filled = 'Hi Vera, Ann here: 10% off this week.';
    await expect.poll(() => reply.inputValue()).toBe(filled);
    await reply.press('Enter');
    await expect.poll(() => visitor.getByRole('log').innerText(), { timeout: 10_000 }).toContain(filled);

    // No email is known: Ann is asked for it before the reply goes in.
    await reply.pressSequentially('/mail');
    await ann.getByRole('option', { name: /mail Mine/ }).waitFor();
    await reply.press('Enter');
    const dialog = ann.getByRole('dialog', { name: 'Fill in /mail' });
    await dialog.getByRole('textbox', { name: 'Contact email' }).fill('vera@example.com');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => reply.inputValue()).toBe('I will write to vera@example.com.');
    await reply.press('Enter');
    await expect
      .poll(() => visitor.getByRole('log').innerText(), { timeout: 10_000 })
      .toContain('I will write to vera@example.com.');
    expect(await visitor.getByRole('log').innerText()).not.toContain('{{');
  });
});
