// Headless Chromium through playwright-core, with the flags this closed network needs.
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startStack, type Stack } from './stack.js';
import { findChromium } from '../scripts/chromium.mjs';

/** `extraArgs`: more flags, e.g. Chromium's fake microphone for the voice recorder. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** A test file's stack and browser: started before its tests, stopped after them. */
export function useStackAndBrowser(options: Parameters<typeof startStack>[0] = {}): {
  stack: () => Stack;
  browser: () => Browser;
} {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  return { stack: () => stack!, browser: () => browser! };
}
