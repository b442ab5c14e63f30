// The Teams page in a real browser: an admin adds a team, is refused a name taken in another case, chooses members,
// renames it and deletes it after the question (a real modal <dialog>).
import { describe, expect, it } from 'vitest';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();

describe('teams in a real browser', () => {
  it('adds, refuses a duplicate, chooses members, renames and deletes a team', async () => {
    const page = await (await env.browser().newContext()).newPage();
    await page.goto(env.stack().serverUrl);
    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Teams', exact: true }).click();

    const name = page.getByRole('form', { name: 'Add a team' }).getByRole('textbox', { name: 'Team name' });
    await name.fill('Sales');
    await page.getByRole('button', { name: 'New team' }).click();
    const sales = page.getByRole('region', { name: 'Sales', exact: true });
    await sales.getByText('No members yet.').waitFor();
    expect(await name.inputValue()).toBe('');

    await name.fill('sales');
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByText('A team named Sales already exists.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Choose members of Sales' }).click();
    await page.getByRole('checkbox', { name: 'Admin' }).check();
    await page.getByRole('button', { name: 'Save members' }).click();
    await sales.getByRole('listitem').filter({ hasText: 'Admin' }).waitFor();

    await page.getByRole('button', { name: 'Rename Sales' }).click();
    const rename = page
      .getByRole('form', { name: 'Rename Sales' })
      .getByRole('textbox', { name: 'Team name' });
    await rename.fill('Key accounts');
    await page.getByRole('button', { name: 'Save name' }).click();
    const renamed = page.getByRole('region', { name: 'Key accounts' });
    await renamed.waitFor();

    // Reloaded: what the server stored.
    await page.reload();
    await renamed.getByRole('listitem').filter({ hasText: 'Admin' }).waitFor();

    await page.getByRole('button', { name: 'Delete Key accounts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Key accounts?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete Key accounts' }).click();
    await dialog.getByRole('button', { name: 'Delete team' }).click();
    await page.getByText('No teams yet.', { exact: false }).waitFor();
    await page.reload();
    await page.getByText('No teams yet.', { exact: false }).waitFor();
  });
});
