// One sound for two tabs: a visitor has the demo site open in two tabs of one browser, the chat loaded in both with
// the panel closed. An agent's reply reaches both sockets and badges both launchers, but only one tab plays the
// chime (Web Locks + a note in storage, widget/src/ui/chime.ts); the next reply rings once more.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { apiCall, apiSignIn } from './dashboard-session.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();
let adminCookie = '';

beforeAll(async () => {
  adminCookie = await apiSignIn(env.stack().serverUrl, ADMIN.email, ADMIN.password);
});

/** Counts the chimes a page starts: every Web Audio context the widget makes is one sound. */
async function countingSounds(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    (window as unknown as { sounds: number }).sounds = 0;
    window.AudioContext = class extends Real {
      constructor() {
        super();
        (window as unknown as { sounds: number }).sounds++;
      }
    };
  });
}

const sounds = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { sounds: number }).sounds);

/** Opens and closes the panel, so this tab's chat stays loaded (its own socket) with the panel closed. */
async function chatLoadedAndClosed(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('dialog').waitFor();
  await page.getByRole('button', { name: 'Close chat' }).click();
}

describe('the reply sound', () => {
  it('plays in one tab of two, once per reply', async () => {
    const context = await env.browser().newContext();
    await countingSounds(context);
    const first = await context.newPage();
    await first.goto(env.stack().demoUrl);
    await first.getByRole('button', { name: 'Open chat' }).click();
    await first.getByRole('textbox', { name: 'Message' }).fill('Do you ship to Ljubljana?');
    await first.getByRole('button', { name: 'Send' }).click();
    let chat: { id: string; lastMessagePreview: string | null } | undefined;
    await expect
      .poll(
        async () => {
          const res = await fetch(`${env.stack().serverUrl}/api/conversations?folder=all`, {
            headers: { cookie: adminCookie },
          });
          const { conversations } = (await res.json()) as { conversations: NonNullable<typeof chat>[] };
          chat = conversations.find((c) => c.lastMessagePreview === 'Do you ship to Ljubljana?');
          return chat !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await first.getByRole('button', { name: 'Close chat' }).click();
    const second = await context.newPage();
    await second.goto(env.stack().demoUrl);
    await chatLoadedAndClosed(second);
    await apiCall(env.stack().serverUrl, 'POST', `/api/conversations/${chat!.id}/assign`, {}, adminCookie);

    const reply = async (clientId: string, body: string, n: string) => {
      await apiCall(
        env.stack().serverUrl,
        'POST',
        `/api/conversations/${chat!.id}/messages`,
        { clientId, body },
        adminCookie,
      );
      for (const page of [first, second])
        await expect
          .poll(() => page.getByRole('button', { name: 'Open chat' }).getAttribute('data-n'), {
            timeout: 15_000,
          })
          .toBe(n);
    };

    await reply('reply-one', 'Yes, in two days.', '1');
    await expect.poll(async () => (await sounds(first)) + (await sounds(second))).toBe(1);
    // Give a second chime time to happen, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await sounds(first)) + (await sounds(second))).toBe(1);

    await reply('reply-two', 'Shipping is free over 50 EUR.', '2');
    await expect.poll(async () => (await sounds(first)) + (await sounds(second))).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await sounds(first)) + (await sounds(second))).toBe(2);
    await context.close();
  });
});
