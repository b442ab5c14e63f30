// The inbox: conversations and their messages, fed by HTTP (lists, history) and the agent socket (live events).
// Framework-free so it can be tested without rendering; components read it through useStore.
import type { Agent, Message } from '@livechat/shared/model';
import type {
  AckFrame,
  AgentHello,
  AgentMessageSend,
  AgentServerFrame,
  ConversationWatch,
} from '@livechat/shared/protocol';
import { AGENT_SOCKET_PATH, CloseCode, LIMITS, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import {
  ReconnectingClient,
  createClientId,
  type ClientOptions,
  type ConnectionStatus,
  type SocketLike,
  insertBySeq,
} from '@livechat/shared/client';
import { ApiError, conversationsApi, errorMessage, type ConversationsApi } from '../api/index.js';
import {
  applyMessage,
  replaceStatus,
  upsertConversation,
  type ConversationMap,
} from './conversation-list.js';
import {
  emptyThread,
  highestSeq,
  mergeMessages,
  settlePending,
  type PendingReply,
  type Thread,
} from './thread.js';
import { DEFAULT_FOLDER, folderById, type FolderId } from './folders.js';

export interface InboxState {
  connection: ConnectionStatus;
  /** Close code of the last drop, to explain why the socket is offline or stopped. */
  closeCode: number | null;
  folder: FolderId;
  conversations: ConversationMap;
  listLoading: boolean;
  listError: string | null;
  openId: string | null;
  threads: ReadonlyMap<string, Thread>;
}

export interface InboxStoreOptions {
  api?: Pick<ConversationsApi, 'list' | 'get' | 'messages' | 'assign'>;
  createSocket?: (url: string) => SocketLike;
  socketUrl?: () => string;
  /** The session is gone (HTTP 401, or the socket closed with 4001/4010): show the sign-in screen. */
  onSignedOut?: () => void;
  /** The agent as the server sees them at each welcome (role, availability). */
  onAgent?: (agent: Agent) => void;
  /** Timing overrides for the reconnecting client (tests). */
  client?: Pick<
    ClientOptions<AgentServerFrame>,
    'minDelayMs' | 'maxDelayMs' | 'heartbeatMs' | 'deadAfterMs' | 'random'
  >;
  now?: () => number;
}

const PAGE_SIZE = 200;
/** 50 pages of 200: enough for any real chat, and a bound if the server misbehaves. */
const MAX_PAGES = 50;
const SIGNED_OUT_CODES: readonly number[] = [CloseCode.Unauthorized, CloseCode.SessionRevoked];

export function defaultSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${AGENT_SOCKET_PATH}`;
}

export class InboxStore {
  private state: InboxState = {
    connection: 'offline',
    closeCode: null,
    folder: DEFAULT_FOLDER,
    conversations: new Map(),
    listLoading: false,
    listError: null,
    openId: null,
    threads: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  private readonly client: ReconnectingClient<AgentServerFrame, AckFrame>;
  private readonly api: NonNullable<InboxStoreOptions['api']>;
  private readonly now: () => number;
  /** Bumped per list request so only the latest response is applied. */
  private listGeneration = 0;
  /** Conversations changed by live frames since the latest list request started. */
  private touchedLive = new Set<string>();
  private readonly gapFills = new Set<string>();
  private readonly onBrowserOnline = () => this.client.reconnectNow();

  constructor(private readonly options: InboxStoreOptions = {}) {
    this.api = options.api ?? conversationsApi;
    this.now = options.now ?? Date.now;
    this.client = new ReconnectingClient<AgentServerFrame, AckFrame>({
      ...options.client,
      url: options.socketUrl ?? defaultSocketUrl,
      hello: () => this.hello(),
      onFrame: (frame) => this.handleFrame(frame),
      onStatus: (status, code) => this.handleStatus(status, code),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
  }

  getState(): InboxState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.client.start();
    globalThis.addEventListener?.('online', this.onBrowserOnline);
    void this.refreshList();
  }

  stop(): void {
    globalThis.removeEventListener?.('online', this.onBrowserOnline);
    this.client.stop();
  }

  setFolder(folder: FolderId): void {
    if (folder === this.state.folder) return;
    this.set({ folder });
    void this.refreshList();
  }

  /**
   * Takes the conversation for the signed-in agent. Resolves to the server's message when refused (e.g. a colleague
   * took it first), after asking for the conversation and the list again so they show who has it.
   */
  async assign(conversationId: string): Promise<string | null> {
    try {
      const conversation = await this.api.assign(conversationId);
      this.set({ conversations: upsertConversation(this.state.conversations, conversation) });
      return null;
    } catch (error) {
      this.checkSignedOut(error);
      // Quietly: a conversation the agent may no longer see keeps its last known state.
      void this.fetchConversation(conversationId, false);
      void this.refreshList();
      return errorMessage(error);
    }
  }

  /** Shows a conversation: loads its history over HTTP if not held, then asks the socket for anything newer. */
  open(conversationId: string | null): void {
    if (conversationId === this.state.openId) return;
    this.set({ openId: conversationId });
    if (conversationId === null) return;
    if (!this.state.conversations.has(conversationId)) void this.fetchConversation(conversationId);
    const thread = this.state.threads.get(conversationId);
    if (thread?.status === 'ready') this.watch(conversationId);
    // A stale thread was complete up to its highest seq, so only newer messages are fetched.
    else if (thread?.status === 'stale') void this.loadThread(conversationId, highestSeq(thread.messages));
    else if (thread?.status !== 'loading') void this.loadThread(conversationId, 0);
  }

  /** Queues a reply; it shows as pending until the server acks or echoes it. Returns false if not sendable. */
  send(conversationId: string, text: string): boolean {
    const body = text.trim();
    if (body.length === 0 || body.length > LIMITS.maxMessageLength) return false;
    if (!this.state.threads.has(conversationId)) return false;
    const reply: PendingReply = {
      clientId: createClientId(),
      conversationId,
      body,
      createdAt: this.now(),
      error: null,
    };
    this.updateThread(conversationId, (t) => ({ ...t, pending: [...t.pending, reply] }));
    this.dispatch(reply);
    return true;
  }

  /** Resends a refused reply with the same clientId, so the server stores it at most once. */
  retry(conversationId: string, clientId: string): void {
    const reply = this.state.threads.get(conversationId)?.pending.find((p) => p.clientId === clientId);
    if (!reply) return;
    this.patchPending(conversationId, clientId, { error: null });
    this.dispatch(reply);
  }

  discard(conversationId: string, clientId: string): void {
    this.updateThread(conversationId, (t) => ({
      ...t,
      pending: t.pending.filter((p) => p.clientId !== clientId),
    }));
  }

  /** Applies one server frame. Public so tests can drive the store without a socket. */
  handleFrame(frame: AgentServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.handleWelcome();
        this.options.onAgent?.(frame.agent);
        break;
      case 'message.created':
        this.addMessages(frame.message.conversationId, [frame.message]);
        break;
      case 'conversation.updated':
        this.touchedLive.add(frame.conversation.id);
        this.set({ conversations: upsertConversation(this.state.conversations, frame.conversation) });
        break;
      default:
        // ack/error answers arrive through send(); unknown event types are ignored (additive protocol).
        break;
    }
  }

  async refreshList(): Promise<void> {
    const generation = ++this.listGeneration;
    const { status } = folderById(this.state.folder);
    this.touchedLive = new Set();
    this.set({ listLoading: true, listError: null });
    try {
      const fresh = await this.api.list(status);
      if (generation !== this.listGeneration) return;
      this.set({
        conversations: replaceStatus(this.state.conversations, status, fresh, this.touchedLive),
        listLoading: false,
      });
    } catch (error) {
      if (generation !== this.listGeneration) return;
      this.set({ listLoading: false, listError: errorMessage(error) });
      this.checkSignedOut(error);
    }
  }

  private hello(): AgentHello {
    const id = this.state.openId;
    const thread = id ? this.state.threads.get(id) : undefined;
    if (!id || thread?.status !== 'ready') return { type: 'hello', v: PROTOCOL_VERSION };
    return {
      type: 'hello',
      v: PROTOCOL_VERSION,
      resume: { conversationId: id, afterSeq: highestSeq(thread.messages) },
    };
  }

  private handleWelcome(): void {
    // Only the open conversation is resumed; others may have missed messages, so reload them on next open.
    const threads = new Map(this.state.threads);
    for (const [id, thread] of threads) {
      if (id === this.state.openId || thread.status !== 'ready') continue;
      if (thread.pending.length === 0) threads.delete(id);
      else threads.set(id, { ...thread, status: 'stale' });
    }
    this.set({ threads });
    void this.refreshList();
  }

  private handleStatus(connection: ConnectionStatus, closeCode?: number): void {
    this.set({ connection, closeCode: closeCode ?? (connection === 'online' ? null : this.state.closeCode) });
    if (connection === 'stopped' && closeCode !== undefined && SIGNED_OUT_CODES.includes(closeCode)) {
      this.options.onSignedOut?.();
    }
  }

  private async fetchConversation(id: string, failThread = true): Promise<void> {
    try {
      const conversation = await this.api.get(id);
      this.set({ conversations: upsertConversation(this.state.conversations, conversation) });
    } catch (error) {
      if (failThread)
        this.updateThread(id, (t) => ({ ...t, status: 'error', error: errorMessage(error) }), true);
      this.checkSignedOut(error);
    }
  }

  private async loadThread(id: string, afterSeq: number): Promise<void> {
    this.updateThread(id, (t) => ({ ...t, status: 'loading', error: null }), true);
    try {
      await this.fetchAfter(id, afterSeq);
      this.updateThread(id, (t) => ({ ...t, status: 'ready' }));
      // Messages stored between the HTTP read and now arrive through the watch replay.
      if (this.state.openId === id) this.watch(id);
    } catch (error) {
      this.updateThread(id, (t) => ({ ...t, status: 'error', error: errorMessage(error) }));
      this.checkSignedOut(error);
    }
  }

  private async fetchAfter(id: string, afterSeq: number): Promise<void> {
    let after = afterSeq;
    for (let page = 0; page < MAX_PAGES; page++) {
      const messages = await this.api.messages(id, after, PAGE_SIZE);
      this.addMessages(id, messages);
      if (messages.length < PAGE_SIZE) return;
      after = messages[messages.length - 1]!.seq;
    }
  }

  private watch(conversationId: string): void {
    const afterSeq = highestSeq(this.state.threads.get(conversationId)?.messages ?? []);
    const command: ConversationWatch = {
      type: 'conversation.watch',
      id: createClientId(),
      conversationId,
      afterSeq,
    };
    this.client.send(command).catch((error: unknown) => {
      if (isStopped(error)) return;
      this.updateThread(conversationId, (t) => ({ ...t, error: errorMessage(error) }));
    });
  }

  private dispatch(reply: PendingReply): void {
    const command: AgentMessageSend = {
      type: 'message.send',
      id: reply.clientId,
      conversationId: reply.conversationId,
      body: reply.body,
    };
    this.client
      .send(command)
      .then((ack) => {
        if (ack.message) this.addMessages(reply.conversationId, [ack.message]);
        else this.discard(reply.conversationId, reply.clientId);
      })
      .catch((error: unknown) => {
        if (isStopped(error)) return;
        this.patchPending(reply.conversationId, reply.clientId, { error: errorMessage(error) });
      });
  }

  private addMessages(conversationId: string, incoming: readonly Message[]): void {
    let conversations = this.state.conversations;
    for (const m of incoming) conversations = applyMessage(conversations, m);
    const thread = this.state.threads.get(conversationId);
    if (!thread) {
      // Not loaded: its history is fetched in full when opened.
      if (conversations !== this.state.conversations) this.set({ conversations });
      return;
    }
    const before = highestSeq(thread.messages);
    const messages =
      incoming.length === 1
        ? insertBySeq(thread.messages, incoming[0]!)
        : mergeMessages(thread.messages, incoming);
    const pending = settlePending(thread.pending, incoming);
    const threads = new Map(this.state.threads);
    threads.set(conversationId, { ...thread, messages, pending });
    this.set({ conversations, threads });
    // A live message past a gap (e.g. more than the server replays) means some were missed: fetch them.
    const first = incoming[0];
    if (thread.status === 'ready' && first && first.seq > before + 1)
      void this.fillGap(conversationId, before);
  }

  private async fillGap(id: string, afterSeq: number): Promise<void> {
    if (this.gapFills.has(id)) return;
    this.gapFills.add(id);
    try {
      await this.fetchAfter(id, afterSeq);
    } catch (error) {
      this.checkSignedOut(error);
    } finally {
      this.gapFills.delete(id);
    }
  }

  private patchPending(conversationId: string, clientId: string, patch: Partial<PendingReply>): void {
    this.updateThread(conversationId, (t) => ({
      ...t,
      pending: t.pending.map((p) => (p.clientId === clientId ? { ...p, ...patch } : p)),
    }));
  }

  private updateThread(id: string, update: (thread: Thread) => Thread, create = false): void {
    const thread = this.state.threads.get(id) ?? (create ? emptyThread : undefined);
    if (!thread) return;
    const threads = new Map(this.state.threads);
    threads.set(id, update(thread));
    this.set({ threads });
  }

  private checkSignedOut(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) this.options.onSignedOut?.();
  }

  private set(patch: Partial<InboxState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function isStopped(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'stopped';
}
