// Languages in real browsers: the admin writes Turkish bot texts on the Playbook page and a visitor whose browser is
// Turkish reads them in the widget on the demo site (another origin); an agent picks Türkçe on the Profile page and
// the whole dashboard switches at once and stays so after a reload. axe finds nothing serious on the Profile page.
import { describe, expect, it } from 'vitest';
import { useStackAndBrowser } from './browser.js';
import { e2ePlaybook } from './api.js';
import { signIn } from './dashboard-session.js';
import { seriousViolations } from './axe.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser({ playbook: e2ePlaybook(30) });

describe('languages in a real browser', () => {
  it('a Turkish visitor reads the Turkish greeting the admin wrote; an English one the default', async () => {
    const admin = await signIn(
      await (await env.browser().newContext()).newPage(),
      env.stack().serverUrl,
      ADMIN.email,
      ADMIN.password,
    );
    await admin.getByRole('link', { name: 'Playbook' }).click();
    const language = admin.getByRole('combobox', { name: 'Bot text language' });
    await language.selectOption({ label: 'Türkçe' });
    // The greeting's box now holds its Turkish text: none yet.
    const greeting = admin.getByRole('textbox', { name: 'Message text' }).first();
    expect(await greeting.inputValue()).toBe('');
    await greeting.fill('Merhaba, ben Ava. Size nasıl yardımcı olabilirim?');
    await admin.getByRole('button', { name: 'Save playbook' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Saved — version' }).count()).toBe(1);
    // The default text is untouched.
    await language.selectOption({ label: 'Default texts (English)' });
    expect(await greeting.inputValue()).toContain('Hi, I am');

    const turkish = await (await env.browser().newContext({ locale: 'tr-TR' })).newPage();
    await turkish.goto(env.stack().demoUrl);
    await turkish.getByRole('button', { name: 'Sohbeti aç' }).click();
    const log = turkish.getByRole('log');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('Merhaba, ben Ava.');
    // Untranslated texts fall back to the default ones.
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('What brings you here?');
    expect(await log.innerText()).not.toContain('Hi, I am');

    const english = await (await env.browser().newContext({ locale: 'en-US' })).newPage();
    await english.goto(env.stack().demoUrl);
    await english.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => english.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Hi, I am');
    expect(await english.getByRole('log').innerText()).not.toContain('Merhaba');
  });

  it('an agent picks Türkçe on the Profile page: the nav switches at once and stays after a reload', async () => {
    const page = await signIn(
      await (await env.browser().newContext({ locale: 'en-US' })).newPage(),
      env.stack().serverUrl,
      ADMIN.email,
      ADMIN.password,
    );
    await page.getByRole('link', { name: 'Profile' }).click();
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await language.selectOption('tr');
    await page.getByRole('button', { name: 'Save language' }).click();
    const nav = page.getByRole('navigation', { name: 'Ana menü' });
    await nav.getByRole('link', { name: 'Ayarlar' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('navigation', { name: 'Ana menü' }).getByRole('link', { name: 'Profil' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Profil');
    expect(await page.getByRole('combobox', { name: /Dil/ }).inputValue()).toBe('tr');

    // Back to English, so the other tests of this stack read English.
    await page.getByRole('combobox', { name: /Dil/ }).selectOption('en');
    await page.getByRole('button', { name: 'Dili kaydet' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).waitFor();
  });
});
