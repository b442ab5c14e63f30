// The contact as the CRM view of a person, in a real browser against the real server: an admin opens a contact, adds
// an attribute, a tag and a note, sees the note beside the contact's conversation in the inbox, downloads the
// contact's export, and merges a duplicate (the same email) into the contact.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { seriousViolations } from './axe.js';
import { signIn } from './dashboard-session.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();

interface ConversationRow {
  id: string;
  number: number;
  visitorId: string;
  lastMessagePreview: string | null;
}

let adminCookie = '';

async function api(method: string, path: string, body?: unknown, cookie = adminCookie): Promise<Response> {
  const res = await fetch(`${env.stack().server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(cookie && { cookie }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** A visitor on the demo site writes `text`: their conversation (the demo playbook has no steps). */
async function newChat(text: string): Promise<ConversationRow> {
  const visitor = await (await env.browser().newContext()).newPage();
  await visitor.goto(env.stack().demoUrl);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
  await visitor.getByRole('button', { name: 'Send' }).click();
  let found: ConversationRow | undefined;
  await expect
    .poll(
      async () => {
        const { conversations } = (await (await api('GET', '/api/conversations?folder=all')).json()) as {
          conversations: ConversationRow[];
        };
        found = conversations.find((c) => c.lastMessagePreview === text);
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await visitor.context().close();
  return found!;
}

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

let admin: Page;

beforeAll(async () => {
  const login = await api('POST', '/api/auth/login', ADMIN, '');
  adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  admin = await signIn(
    await (await env.browser().newContext()).newPage(),
    env.stack().serverUrl,
    ADMIN.email,
    ADMIN.password,
  );
});

describe('a contact as the CRM view of a person', () => {
  it('takes an attribute, a tag and a note, shows the note in the inbox, exports, and merges a duplicate', async () => {
    const vera = await newChat('Hello from my laptop');
    const twin = await newChat('Hello from my phone');
    await api('PUT', `/api/contacts/${vera.visitorId}/details`, {
      name: 'Vera Novak',
      email: 'vera@example.com',
      phone: '',
    });
    await api('PUT', `/api/contacts/${twin.visitorId}/details`, {
      name: 'Vera N.',
      email: 'Vera@example.com',
      phone: '',
    });
    // One open chat per contact and channel: the twin's is closed first, or the merge is refused.
    await api('POST', `/api/conversations/${twin.id}/close`);

    await admin.getByRole('link', { name: 'Contacts' }).click();
    await admin.getByRole('link', { name: 'Vera Novak' }).click();
    await admin.getByRole('heading', { name: 'Vera Novak', level: 1 }).waitFor();

    const attributes = admin.getByRole('region', { name: 'Attributes' });
    await attributes.getByRole('button', { name: 'Add attribute' }).click();
    await attributes.getByRole('textbox', { name: 'Attribute 1 name' }).fill('Plan');
    await attributes.getByRole('textbox', { name: 'Attribute 1 value' }).fill('Pro');
    await attributes.getByRole('button', { name: 'Save attributes' }).click();
    await attributes.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const tags = admin.getByRole('region', { name: 'Tags' });
    await tags.getByRole('textbox', { name: 'Add tag' }).fill('vip');
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await tags.getByText('vip', { exact: true }).waitFor();

    const notes = admin.getByRole('region', { name: 'Notes' });
    await notes.getByRole('textbox', { name: 'New note' }).fill('Renewal in March; prefers email.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByText('Renewal in March; prefers email.').waitFor();

    // The note beside the contact's conversation, in the inbox's side panel.
    await go(admin, `#/inbox/${vera.id}`);
    const beside = admin.getByRole('region', { name: 'Contact notes' });
    await beside.getByText('Renewal in March; prefers email.').waitFor();

    await go(admin, `#/contacts/${vera.visitorId}`);
    await admin.getByRole('heading', { name: 'Vera Novak', level: 1 }).waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Export contact' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`contact-${vera.visitorId}.json`);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      attributes: unknown[];
      tags: string[];
      notes: { body: string }[];
      conversations: { messages: { body: string }[] }[];
    };
    expect(exported.attributes).toEqual([{ key: 'Plan', value: 'Pro' }]);
    expect(exported.tags).toEqual(['vip']);
    expect(exported.notes.map((n) => n.body)).toEqual(['Renewal in March; prefers email.']);
    expect(exported.conversations.flatMap((c) => c.messages.map((m) => m.body))).toContain(
      'Hello from my laptop',
    );

    await admin.getByText('Possible duplicate:').waitFor();
    // The profile with every CRM section and a duplicate shown: no serious accessibility violations.
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Merge' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Merge Vera N. into Vera Novak?' });
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await dialog.waitFor({ state: 'detached' });
    const conversations = admin.getByRole('list', { name: 'Conversations' });
    await expect
      .poll(() => conversations.getByRole('link').allInnerTexts())
      .toEqual([expect.stringContaining(`#${twin.number}`), expect.stringContaining(`#${vera.number}`)]);
    expect(await admin.getByText('Possible duplicate:').count()).toBe(0);
    expect(
      (
        await fetch(`${env.stack().server.url}/api/contacts/${twin.visitorId}`, {
          headers: { cookie: adminCookie },
        })
      ).status,
    ).toBe(404);
  });
});
