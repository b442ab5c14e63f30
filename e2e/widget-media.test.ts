// Rich media in a real browser, cross-origin (issue 11): on the demo site the visitor attaches an image and records a
// voice message with Chromium's fake microphone; the widget's lazy chunks load from the chat server; the agent sees
// the thumbnail and the voice message plays in the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './dashboard-session.js';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { ADMIN, startStack, type Stack } from './stack.js';

let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;
const pageErrors: string[] = [];
/** The widget's script files the visitor's browser fetched, with their status. */
const chunks: { url: string; status: number }[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ]);
  agent = await (await browser.newContext()).newPage();
  visitor = await (await browser.newContext()).newPage();
  for (const page of [agent, visitor]) page.on('pageerror', (err) => pageErrors.push(err.message));
  visitor.on('response', (r) => {
    if (/\/widget-[\w-]+\.js$/.test(r.url())) chunks.push({ url: r.url(), status: r.status() });
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A real PNG (the server reads the bytes): a corner of the demo page, as Chromium renders it. */
const screenshotPng = (page: Page) => page.screenshot({ clip: { x: 0, y: 0, width: 48, height: 32 } });

describe('files and voice messages between the widget and the dashboard', () => {
  it('the visitor sends an image and a voice message; the agent sees the thumbnail and the voice message plays', async () => {
    expect(new URL(stack.demoUrl).origin).not.toBe(new URL(stack.serverUrl).origin);
    await signIn(agent, stack.serverUrl, ADMIN.email, ADMIN.password);
    await visitor.goto(stack.demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Hello, a photo and a voice message follow');
    await box.press('Enter');
    const log = visitor.getByRole('log');
    await expect.poll(() => log.innerText()).toContain('a photo and a voice message follow');
    // No media chunk yet (the page report and typing chunks may have come; they are not media).
    expect(chunks.filter((c) => /\/widget-(files|voice|emoji|file-requests|kit)\.js$/.test(c.url))).toEqual(
      [],
    );

    // An image, picked with "Attach file", sent with a caption.
    const png = await screenshotPng(visitor);
    const [chooser] = await Promise.all([
      visitor.waitForEvent('filechooser'),
      visitor.getByRole('button', { name: 'Attach file' }).click(),
    ]);
    await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    const send = visitor.getByRole('button', { name: 'Send' });
    await expect.poll(() => send.isEnabled(), { timeout: 15_000 }).toBe(true);
    await box.fill('Here is the photo');
    await send.click();
    // The visitor's own message shows the image, fetched cross-origin with the visitor token.
    const ownThumb = visitor.getByRole('button', { name: /^Open photo/ }).locator('img');
    await expect
      .poll(() => ownThumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(png.readUInt32BE(16)); // the PNG's own width (IHDR)
    await expect.poll(() => log.innerText()).not.toContain('Sending');

    // A voice message from the fake microphone.
    await visitor.getByRole('button', { name: 'Record voice message' }).click();
    await visitor.getByRole('button', { name: 'Pause recording' }).waitFor();
    await visitor.waitForTimeout(700);
    await visitor.getByRole('button', { name: 'Pause recording' }).click();
    await visitor.getByRole('button', { name: 'Resume recording' }).click();
    await visitor.waitForTimeout(700);
    await visitor.getByRole('button', { name: 'Stop recording' }).click();
    await visitor.getByRole('button', { name: 'Delete recording' }).waitFor();
    await visitor.getByRole('button', { name: 'Send voice message' }).click();
    await expect
      .poll(() => visitor.getByRole('group', { name: 'Voice message' }).count(), { timeout: 15_000 })
      .toBe(0);
    // Shown in the visitor's log as a player, fetched like the image.
    const ownVoice = log.locator('audio[aria-label="Voice message"]');
    await expect
      .poll(
        () => ownVoice.evaluate((el: HTMLAudioElement) => el.src.startsWith('blob:') && el.readyState >= 1),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);

    // The lazy chunks came from the chat server, next to widget-chat.js.
    const loaded = chunks.map((c) => new URL(c.url).pathname);
    expect(loaded).toEqual(expect.arrayContaining(['/widget-files.js', '/widget-voice.js']));
    expect(chunks.every((c) => c.status === 200 && c.url.startsWith(stack.serverUrl))).toBe(true);

    // The agent: the thumbnail, and the voice message plays.
    // The conversation in the inbox (its preview is the newest message: the voice message, without words).
    await agent
      .getByRole('link', { name: /Visitor \d+/ })
      .first()
      .click();
    const thread = agent.getByRole('log', { name: 'Messages' });
    await expect.poll(() => thread.innerText(), { timeout: 15_000 }).toContain('Here is the photo');
    const thumb = thread.getByRole('img', { name: /^photo/ });
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        timeout: 15_000,
      })
      .toBe(true);
    const audio = thread.locator('audio[aria-label="Voice message"]');
    await expect.poll(() => audio.count(), { timeout: 15_000 }).toBe(1);
    const played = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<{ readyState: number; error: number | null; time: number }>((resolve) => {
          const done = () =>
            resolve({ readyState: el.readyState, error: el.error?.code ?? null, time: el.currentTime });
          el.addEventListener('error', done);
          el.addEventListener('canplay', () => {
            void el.play().catch(done);
            setTimeout(done, 600);
          });
          if (el.readyState >= 3) el.dispatchEvent(new Event('canplay'));
          else el.load();
          setTimeout(done, 10_000);
        }),
    );
    expect(played.error).toBeNull();
    expect(played.readyState).toBeGreaterThanOrEqual(3);
    expect(played.time).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
