// Team management in a real browser: an admin invites an agent by link; the agent opens it, chooses a password and
// lands in the inbox; deactivating them signs their open dashboard out at once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();

async function signedInAdmin(): Promise<Page> {
  const page = await (await env.browser().newContext()).newPage();
  await page.goto(env.stack().serverUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByRole('button', { name: 'Add agent' }).waitFor();
  return page;
}

describe('team in a real browser', () => {
  it('invites an agent by link, who signs up and is signed out at once when deactivated', async () => {
    const admin = await signedInAdmin();
    await admin.getByLabel('Name').fill('Maja Novak');
    await admin.getByRole('textbox', { name: 'Email' }).fill('maja@example.com');
    await admin.getByRole('button', { name: 'Add agent' }).click();
    const link = await admin.getByRole('textbox', { name: 'Invite link' }).inputValue();
    expect(link).toMatch(new RegExp(`^${env.stack().serverUrl}/#/invite/`));

    const maja = await (await env.browser().newContext()).newPage();
    await maja.goto(link);
    await maja.getByText('Welcome, Maja Novak').waitFor();
    await maja.getByLabel('Password').fill('maja-password-1');
    await maja.getByRole('button', { name: 'Set password and sign in' }).click();
    await maja.getByRole('button', { name: 'Sign out' }).waitFor();
    // Not an admin: no Team page.
    expect(await maja.getByRole('link', { name: 'Team', exact: true }).count()).toBe(0);

    await admin.reload();
    const row = admin.getByRole('row', { name: /Maja Novak/ });
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await maja.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
  });
});
