// Identified visitors in real browsers, cross-origin (the demo site embeds widget.js from the chat server). Each
// browser context is a device. The site's identity secret comes from the admin API; the test signs like a site's
// backend would. A identifies before the widget loads (the snippet queue) and chats; B opens the chat anonymously,
// then identifies as the same user and gets A's conversation; C identifies with a forged signature: no history, a
// console warning, a working anonymous chat.
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { apiCall, apiSignIn } from './dashboard-session.js';

const env = useStackAndBrowser();
let secret: string;

beforeAll(async () => {
  const { serverUrl } = env.stack();
  const cookie = await apiSignIn(serverUrl, ADMIN.email, ADMIN.password);
  const sites = (await (await fetch(`${serverUrl}/api/sites`, { headers: { cookie } })).json()) as {
    sites: { id: string }[];
  };
  const made = await apiCall(
    serverUrl,
    'POST',
    `/api/sites/${sites.sites[0]!.id}/identity-secret`,
    {},
    cookie,
  );
  secret = ((await made.json()) as { secret: string }).secret;
});

const identity = (userId: string, key = secret) => {
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  const signature = createHmac('sha256', key).update(`${userId}:${expiresAt}`).digest('hex');
  return { userId, email: `${userId}@example.com`, name: 'Dana', expiresAt, signature };
};

/** A new device on the demo site; `identify` is queued before the page's own scripts run (like a site's snippet). */
async function device(identify?: ReturnType<typeof identity>) {
  const page = await (await env.browser().newContext()).newPage();
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  if (identify)
    await page.addInitScript((who) => {
      const w = window as unknown as { LiveChat: ((...a: unknown[]) => void) & { q?: unknown[][] } };
      w.LiveChat = function (...args: unknown[]) {
        (w.LiveChat.q = w.LiveChat.q || []).push(args);
      };
      w.LiveChat('identify', who);
    }, identify);
  await page.goto(env.stack().demoUrl);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  return { page, warnings };
}

async function say(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => page.getByRole('log').innerText()).toContain(text);
  // Stored (acked), not only shown: a message still unsent when the page identifies goes out as the identified user.
  await expect.poll(() => page.getByRole('log').innerText(), { timeout: 10_000 }).not.toContain('Sending…');
}

describe('identified visitors in real browsers', () => {
  it("a verified user's history follows them to a second device; a forged identity gets none and a warning", async () => {
    const a = await device(identity('dana-7'));
    await say(a.page, 'Hello from my laptop');
    expect(a.warnings.filter((w) => w.includes('Identity not verified'))).toEqual([]);

    // B: an anonymous chat first, then the page identifies the same user (the loaded chat reconnects as them).
    const b = await device();
    await say(b.page, 'Anonymous on the phone');
    await b.page.evaluate(
      (who) => (window as unknown as { LiveChat: (...a: unknown[]) => void }).LiveChat('identify', who),
      identity('dana-7'),
    );
    const bLog = b.page.getByRole('log');
    await expect.poll(() => bLog.innerText(), { timeout: 10_000 }).toContain('Hello from my laptop');
    expect(await bLog.innerText()).not.toContain('Anonymous on the phone');
    await say(b.page, 'And now from my phone');
    await expect
      .poll(() => a.page.getByRole('log').innerText(), { timeout: 10_000 })
      .toContain('And now from my phone');

    // C: the same user id with a signature made with another key: anonymous, told so on the console.
    const c = await device(identity('dana-7', 'f'.repeat(64)));
    await expect
      .poll(() => c.warnings.join('\n'), { timeout: 10_000 })
      .toMatch(/LiveChat: Identity not verified: the signature does not match/);
    await say(c.page, 'Who am I?');
    const cLog = await c.page.getByRole('log').innerText();
    expect(cLog).not.toContain('Hello from my laptop');
    expect(cLog).not.toContain('And now from my phone');
  });
});
