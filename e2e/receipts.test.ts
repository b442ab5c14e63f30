// Typing, seen receipts and unread in real browsers, cross-origin (the demo site embeds the widget from the chat
// server): the visitor's message shows unread in the agent's list, opening it clears that and the visitor sees
// "Seen"; the visitor types and the agent sees "is typing"; the agent types and the visitor sees it too.
import { describe, expect, it } from 'vitest';
import { useStackAndBrowser } from './browser.js';
import { signIn } from './dashboard-session.js';
import { ADMIN } from './stack.js';

const env = useStackAndBrowser();

describe('typing, seen and unread in a real browser', () => {
  it('unread badge, then Seen for the visitor, and typing both ways', async () => {
    const agent = await (await env.browser().newContext()).newPage();
    await signIn(agent, env.stack().serverUrl, ADMIN.email, ADMIN.password);
    expect(new URL(env.stack().demoUrl).origin).not.toBe(new URL(env.stack().serverUrl).origin);

    const visitor = await (await env.browser().newContext()).newPage();
    await visitor.goto(env.stack().demoUrl);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Hello, I have a question about pricing');
    await visitor.getByRole('button', { name: 'Send' }).click();

    // Unread in the agent's list, live.
    const row = agent.getByRole('link', { name: /Hello, I have a question about pricing/ });
    await expect.poll(() => row.getByTitle('1 unread').count(), { timeout: 10_000 }).toBe(1);

    // Opening it reads it: the badge goes, and the visitor sees "Seen" under their message.
    await row.click();
    await expect
      .poll(
        () =>
          agent
            .getByRole('link', { name: /question about pricing/ })
            .getByTitle(/unread/)
            .count(),
        {
          timeout: 10_000,
        },
      )
      .toBe(0);
    await expect.poll(() => visitor.getByText('Seen', { exact: true }).count(), { timeout: 10_000 }).toBe(1);

    // The visitor types: the agent sees it near the reply box.
    await box.fill('And one more thing');
    await expect.poll(() => agent.getByText(/is typing…/).count(), { timeout: 10_000 }).toBe(1);

    // The agent types: the visitor sees it.
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Sure, let me check');
    await expect.poll(() => visitor.getByText(/is typing…/).count(), { timeout: 10_000 }).toBe(1);
  });
});
