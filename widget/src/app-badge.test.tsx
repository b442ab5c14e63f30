// The launcher's unread badge: the chat counts agents' messages that arrive while the panel is closed (also those an
// agent wrote while the visitor was away, which the replay brings), badges the launcher with the count and describes
// it for screen readers, keeps the count across page loads, and clears it when the visitor opens the panel.
import { describe, expect, it, vi } from 'vitest';
import { within } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { TOKEN, agentMessage, welcome } from './testing/fake-socket.js';
import { mountForTest, server } from './testing/mount.js';
import { browserLanguages } from './testing/user.js';

/** The loader's launcher, named as the loader names it. */
const launcherOf = (root: HTMLElement) => {
  const launcher = root.querySelector<HTMLElement>('.launcher')!;
  launcher.setAttribute('aria-label', 'Open chat');
  return launcher;
};
const stored = () => JSON.parse(localStorage.getItem('livechat:site_1') ?? '{}') as { unread?: number };

describe('unread badge', () => {
  it('counts replayed and live agent messages while closed, and clears when the panel opens', async () => {
    const { net, root, handle } = mountForTest(undefined, { open: false, launcher: true });
    const launcher = launcherOf(root);
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN, { history: ['c1'] }));
      net.last.receive({
        type: 'message.created',
        message: agentMessage(1, { body: 'Your order is ready' }),
      });
    });
    await vi.waitFor(() => expect(launcher.dataset.n).toBe('1'));
    expect(launcher.classList.contains('unread')).toBe(true);
    // The name stays "Open chat"; the description carries the count after the online note.
    expect(
      within(root).getByRole('button', { name: 'Open chat', description: /^\s*1 unread message$/ }),
    ).toBe(launcher);
    expect(stored().unread).toBe(1);

    await server(() => net.last.receive({ type: 'message.created', message: agentMessage(2) }));
    await vi.waitFor(() => expect(launcher.dataset.n).toBe('2'));
    expect(launcher.getAttribute('aria-describedby')).toBe('lc-note lc-unread');
    expect(root.querySelector('#lc-unread')?.textContent).toBe('2 unread messages');

    await act(() => handle.show());
    await vi.waitFor(() => expect(launcher.classList.contains('unread')).toBe(false));
    expect(root.querySelector('#lc-unread')?.textContent).toBe('');
    expect(stored().unread).toBe(0);
    // Read now: arriving while the panel is open counts nothing.
    await server(() => net.last.receive({ type: 'message.created', message: agentMessage(3) }));
    expect(stored().unread).toBe(0);
  });

  it('keeps the count for the next page load until the visitor opens the chat', async () => {
    localStorage.setItem(
      'livechat:site_1',
      JSON.stringify({ token: TOKEN, seen: { conversationId: 'c1', seq: 1 }, unread: 1 }),
    );
    const { root } = mountForTest(undefined, { open: false, launcher: true });
    const launcher = launcherOf(root);
    await vi.waitFor(() => expect(launcher.dataset.n).toBe('1'));
    expect(launcher.classList.contains('unread')).toBe(true);
  });

  it("describes the count in the visitor's language", async () => {
    browserLanguages(['sl']);
    const { net, root } = mountForTest(undefined, { open: false, launcher: true });
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN, { history: ['c1'] }));
      for (const seq of [1, 2, 3]) net.last.receive({ type: 'message.created', message: agentMessage(seq) });
    });
    await vi.waitFor(() =>
      expect(root.querySelector('#lc-unread')?.textContent).toBe('3 neprebrana sporočila'),
    );
  });
});
