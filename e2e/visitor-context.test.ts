// Visitor context in real browsers, cross-origin: a visitor on the demo site (Tokyo time, a British browser) chats;
// the agent's open side panel region "Visitor" shows their page, browser and OS and local time, and follows them to
// another page (a full navigation, then an in-page one) without a reload. The widget shows each message's time on
// focus, and links URLs in messages.
import { describe, expect, it } from 'vitest';
import { useStackAndBrowser } from './browser.js';
import { NO_STEPS } from './api.js';
import { ADMIN } from './stack.js';
import { signIn } from './dashboard-session.js';

const env = useStackAndBrowser({ playbook: NO_STEPS });

describe('visitor context in real browsers', () => {
  it('the agent sees where the visitor is, live', async () => {
    const agent = await signIn(
      await (await env.browser().newContext()).newPage(),
      env.stack().serverUrl,
      ADMIN.email,
      ADMIN.password,
    );
    const visitor = await (
      await env.browser().newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' })
    ).newPage();
    const errors: string[] = [];
    for (const page of [agent, visitor]) page.on('pageerror', (err) => errors.push(err.message));

    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor
      .getByRole('textbox', { name: 'Message' })
      .fill('Where is my order? See https://example.com/o/1.');
    await visitor.getByRole('button', { name: 'Send' }).click();
    const log = visitor.getByRole('log');
    await expect.poll(() => log.innerText()).toContain('Where is my order?');

    await agent.getByRole('link', { name: /Where is my order\?/ }).click();
    const panel = agent.getByRole('region', { name: 'Visitor' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('Acme Bikes — demo site');
    const shown = await panel.innerText();
    expect(shown).toMatch(/Chrome \d+ on Linux/);
    expect(shown).toContain('(Asia/Tokyo)');
    expect(shown).toContain('en-GB');
    const current = panel.getByRole('link', { name: 'Acme Bikes — demo site' }).first();
    expect(await current.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await current.getAttribute('target')).toBe('_blank');
    // The URL in the message is a link on both sides; its trailing "." is not.
    const thread = agent.getByRole('log', { name: 'Messages' });
    expect(await thread.getByRole('link', { name: 'https://example.com/o/1' }).getAttribute('href')).toBe(
      'https://example.com/o/1',
    );
    expect(await log.getByRole('link', { name: 'https://example.com/o/1' }).getAttribute('href')).toBe(
      'https://example.com/o/1',
    );

    // A full navigation: the widget connects on the new page and says so; the agent's panel follows, no reload.
    const agentLoads: string[] = [];
    agent.on('framenavigated', (frame) => agentLoads.push(frame.url()));
    await visitor.goto(`${env.stack().demoUrl.replace(/\/$/, '')}/pricing`);
    const open = visitor.getByRole('button', { name: 'Open chat' });
    await Promise.race([open.waitFor(), log.waitFor()]);
    if (await open.isVisible()) await open.click();
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('Pricing — Acme Bikes');

    // In-page navigation (a single-page app): hashchange is reported too.
    await visitor.evaluate(() => {
      document.title = 'Shipping — Acme Bikes';
      location.hash = 'shipping';
    });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('Shipping — Acme Bikes');
    const pages = panel.getByRole('list', { name: 'Pages visited' });
    const visited = await pages.innerText();
    for (const title of ['Acme Bikes — demo site', 'Pricing — Acme Bikes', 'Shipping — Acme Bikes'])
      expect(visited).toContain(title);
    expect(agentLoads).toEqual([]);

    // Each widget message shows its time when focused (hidden otherwise).
    const message = log.locator('.msg').first();
    const time = message.locator('time');
    await agent.bringToFront();
    await visitor.mouse.move(0, 0);
    expect(await time.isVisible()).toBe(false);
    await message.focus();
    await expect.poll(() => time.isVisible()).toBe(true);
    expect(await time.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(errors).toEqual([]);
  });
});
