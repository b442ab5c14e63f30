// One visitor's chat: the connection, the message list and what survives a reload. The UI reads `get()` and
// re-renders on `subscribe`; it never touches the socket or storage itself.
import { createClientId, type Command, type ConnectionStatus } from '@livechat/shared/client';
import { CloseCode, LIMITS, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import type { Attachment, Message } from '@livechat/shared/model';
import type {
  ConversationStart,
  VisitorHello,
  VisitorIdentity,
  VisitorMessageSend,
  VisitorRead,
  VisitorServerFrame,
  WidgetSite,
} from '@livechat/shared/protocol';
import type { ChatOptions } from '../chat-api.js';
import { createVisitorClient } from '../transport/visitor-client.js';
import {
  EMPTY,
  addConversations,
  addPending,
  clearConfirmed,
  confirm,
  lastSeq,
  setStatus,
  type Messages,
} from './messages.js';
import { defaultStorage, readSaved, writeSaved, type Saved, type SavedMessage } from './storage.js';
import type { Typing } from './typing.js';

export interface SessionState {
  messages: Messages;
  status: ConnectionStatus;
  /** A welcome arrived on this page load: later outages read "Reconnecting…", not "Connecting…". */
  connectedOnce: boolean;
  /** The server refused this site (origin or site key): nothing can be sent. */
  unavailable: boolean;
  /** The browser says the network is gone (its `offline` event). */
  netDown: boolean;
  open: boolean;
  /** Whether an agent is available (welcome, then `presence`); undefined when the server does not say. */
  online?: boolean;
  /** The bot's name and avatar and the site's default language, from the welcome. */
  site?: WidgetSite;
  /** Server clock minus this device's clock, in ms (0 until a welcome says the server's time). */
  clockOffset: number;
  /** Agents' and the bot's messages that arrived while the panel was closed (the launcher's badge). */
  unread: number;
  /** The agent typing now, by name (ui/receipts.tsx shows it). */
  typing?: string | undefined;
  /** How far the team has read, per conversation: the visitor's "Seen". */
  read?: Record<string, number>;
}

// Function-typed properties, not methods: the UI passes them around unbound.
export interface ChatSession {
  get: () => SessionState;
  subscribe: (listener: () => void) => () => void;
  /**
   * Queues a message (shown at once as "Sending…"), with files uploaded beforehand (then `body` is their caption and
   * may be empty); false when there is nothing to send.
   */
  send: (body: string, files?: readonly Attachment[]) => boolean;
  retry: (clientId: string) => void;
  setOpen: (open: boolean) => void;
  destroy: () => void;
  /** The host page identified the visitor (again): start over as whoever the server now says they are. */
  identify: (who: object | null) => void;
  /** The visitor's token (undefined until the first welcome): files are uploaded and fetched with it. */
  token: () => string | undefined;
  /** The message box changed: agents see "is typing" (and the draft, where the site shares it). */
  typed: (text: string) => void;
  /** The server and site the chat was mounted for: where files go. */
  options: ChatOptions;
}

const isMessageSend = (c: Command): c is Command & VisitorMessageSend => c.type === 'message.send';

export function createChatSession(options: ChatOptions): ChatSession {
  const { siteKey, onMessage } = options;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const saved = readSaved(storage, siteKey);
  let token = saved.token;
  let seen = saved.seen;
  /**
   * Where a reconnect resumes: the newest conversation a message arrived for (the server replays conversations
   * oldest first), else the first the welcome announced; null when the visitor has none; undefined until the
   * first welcome of this page load.
   */
  let conversationId: string | null | undefined;
  let retriedAuth = false;
  let identity = options.identity;
  let destroyed = false;
  let state: SessionState = {
    messages: EMPTY,
    status: 'connecting',
    connectedOnce: false,
    unavailable: false,
    netDown: !navigator.onLine,
    open: false,
    clockOffset: 0,
    // Counted on an earlier page load and not read yet (the loader saw the count and loaded the chat).
    unread: saved.unread ?? 0,
  };
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  /** The visitor's typing (typing.ts, loaded at the first keystroke), and the last read position sent. */
  let typing: Typing | undefined;
  let readSeq = 0;

  /** The panel is open and the page visible: the team's dashboards learn how far the visitor has seen. */
  function markRead(): void {
    const id = conversationId;
    const seq = id ? lastSeq(state.messages, id) : 0;
    if (id && state.open && !document.hidden && seq > readSeq) {
      readSeq = seq;
      client.cast<VisitorRead>({ type: 'read', conversationId: id, seq });
    }
  }

  /** The `conversation.start` of this page load: sent once; the client resends it after a reconnect until acked. */
  let startId: string | undefined;
  const listeners = new Set<() => void>();

  const update = (patch: Partial<SessionState>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  const persist = (): void => {
    const pending: SavedMessage[] = client.pending.filter(isMessageSend).map(({ id, body }) => ({
      id,
      body,
      files: state.messages.pending.find((m) => m.clientId === id)?.attachments,
    }));
    const entry: Saved = { token, open: state.open, pending, seen, unread: state.unread };
    writeSaved(storage, siteKey, entry);
  };

  const hello = (): VisitorHello => {
    const frame: VisitorHello = { type: 'hello', v: PROTOCOL_VERSION };
    if (token) frame.token = token;
    if (identity) {
      // Only the fields the protocol knows, whatever else the host's object holds.
      const { userId, email, name, expiresAt, signature } = identity as VisitorIdentity;
      frame.identity = { userId, email, name, expiresAt, signature };
    }
    // No resume on the first connection of a page load: the server then replays the visitor's recent conversations.
    if (conversationId) frame.resume = { conversationId, afterSeq: lastSeq(state.messages, conversationId) };
    return frame;
  };

  /** A stored message, from an ack, a `message.created` echo or a replay. */
  function receive(m: Message): void {
    const result = confirm(state.messages, m);
    const { order } = result.messages;
    const at = order.indexOf(m.conversationId);
    // A newer conversation (the visitor wrote after a close, or the replay moved on): resume from there.
    if (!conversationId || at > order.indexOf(conversationId)) conversationId = m.conversationId;
    if (result.added) {
      // Reported on an earlier page load: an older conversation, or this one up to the seq reported last.
      const known =
        seen &&
        (at < order.indexOf(seen.conversationId) ||
          (seen.conversationId === m.conversationId && m.seq <= seen.seq));
      if (!known) {
        seen = { conversationId: m.conversationId, seq: m.seq };
        const { kind, name } = m.author;
        if (kind === 'agent' || kind === 'bot') {
          onMessage({ author: { kind, name }, body: m.body });
          // Counted into the state `update` below copies (subscribers hear of it there).
          if (!state.open) state.unread++;
        }
      }
    }
    update({ messages: result.messages });
  }

  function onFrame(frame: VisitorServerFrame): void {
    if (frame.type === 'welcome') {
      if (frame.token) token = frame.token;
      // Earlier conversations stay listed; the server replays the announced ones (oldest first) after this.
      const history = frame.history ?? [];
      const announced = frame.conversationId ? [...history, frame.conversationId] : history;
      conversationId = history[0] ?? frame.conversationId ?? conversationId ?? null;
      update({
        messages: addConversations(state.messages, announced),
        connectedOnce: true,
        online: frame.online ?? state.online,
        site: frame.site ?? state.site,
        clockOffset: frame.serverTime === undefined ? state.clockOffset : frame.serverTime - Date.now(),
      });
      persist();
      // After the client has resent its outbox for this welcome, so the start goes out once.
      queueMicrotask(startIfOpen);
      readSeq = 0;
      page();
    } else if (frame.type === 'message.created') {
      if (frame.message.author.kind === 'agent') update({ typing: undefined });
      receive(frame.message);
      persist();
      // Once a burst (a replay) has settled: one read frame for it.
      clearTimeout(readTimer);
      readTimer = setTimeout(markRead, 300);
    } else if (frame.type === 'presence') {
      update({ online: frame.online });
    } else if (frame.type === 'typing') {
      // Forgotten after 5 s without news: a lost "stopped" must not leave it typing.
      clearTimeout(typingTimer);
      if (frame.typing) typingTimer = setTimeout(() => update({ typing: undefined }), 5e3);
      update({ typing: frame.typing ? frame.name : undefined });
    } else if (frame.type === 'read.moved') {
      update({ read: { ...state.read, [frame.conversationId]: frame.seq } });
    } else if (frame.type === 'error') {
      // Not about a command (e.g. the identity did not verify): the chat goes on; the host page's console says why.
      console.warn('LiveChat:', frame.message);
    }
    // Other frames (and unknown types from newer servers) are ignored.
  }

  function onStatus(status: ConnectionStatus, closeCode?: number): void {
    // A fatal close code; our own stop() carries none.
    if (status === 'stopped' && closeCode !== undefined) {
      const deleted = closeCode === CloseCode.ConversationDeleted;
      if (deleted || (closeCode === CloseCode.Unauthorized && !retriedAuth)) {
        // The stored token is unknown or expired: start over as a new visitor, once. A deleted conversation is
        // forgotten (the server replays what is left). Unsent messages stay queued either way.
        if (!deleted) {
          retriedAuth = true;
          token = undefined;
        }
        conversationId = undefined;
        update({ messages: clearConfirmed(state.messages) });
        persist();
        client.start();
        return;
      }
      update({ status, unavailable: true });
      return;
    }
    update({ status });
  }

  function deliver(id: string, body: string, files?: readonly Attachment[]): void {
    const command: VisitorMessageSend = { type: 'message.send', id, body };
    if (files?.length) command.attachments = files.map((f) => f.id);
    client.send(command).then(
      (ack) => {
        if (destroyed) return;
        if (ack.message) receive(ack.message);
        else update({ messages: setStatus(state.messages, id, 'sent') });
        persist();
      },
      () => {
        if (destroyed) return;
        update({ messages: setStatus(state.messages, id, 'failed') });
        persist();
      },
    );
    persist();
  }

  /**
   * The visitor has the chat open and the server says there is no conversation: start one, so the playbook greets
   * them. Not for a chat loaded in the background to deliver unsent messages.
   */
  function startIfOpen(): void {
    if (destroyed || !state.open || conversationId !== null || startId || state.unavailable) return;
    const command: ConversationStart = { type: 'conversation.start', id: createClientId() };
    startId = command.id;
    client.send(command).catch(() => {
      startId = undefined; // refused (e.g. rate limited): the next open or welcome tries again
    });
  }

  const client = createVisitorClient({
    serverUrl: options.serverUrl,
    siteKey,
    hello,
    onFrame,
    onStatus,
    ...(options.createSocket && { createSocket: options.createSocket }),
  });
  // The browser knows at once when the network goes or comes back: no waiting for a heartbeat or a backoff.
  const network = (e: Event): void => {
    const netDown = e.type === 'offline';
    if (netDown) client.dropNow();
    else client.reconnectNow();
    update({ netDown });
  };

  /** Where the visitor is, for the agents' side panel (page-report.ts). */
  function page(): void {
    import('./page-report.js').then(
      (m) => client.send(m.pageView()).catch(() => {}),
      () => {},
    );
  }
  // In-page navigation; a tick later, as the page may set its new title after the event.
  const navigate = (): void => void setTimeout(page);

  // Messages a previous page load could not deliver: same ids, so the server stores each at most once.
  for (const { id, body, files } of saved.pending ?? []) {
    update({ messages: addPending(state.messages, id, body, files) });
    deliver(id, body, files);
  }
  client.start();
  window.addEventListener('online', network);
  window.addEventListener('offline', network);
  window.addEventListener('popstate', navigate);
  window.addEventListener('hashchange', navigate);
  document.addEventListener('visibilitychange', markRead);

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(body, files) {
      const text = body.trim();
      // Never cut: the composer says when a message is over the limit, and the server would refuse it.
      if ((!text && !files?.length) || text.length > LIMITS.maxMessageLength || state.unavailable)
        return false;
      const id = createClientId();
      update({ messages: addPending(state.messages, id, text, files) });
      deliver(id, text, files);
      typing?.sent();
      return true;
    },
    retry(clientId) {
      const message = state.messages.pending.find((m) => m.clientId === clientId && m.status === 'failed');
      if (!message) return;
      update({ messages: setStatus(state.messages, clientId, 'sending') });
      deliver(clientId, message.body, message.attachments);
    },
    setOpen(open) {
      update(open ? { open, unread: 0 } : { open });
      persist();
      startIfOpen();
      markRead();
    },
    typed(text) {
      import('./typing.js').then(
        (m) =>
          (typing ??= m.createTyping(
            (f) => client.cast(f),
            () => state.site?.typingPreview,
          )).typed(text),
        () => {},
      );
    },
    destroy() {
      destroyed = true;
      window.removeEventListener('online', network);
      window.removeEventListener('offline', network);
      window.removeEventListener('popstate', navigate);
      window.removeEventListener('hashchange', navigate);
      document.removeEventListener('visibilitychange', markRead);
      listeners.clear();
      client.stop();
    },
    identify(who) {
      if (who === identity) return;
      identity = who;
      // Another person's conversations, or none: replayed afresh after the new hello.
      conversationId = undefined;
      update({ messages: clearConfirmed(state.messages) });
      client.dropNow();
      client.reconnectNow();
    },
    token: () => token,
    options,
  };
}
