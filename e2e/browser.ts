// Headless Chromium through playwright-core, with the flags this closed network needs.
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../scripts/chromium.mjs';

export function launchBrowser(): Promise<Browser> {
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
    ],
  });
}
