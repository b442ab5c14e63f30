// Business hours in real browsers: an admin sets opening times that are closed now; a visitor on the demo site gets
// the offline message and is told when the team is back, although the admin is available.
import { describe, expect, it } from 'vitest';
import { useStackAndBrowser } from './browser.js';
import { e2ePlaybook } from './api.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser({ playbook: e2ePlaybook(30) });
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

describe('business hours in a real browser', () => {
  it('outside them the visitor gets the offline flow and when the team is back', async () => {
    const admin = await (await env.browser().newContext()).newPage();
    await admin.goto(env.stack().serverUrl);
    await admin.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const available = admin.getByRole('switch', { name: 'Available' });
    if ((await available.getAttribute('aria-checked')) !== 'true') await available.click();
    await expect.poll(() => available.getAttribute('aria-checked')).toBe('true');

    // Every day one hour, two hours from now (UTC): closed now.
    const start = (new Date().getUTCHours() + 2) % 24;
    const opens = hh(start);
    const closes = start === 23 ? '23:59' : hh(start + 1);
    await admin.getByRole('link', { name: 'Business hours' }).click();
    const on = admin.getByRole('switch', { name: 'Use business hours' });
    await on.click();
    await expect.poll(() => on.getAttribute('aria-checked')).toBe('true');
    await admin.getByRole('combobox', { name: 'Time zone' }).selectOption('UTC');
    for (const day of DAYS) {
      const closed = admin.getByRole('checkbox', { name: `${day} closed` });
      if (await closed.isChecked()) await closed.uncheck();
      await admin.getByLabel(`${day} opens`).fill(opens);
      await admin.getByLabel(`${day} closes`).fill(closes);
    }
    await admin.getByRole('button', { name: 'Save business hours' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);

    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const log = visitor.getByRole('log');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('What brings you here?');
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Pricing');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => log.innerText(), { timeout: 10_000 })
      .toMatch(
        new RegExp(`Our team is away right now\\.[\\s\\S]*We're back on \\w+ at ${opens} \\(UTC\\)\\.`),
      );
    expect(await log.innerText()).not.toContain('Let me find someone from the team for you.');
  });
});
