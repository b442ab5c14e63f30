// The security headers in a real browser (matrix row 19): the built dashboard works under its strict CSP with no
// violation, another page cannot frame it, and customer sites still load the widget cross-origin.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();

/** Records CSP violations (the event, and the console line Chromium prints) and uncaught errors of a page. */
async function watched(): Promise<{ page: Page; problems: string[] }> {
  const context = await env.browser().newContext();
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return { page, problems };
}

describe('security headers in a real browser', () => {
  it('the dashboard renders and works under its CSP with no violation', async () => {
    const { page, problems } = await watched();
    const response = await page.goto(env.stack().serverUrl);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // Every page of the admin's dashboard, including the socket (connect-src) and styles.
    for (const name of ['Team', 'Playbook', 'Inbox']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForLoadState('networkidle');
    }
    const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(styled).not.toBe('');
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('the dashboard loads without a failed request (its icon included)', async () => {
    const page = await (await env.browser().newContext()).newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      // Signed out, the app's question "who am I?" is answered 401 by design.
      const expected = r.status() === 401 && r.url().endsWith('/api/auth/me');
      if (r.status() >= 400 && !expected) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(env.stack().serverUrl);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href);
    expect(icon).toBeTruthy();
    expect((await page.request.get(icon!)).status()).toBe(200);
    expect(failed).toEqual([]);
  });

  it('another page cannot frame the dashboard', async () => {
    const { page, problems } = await watched();
    await page.goto(env.stack().demoUrl);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'framed dashboard';
      document.body.append(frame);
    }, env.stack().serverUrl);
    await expect
      .poll(() => problems.some((p) => /frame-ancestors|Refused to (display|frame)/.test(p)))
      .toBe(true);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    // Blocked: the frame never shows the sign-in form.
    expect(
      await framed
        ?.getByRole('button', { name: 'Sign in' })
        .count()
        .catch(() => 0),
    ).toBe(0);
  });

  it('a customer site still loads the widget and its chat panel cross-origin', async () => {
    const { page, problems } = await watched();
    const loaded: string[] = [];
    page.on('response', (r) => {
      if (/widget(-chat)?\.js$/.test(new URL(r.url()).pathname)) loaded.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(env.stack().demoUrl);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(loaded.some((l) => l.startsWith('200') && l.endsWith('/widget.js'))).toBe(true);
    expect(loaded.some((l) => l.startsWith('200') && l.endsWith('/widget-chat.js'))).toBe(true);
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
