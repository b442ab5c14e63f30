// Accessibility: axe-core finds no serious or critical violations in the dashboard's screens or in the widget
// (inside its Shadow DOM) on the demo site.
import { describe, expect, it } from 'vitest';
import { useStackAndBrowser } from './browser.js';
import { seriousViolations } from './axe.js';
import { ADMIN } from './stack.js';
import { e2ePlaybook } from './api.js';

// The default playbook, so the open widget shows the bot's rich text and choice buttons.
const env = useStackAndBrowser({ playbook: e2ePlaybook(60) });

describe('accessibility (axe-core)', () => {
  it('has no serious violations on the sign-in screen, the inbox, the team, playbook and embed pages', async () => {
    const page = await (await env.browser().newContext()).newPage();
    await page.goto(env.stack().serverUrl);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Team', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.getByRole('button', { name: 'Add agent' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Playbook' }).click();
    await page.getByRole('button', { name: 'Save playbook' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // With an inline validation error showing.
    await page.getByRole('textbox', { name: 'Bot name' }).fill('');
    await page.getByRole('button', { name: 'Save playbook' }).click();
    await page
      .getByRole('textbox', { name: 'Bot name', exact: true })
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The emptied name is an unsaved edit: leaving the page asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Embed' }).click();
    await page.getByRole('button', { name: 'Copy snippet' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const [link, ready] of [
      ['Leads', 'Export CSV'],
      ['Saved replies', 'Add saved reply'],
      ['Teams', 'New team'],
      ['Webhooks', 'Add webhook'],
      ['Settings', 'Play a sound'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByText(ready).first().waitFor();
      expect(await seriousViolations(page), link).toEqual([]);
    }
  });

  it('has no serious violations in the widget, closed and open', async () => {
    const page = await (await env.browser().newContext()).newPage();
    await page.goto(env.stack().demoUrl);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('button', { name: 'Pricing' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A validation message and the offline flow's question.
    await page.getByRole('button', { name: 'Pricing' }).click();
    await page.getByText('How big is your team?').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
