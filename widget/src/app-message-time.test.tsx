// Every message shows its time while it is hovered or focused: messages are focusable, and their <time> is written
// in the panel's language.
import { describe, expect, it } from 'vitest';
import { TOKEN, agentMessage, welcome } from './testing/fake-socket.js';
import { mountForTest, server } from './testing/mount.js';
import { PANEL_CSS } from './ui/styles.js';

const AT = Date.UTC(2026, 0, 15, 14, 5);

describe('message times', () => {
  it('are in each message, shown when the message has focus', async () => {
    const { net, root } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN));
      net.last.receive({ type: 'message.created', message: agentMessage(1, { createdAt: AT }) });
    });
    const message = root.querySelector<HTMLElement>('.msg')!;
    expect(message.tabIndex).toBe(0);
    const time = message.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(new Date(AT).toISOString());
    expect(time.textContent).toBe(new Date(AT).toLocaleTimeString('en', { timeStyle: 'short' }));
    // Hidden until the message is hovered or focused.
    expect(PANEL_CSS).toContain('.msg:not(:hover,:focus-within) time{display:none}');
    expect(getComputedStyle(time).display).toBe('none');
    message.focus();
    // Reachable by keyboard; happy-dom does not match :focus-within, so the reveal itself is checked in Chromium
    // (e2e/visitor-context.test.ts).
    expect(document.activeElement).toBe(message);
  });

  it('links URLs in message bodies, http, https and mailto only', async () => {
    const { net, root } = mountForTest();
    const body = 'See https://x.test/help). Or write to help@x.test, not javascript:alert(1)';
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN));
      net.last.receive({ type: 'message.created', message: agentMessage(1, { body }) });
    });
    const bubble = root.querySelector('.bubble')!;
    expect(bubble.textContent).toBe(body);
    expect([...bubble.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://x.test/help',
      'mailto:help@x.test',
    ]);
    for (const a of bubble.querySelectorAll('a')) expect(a.getAttribute('rel')).toContain('noopener');
  });
});
