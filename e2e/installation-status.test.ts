// Installation status in real browsers, cross-origin: on a fresh stack the Playbook page marks the Live Chat card
// "Not installed"; a visitor opens the demo site, which embeds the widget from the chat server; then the Embed page
// shows the demo site's origin as where the widget was last seen, and the Playbook page no longer says it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { e2ePlaybook } from './api.js';
import { ADMIN } from './stack.js';
import { signIn } from './dashboard-session.js';

const env = useStackAndBrowser({ playbook: e2ePlaybook(30) });
let admin: Page;

beforeAll(async () => {
  admin = await signIn(
    await (await env.browser().newContext()).newPage(),
    env.stack().serverUrl,
    ADMIN.email,
    ADMIN.password,
  );
});

const liveChatCard = () => admin.getByRole('group', { name: /^Step \d+: Live Chat card$/ });

describe('installation status in real browsers', () => {
  it('says "Not installed" until the widget loads on the demo site, then shows where it was seen', async () => {
    await admin.getByRole('link', { name: 'Playbook' }).click();
    await liveChatCard().getByText('Not installed').waitFor();

    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).waitFor();

    const demoOrigin = new URL(env.stack().demoUrl).origin;
    await admin.getByRole('link', { name: 'Embed' }).click();
    const installation = admin.getByRole('region', { name: 'Installation' });
    // Each try reloads the page and reads the card once it has its answer (not while it says "Loading…").
    await expect
      .poll(
        async () => {
          await admin.reload();
          await installation.getByText(/^(Last seen on|Not installed)/).waitFor();
          return installation.innerText();
        },
        { timeout: 15_000 },
      )
      .toContain(`Last seen on ${demoOrigin}/`);
    expect(await installation.getByRole('list', { name: 'Recently seen on' }).innerText()).toContain(
      demoOrigin,
    );

    await admin.getByRole('link', { name: 'Playbook' }).click();
    await liveChatCard().waitFor();
    await admin.getByRole('textbox', { name: 'Bot name' }).waitFor();
    await expect.poll(() => admin.getByText('Not installed').count()).toBe(0);
  });
});
