// Mounts the chat module the way the loader does, against a fake network, and cleans up after each test.
import { afterEach, vi } from 'vitest';
import { within } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { mountChat } from '../app.js';
import type { ChatHandle } from '../chat-api.js';
import { LAUNCHER_HTML } from '../launcher-style.js';
import { fakeNetwork } from './fake-socket.js';

const mounted: ChatHandle[] = [];
afterEach(() => {
  for (const handle of mounted.splice(0)) void act(() => handle.destroy());
  document.body.replaceChildren();
  localStorage.clear();
});

/**
 * `open: false` mounts the chat as the loader does in the background (to deliver unsent messages); `launcher: true`
 * puts the loader's launcher beside it, as in the widget's shadow root.
 */
export function mountForTest(net = fakeNetwork(), { open = true, launcher = false } = {}) {
  const root = document.createElement('div');
  if (launcher) root.innerHTML = LAUNCHER_HTML;
  document.body.append(root);
  const onMessage = vi.fn();
  const onClose = vi.fn();
  let handle!: ChatHandle;
  void act(() => {
    handle = mountChat(root, {
      siteKey: 'site_1',
      serverUrl: 'https://chat.example.com',
      createSocket: net.createSocket,
      storage: localStorage,
      onMessage,
      onClose,
    });
    if (open) handle.show();
  });
  mounted.push(handle);
  const ui = within(root);
  return {
    root,
    net,
    handle,
    ui,
    onMessage,
    onClose,
    /** Message bubble texts in display order. */
    bubbles: () => [...root.querySelectorAll('.bubble')].map((b) => b.textContent),
    textbox: () => ui.getByRole('textbox', { name: 'Message' }),
  };
}

/**
 * The chunks the panel fetches on first use without the visitor asking (a question, a link, the wait, typing and
 * Seen, the page report): loaded once, so a test sees what a browser shows a moment later.
 */
const chunks = (): Promise<unknown> =>
  Promise.all([
    import('../ui/question.js'),
    import('@livechat/shared/rich-text/linked-view'),
    import('../ui/waiting-status.js'),
    import('../ui/receipts.js'),
    import('../state/typing.js'),
    import('../state/page-report.js'),
  ]);

/** Runs server-side steps and flushes the renders (and promise callbacks) they cause, lazy chunks included. */
export async function server(steps: () => void): Promise<void> {
  // Returning a promise makes act flush after the ack callbacks that `steps` queued.
  await act(() => {
    steps();
    return Promise.resolve();
  });
  // What that render mounted may fetch a chunk: let it arrive and render (a few turns: a chunk's component renders,
  // then what it loads, such as the answer rules, settles).
  await act(async () => {
    await chunks();
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  });
}
