// The playbook in a real browser, cross-origin: the widget on the demo site runs the bot, hands the chat to an
// available agent or, when nobody takes it, runs the offline flow whose answers the agent then sees. Short wait
// times are set by each test through the API, as an admin would in the editor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { e2ePlaybook, savePlaybook, text } from './api.js';
import { ADMIN } from './stack.js';
import { DEFAULT_PLAYBOOK } from '../server/src/domain/playbook/default-playbook.js';

const env = useStackAndBrowser({ playbook: e2ePlaybook(30) });
let agent: Page;

beforeAll(async () => {
  agent = await (await env.browser().newContext()).newPage();
  await agent.goto(env.stack().serverUrl);
  await agent.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await agent.getByLabel('Password').fill(ADMIN.password);
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByRole('switch', { name: 'Available' }).waitFor();
});

async function setAvailable(on: boolean) {
  const toggle = agent.getByRole('switch', { name: 'Available' });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(on));
}

/** A new visitor (own browser context) who opens the chat on the demo site and waits for the first question. */
async function newVisitor(): Promise<Page> {
  const page = await (await env.browser().newContext()).newPage();
  await page.goto(env.stack().demoUrl);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect
    .poll(() => page.getByRole('log').innerText(), { timeout: 10_000 })
    .toContain('What brings you here?');
  return page;
}

async function answer(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const logOf = (page: Page) => page.getByRole('log');
const waitForText = (page: Page, text: string, timeout = 10_000) =>
  expect.poll(() => logOf(page).innerText(), { timeout }).toContain(text);

async function openInUnassigned(match: RegExp) {
  await agent.getByRole('link', { name: /^Inbox/ }).click();
  await agent.getByRole('tab', { name: 'Unassigned', exact: true }).click();
  await agent.getByRole('link', { name: match }).first().click();
}

describe('playbook in a real browser', () => {
  it('(a) an available agent assigns within the wait: join message, name switch, messages both ways', async () => {
    await setAvailable(true);
    const visitor = await newVisitor();
    const log = logOf(visitor);
    // Rich text rendered as elements, not markup: bold and a safe link.
    await expect.poll(() => log.locator('strong', { hasText: 'Ava' }).count()).toBe(1);
    expect(await log.getByRole('link', { name: 'pricing' }).getAttribute('href')).toBe(
      'https://example.com/pricing',
    );
    expect(await visitor.getByRole('heading', { name: 'Ava' }).count()).toBe(1);

    await visitor.getByRole('button', { name: 'A demo' }).click();
    await waitForText(visitor, 'Let me find someone from the team for you.');
    const waiting = visitor.getByRole('status');
    await expect.poll(() => waiting.innerText()).toMatch(/Waiting for an agent.*\d:\d\d/s);
    const first = await waiting.innerText();
    await expect.poll(() => waiting.innerText(), { timeout: 3000 }).not.toBe(first); // it counts down

    await openInUnassigned(/Let me find someone from the team/);
    await agent.getByRole('button', { name: 'Assign to me' }).click();
    await waitForText(visitor, 'Admin joined the chat');
    await visitor.getByRole('heading', { name: 'Admin' }).waitFor();
    expect(await visitor.getByRole('status').count()).toBe(0);

    await answer(visitor, 'Could I see it next week?');
    const thread = agent.getByRole('log', { name: 'Messages' });
    await expect.poll(() => thread.innerText()).toContain('Could I see it next week?');
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Sure, Tuesday works.');
    await reply.press('Enter');
    await waitForText(visitor, 'Sure, Tuesday works.');
    await visitor.context().close();
  });

  it('(b) with nobody available: offline message and flow; the answers appear in the dashboard', async () => {
    await setAvailable(false);
    const visitor = await newVisitor();
    await visitor.getByRole('button', { name: 'Pricing' }).click();
    await waitForText(visitor, 'Our team is away right now.');
    await waitForText(visitor, 'How big is your team?');
    await answer(visitor, '25 people');
    await waitForText(visitor, 'What is your name?');
    await answer(visitor, 'Vera Lead');
    await waitForText(visitor, 'What is your email?');
    await answer(visitor, 'vera at example');
    await expect.poll(() => visitor.getByRole('alert').innerText()).toContain('valid email');
    await answer(visitor, 'vera@example.com');
    await waitForText(visitor, 'Thank you, we will be in touch.');

    await openInUnassigned(/Vera Lead/);
    const lead = agent.getByRole('complementary', { name: 'Lead data' });
    for (const value of ['Vera Lead', 'vera@example.com', '25 people', 'Pricing']) {
      await expect.poll(() => lead.innerText()).toContain(value);
    }
    await visitor.context().close();
  });

  it('(c) an agent is available but nobody assigns: after the wait, the offline path', async () => {
    await setAvailable(true);
    await savePlaybook(env.stack().server.url, e2ePlaybook(3));
    const visitor = await newVisitor();
    await visitor.getByRole('button', { name: 'A demo' }).click();
    await visitor.getByRole('status').waitFor();
    const waitingSince = Date.now();
    await waitForText(visitor, 'Our team is away right now.', 10_000);
    expect(Date.now() - waitingSince).toBeGreaterThan(1500);
    await waitForText(visitor, 'How big is your team?');
    expect(await visitor.getByRole('status').count()).toBe(0);
    await visitor.context().close();
  });

  it('(d) the server restarts during the wait and the timer still fires', async () => {
    await setAvailable(true);
    await savePlaybook(env.stack().server.url, e2ePlaybook(8));
    const visitor = await newVisitor();
    await visitor.getByRole('button', { name: 'A demo' }).click();
    await visitor.getByRole('status').waitFor();
    const waitingSince = Date.now();

    await env.stack().restartServer();
    await waitForText(visitor, 'Our team is away right now.', 20_000);
    expect(Date.now() - waitingSince).toBeGreaterThan(6000);
    await waitForText(visitor, 'How big is your team?');
    await visitor.context().close();
  });

  it('(e) renders playbook text that looks like markup as text: no script runs, no element is made', async () => {
    const markup = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    await savePlaybook(env.stack().server.url, {
      ...e2ePlaybook(30),
      steps: [{ id: 'x', kind: 'message', text: text(markup) }, ...e2ePlaybook(30).steps.slice(1)],
    });
    const visitor = await newVisitor();
    await waitForText(visitor, markup);
    expect(await logOf(visitor).locator('img, script').count()).toBe(0);
    expect(await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await visitor.context().close();
  });

  it('(f) an admin edits the playbook in the editor: inline errors, reorder, save; the widget follows', async () => {
    await savePlaybook(env.stack().server.url, e2ePlaybook(30));
    await agent.getByRole('link', { name: 'Playbook' }).click();
    const save = agent.getByRole('button', { name: 'Save playbook' });
    await save.waitFor();
    await agent.getByRole('button', { name: 'Add message' }).click();
    // The card stays last: the new message is step 3 of 4.
    const added = agent.getByRole('group', { name: 'Step 3: Message' });
    const text = added.getByRole('textbox', { name: 'Message text' });
    await text.fill('Unsafe [link](javascript:alert(1))');
    await save.click();
    await expect
      .poll(() => added.innerText())
      .toContain('Links must be http://, https:// or mailto: addresses.');
    expect(await text.getAttribute('aria-invalid')).toBe('true');

    await text.fill('Quick one: **our team replies fast**.');
    await agent.getByRole('button', { name: 'Move step 3 up' }).click();
    await agent.getByRole('spinbutton', { name: 'Wait time (seconds)' }).fill('45');
    await save.click();
    await expect
      .poll(() => agent.getByRole('status').filter({ hasText: 'Saved' }).innerText())
      .toMatch(/Saved — version \d+/);

    const visitor = await newVisitor();
    const log = await logOf(visitor).innerText();
    expect(log.indexOf('Quick one:')).toBeGreaterThan(log.indexOf('Hi, I am'));
    expect(log.indexOf('Quick one:')).toBeLessThan(log.indexOf('What brings you here?'));
    await expect
      .poll(() => logOf(visitor).locator('strong', { hasText: 'our team replies fast' }).count())
      .toBe(1);
    await visitor.context().close();
  });

  it('(g) with the playbook a new site starts with, a visitor reaches the team at once and can type meanwhile', async () => {
    await savePlaybook(env.stack().server.url, DEFAULT_PLAYBOOK);
    await setAvailable(true);
    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('status').waitFor();
    await answer(visitor, 'Do you ship to Ljubljana?');
    await openInUnassigned(/Do you ship to Ljubljana/);
    await agent.getByRole('button', { name: 'Assign to me' }).click();
    await waitForText(visitor, 'Admin joined the chat');
    await visitor.context().close();
  });
});
