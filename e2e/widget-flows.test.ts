// The widget flows a new visitor hit (issue 8), in a real browser, cross-origin: the log keeps the question in
// view, long messages get a visible limit, the browser's offline/online events act at once, a closed conversation
// stays readable across reloads, the header states the conversation's real situation, and the launcher's dot
// follows presence without a reload (and without loading the chat before the visitor interacts).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Playbook } from '@livechat/shared/model';
import { useStackAndBrowser } from './browser.js';
import { NO_STEPS, e2ePlaybook, text } from './api.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser({ playbook: NO_STEPS });
let agent: Page;
let cookie: string;

beforeAll(async () => {
  agent = await (await env.browser().newContext()).newPage();
  await agent.goto(env.stack().serverUrl);
  await agent.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await agent.getByLabel('Password').fill(ADMIN.password);
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByRole('switch', { name: 'Available' }).waitFor();
  const res = await fetch(`${env.stack().server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

let current: Playbook = NO_STEPS;
/** Saves the demo site's playbook with the admin's session (signing in again for each would hit the rate limit). */
async function setPlaybook(playbook: Playbook): Promise<void> {
  if (playbook === current) return;
  const { sites } = (await (await api('GET', '/sites')).json()) as { sites: { id: string }[] };
  await api('PUT', `/sites/${sites[0]!.id}/playbook`, playbook);
  current = playbook;
}

// Tests that need the bot set their own playbook; the others start from none.
beforeEach(() => setPlaybook(NO_STEPS));

/** The admin's API, as the dashboard would call it. */
async function api(method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${env.stack().server.url}/api${path}`, {
    method,
    headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** The id of the open conversation whose last message is `preview`. */
async function conversationWith(preview: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const { conversations } = (await (await api('GET', '/conversations')).json()) as {
        conversations: { id: string; lastMessagePreview: string | null }[];
      };
      found = conversations.find((c) => c.lastMessagePreview?.includes(preview))?.id;
      return found;
    })
    .toBeDefined();
  return found!;
}

async function setAvailable(on: boolean) {
  const toggle = agent.getByRole('switch', { name: 'Available' });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(on));
}

/** A new visitor on the demo site (own context) with the chat open. */
async function newVisitor(viewport = { width: 1280, height: 800 }, locale = 'en-US'): Promise<Page> {
  const page = await (await env.browser().newContext({ viewport, locale })).newPage();
  await page.goto(env.stack().demoUrl);
  // The launcher and the textbox, named in the visitor's language.
  await page.getByRole('button', { name: /^(Open chat|Sohbeti aç|Odpri klepet)$/ }).click();
  await page.getByRole('textbox', { name: /^(Message|Mesaj|Sporočilo)$/ }).waitFor();
  return page;
}

const log = (page: Page) => page.getByRole('log');
const waitForText = (page: Page, t: string, timeout = 10_000) =>
  expect.poll(() => log(page).innerText(), { timeout }).toContain(t);
/** The line under the name in the header (connection, then presence). */
const headerLine = (page: Page) => page.locator('[data-livechat] >> .sub').innerText();

async function say(page: Page, body: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Whether `inner` is wholly inside the visible box of `outer`. */
async function inView(page: Page, innerText: string): Promise<boolean> {
  const inner = await log(page).getByText(innerText).boundingBox();
  const outer = await log(page).boundingBox();
  return !!inner && !!outer && inner.y >= outer.y - 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

describe('widget flows in a real browser', () => {
  it('keeps the question in view when its choice buttons and the invalid-answer notice appear', async () => {
    const long = (n: number) =>
      text(`${n}. ${'We are glad you are here and happy to help with anything. '.repeat(3)}`);
    const playbook: Playbook = {
      ...NO_STEPS,
      steps: [
        ...[1, 2, 3, 4].map((n) => ({ id: `m${n}`, kind: 'message' as const, text: long(n) })),
        {
          id: 'plan',
          kind: 'question',
          text: text('Which plan are you on?'),
          input: 'choice',
          choices: ['Starter', 'Business', 'Enterprise', 'Something else entirely'],
          field: 'custom.plan',
        },
      ],
    };
    await setPlaybook(playbook);
    const visitor = await newVisitor({ width: 1000, height: 520 });
    await visitor.getByRole('button', { name: 'Business' }).waitFor();
    await expect.poll(() => inView(visitor, 'Which plan are you on?')).toBe(true);

    await visitor.getByRole('textbox', { name: 'Message' }).fill('Gold plan');
    await visitor.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect.poll(() => visitor.getByRole('alert').innerText()).toBe('Please pick one of the options.');
    await expect.poll(() => inView(visitor, 'Which plan are you on?')).toBe(true);

    // Scrolled up to read: the log stays where the visitor put it.
    await log(visitor).evaluate((el) => (el.scrollTop = 0));
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Gold');
    await visitor.waitForTimeout(300);
    expect(await log(visitor).evaluate((el) => el.scrollTop)).toBe(0);
    await visitor.context().close();
  });

  it('shows the limit of a long message and refuses it clearly instead of cutting it', async () => {
    const visitor = await newVisitor();
    const box = visitor.getByRole('textbox', { name: 'Message' });
    const tooLong = `${'All work and no play. '.repeat(182)}ok`; // 4006 characters
    await box.fill(tooLong);
    expect(await box.inputValue()).toBe(tooLong); // never cut
    await expect.poll(() => visitor.getByText('4006/4000').count()).toBe(1);
    expect(await visitor.getByRole('alert').innerText()).toBe(
      'Please shorten your message to 4000 characters or fewer.',
    );
    expect(await visitor.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await box.press('Enter');
    expect(await log(visitor).innerText()).not.toContain('All work and no play.');

    await box.fill(tooLong.slice(0, 4000));
    await expect.poll(() => visitor.getByText('4000/4000').count()).toBe(1);
    expect(await visitor.getByRole('alert').count()).toBe(0);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await waitForText(visitor, 'All work and no play.');
    await expect.poll(() => log(visitor).innerText()).not.toContain('Sending');
    await visitor.context().close();
  });

  it("reacts to the browser's offline and online events at once", async () => {
    await setAvailable(true);
    const visitor = await newVisitor();
    await expect.poll(() => headerLine(visitor), { timeout: 10_000 }).toBe("We're online");
    const started = Date.now();
    await visitor.context().setOffline(true);
    await expect.poll(() => headerLine(visitor), { timeout: 2000 }).toBe('Offline');
    expect(Date.now() - started).toBeLessThan(2000);

    // Long enough for the backoff to grow past several seconds.
    await visitor.waitForTimeout(6000);
    await say(visitor, 'Typed without a network');
    await visitor.context().setOffline(false);
    await expect.poll(() => headerLine(visitor), { timeout: 2000 }).toBe("We're online");
    await expect.poll(() => log(visitor).innerText(), { timeout: 5000 }).not.toContain('Sending');
    await visitor.context().close();
  });

  it('keeps a closed conversation readable across reloads; writing again starts a new one below', async () => {
    const visitor = await newVisitor();
    await say(visitor, 'Where is my order 4711?');
    await waitForText(visitor, 'Where is my order 4711?');
    const id = await conversationWith('Where is my order 4711?');
    await api('POST', `/conversations/${id}/close`);
    const closed = 'This chat was closed. Write again any time to start a new one.';
    await waitForText(visitor, closed);

    await visitor.reload();
    await waitForText(visitor, 'Where is my order 4711?');
    await waitForText(visitor, closed);

    await say(visitor, 'One more question');
    await waitForText(visitor, 'One more question');
    await visitor.reload();
    await waitForText(visitor, 'One more question');
    const shown = await log(visitor).innerText();
    expect(shown.indexOf('Where is my order 4711?')).toBeLessThan(shown.indexOf(closed));
    expect(shown.indexOf(closed)).toBeLessThan(shown.indexOf('One more question'));
    await visitor.context().close();
  });

  it('names the agent in the chat, and goes back to the bot with a "left the chat" line after unassign', async () => {
    await setAvailable(false);
    const visitor = await newVisitor();
    await say(visitor, 'I need a human please');
    const id = await conversationWith('I need a human please');
    await api('POST', `/conversations/${id}/assign`);
    await waitForText(visitor, 'Admin joined the chat');
    await visitor.getByRole('heading', { name: 'Admin' }).waitFor();
    // The admin is not Available, but is in the chat: no "We're away" beside their name.
    await expect.poll(() => headerLine(visitor)).toBe('');

    await api('PUT', `/conversations/${id}/assignee`, { assigneeId: null });
    await waitForText(visitor, 'Admin left the chat');
    await visitor.getByRole('heading', { name: 'Ava' }).waitFor();
    await expect.poll(() => headerLine(visitor)).toBe("We're away — leave a message");
    await visitor.context().close();
  });

  it('keeps the status dot round when the status wraps (Turkish and Slovenian are longer)', async () => {
    await setAvailable(false);
    for (const locale of ['tr-TR', 'sl-SI']) {
      const visitor = await newVisitor({ width: 1280, height: 800 }, locale);
      const sub = visitor.locator('[data-livechat] >> .sub');
      await expect.poll(() => sub.innerText()).toMatch(/—/); // "… away — leave a message", in two lines
      expect((await sub.boundingBox())!.height).toBeGreaterThan(30);
      const dot = (await visitor.locator('[data-livechat] >> .dot').boundingBox())!;
      expect(dot.width).toBe(dot.height);
      await visitor.context().close();
    }
  });

  it('does not say "We\'re online" beside the bot saying the team is away', async () => {
    await setAvailable(true);
    await setPlaybook(e2ePlaybook(2));
    const visitor = await newVisitor();
    await visitor.getByRole('button', { name: 'A demo' }).click();
    await waitForText(visitor, 'Our team is away right now.');
    await expect.poll(() => headerLine(visitor)).toBe("We're away — leave a message");
    await visitor.context().close();
  });

  it('updates the launcher dot with presence, without a reload and without loading the chat', async () => {
    await setAvailable(false);
    const page = await (await env.browser().newContext()).newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(env.stack().demoUrl);
    const open = page.getByRole('button', { name: 'Open chat' });
    await open.waitFor();
    const dot = () => open.evaluate((el) => el.classList.contains('online'));
    const description = () =>
      open.evaluate((el) => (el.getRootNode() as ShadowRoot).getElementById('lc-note')!.textContent);
    await expect.poll(() => requested.filter((u) => u.includes('/status')).length).toBeGreaterThan(0);
    expect(await dot()).toBe(false);

    // The visitor comes back to the tab (the launcher also asks every 30 s while the page is visible).
    const comeBack = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await setAvailable(true);
    await comeBack();
    await expect.poll(dot).toBe(true);
    expect(await description()).toBe("We're online");
    await setAvailable(false);
    await comeBack();
    await expect.poll(dot).toBe(false);

    expect(requested.some((u) => u.includes('widget-chat.js') || u.includes('/ws/'))).toBe(false);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.context().close();
  });
});
