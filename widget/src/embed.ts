// Everything the loader does once it knows its site key: the shadow-DOM host and launcher, the public API with
// the snippet queue, and loading the chat module on first open. No storage writes and no socket here (only one
// cookie-less GET for the launcher's status and unread badge); the chat module writes and connects, and it is only
// loaded once the visitor has opened the chat (now or on an earlier page load).
import type { ChatHandle, MountChat } from './chat-api.js';
import { createApi, type LiveChatFn } from './api.js';
import { showStatus } from './launcher-status.js';
import { LAUNCHER_HTML } from './launcher-style.js';
import { defaultStorage, readRaw } from './state/storage.js';

/** `window.LiveChat`: the snippet's stub (with its queue `q`) before we load, our function after. */
export type LiveChatGlobal = LiveChatFn & { q?: Iterable<unknown>[]; loaded?: boolean };

declare global {
  interface Window {
    LiveChat?: LiveChatGlobal;
  }
}

export interface EmbedOptions {
  siteKey: string;
  serverUrl: string;
  /** Loads widget-chat.js (a dynamic import in the loader; a stub in tests). */
  importChat: () => Promise<{ mountChat: MountChat }>;
  storage?: Storage | null;
}

export function embed({
  siteKey,
  serverUrl,
  importChat,
  storage = defaultStorage(),
}: EmbedOptions): ShadowRoot {
  let chat: Promise<ChatHandle> | undefined;
  let isOpen = false;
  /** The host page's last `identify`, for the chat when it loads. */
  let who: object | null | undefined;
  const host = document.createElement('div');
  host.dataset.livechat = '';
  const root = host.attachShadow({ mode: 'open' });
  // A constant template: no host or visitor data is ever put into markup.
  root.innerHTML = LAUNCHER_HTML;
  const launcher = root.querySelector('button')!;
  document.body.append(host);
  // Messages wait unread (the server says, or the chat counted them on an earlier page): the chat loads in the
  // background to replay them and badge the launcher.
  const background = (): unknown => load().catch(() => (chat = undefined));
  // Reading is fine before the first open; only the chat module writes. The chat checks the entry's contents.
  const saved = readRaw(storage, siteKey);
  const checkStatus = showStatus(
    launcher,
    root.getElementById('lc-note')!,
    serverUrl,
    siteKey,
    saved?.token as string | undefined,
    background,
  );

  const load = (): Promise<ChatHandle> =>
    (chat ??= importChat().then(({ mountChat }) =>
      mountChat(root, {
        siteKey,
        serverUrl,
        storage,
        identity: who,
        onClose: close,
        // The chat counts what arrives while the panel is closed and badges the launcher itself.
        onMessage: (message) => api.emit('message', message),
      }),
    ));

  function open(): void {
    if (isOpen) return;
    isOpen = true;
    launcher.setAttribute('aria-busy', 'true');
    api.emit('open');
    load().then(
      (handle) => {
        launcher.removeAttribute('aria-busy');
        if (!isOpen) return;
        launcher.hidden = true;
        handle.show();
      },
      (error: unknown) => {
        chat = undefined; // let the next click retry
        launcher.removeAttribute('aria-busy');
        console.warn('LiveChat: the chat failed to load', error);
        close();
      },
    );
  }

  function close(): void {
    if (!isOpen) return;
    isOpen = false;
    // Give focus back to the launcher only if the visitor was inside the widget.
    const hadFocus = root.activeElement !== null;
    launcher.hidden = false;
    checkStatus(); // the dot may have changed while the panel was open
    if (hadFocus) launcher.focus();
    void chat?.then(
      (handle) => handle.hide(),
      () => {},
    );
    api.emit('close');
  }

  launcher.onclick = open;

  const api = createApi(open, close, (x) => {
    who = x;
    void chat?.then((h) => h.identify(x));
  });
  const queue = window.LiveChat?.q ?? [];
  const liveChat: LiveChatGlobal = api.call;
  liveChat.loaded = true;
  window.LiveChat = liveChat;
  for (const args of [...queue]) liveChat(...([...args] as Parameters<LiveChatFn>));

  if (saved?.open === true) open();
  // Messages left unsent on the last page load, or counted unread: connect in the background (to deliver them, or
  // to show the count).
  // (Unchecked: a tampered entry at worst loads the chat early, which reads it with its checks.)
  else if ((saved?.pending as unknown[] | undefined)?.length || saved?.unread) background();
  return root;
}
