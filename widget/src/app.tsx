// widget-chat.js: the chat module. The loader imports it on first open and calls `mountChat` once.
import { render } from 'preact';
import type { ChatHandle, MountChat } from './chat-api.js';
import { createChatSession } from './state/chat-session.js';
import { Panel } from './ui/panel.js';
import { PANEL_CSS } from './ui/styles.js';

export type { ChatHandle, ChatOptions, MountChat, PublicMessage } from './chat-api.js';

export const mountChat: MountChat = (root, options): ChatHandle => {
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  const container = document.createElement('div');
  root.append(style, container);
  const session = createChatSession(options);
  render(<Panel session={session} onClose={options.onClose} />, container);
  // The loader's launcher is badged while messages wait unread, by a chunk fetched the first time some do.
  let badged = 0;
  const badge = (): void => {
    const { unread } = session.get();
    if (unread !== badged) {
      badged = unread;
      import('./ui/badge.js').then(
        (m) => m.badge(root, session),
        () => {},
      );
    }
  };
  session.subscribe(badge);
  badge();
  return {
    show: () => session.setOpen(true),
    hide: () => session.setOpen(false),
    identify: session.identify,
    destroy() {
      render(null, container);
      container.remove();
      style.remove();
      session.destroy();
    },
  };
};
