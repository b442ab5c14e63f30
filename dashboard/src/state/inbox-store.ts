// The inbox: conversations and their messages, fed by HTTP (lists, history) and the agent socket (live events).
// Framework-free so it can be tested without rendering; components read it through useStore.
import type { AssigneeBody, FolderCounts } from '@livechat/shared/api';
import {
  MAX_ATTACHMENTS,
  type Activity,
  type Agent,
  type Attachment,
  type Conversation,
  type Message,
} from '@livechat/shared/model';
import type {
  AckFrame,
  AgentHello,
  AgentMessageSend,
  AgentServerFrame,
  ConversationWatch,
} from '@livechat/shared/protocol';
import {
  AGENT_SOCKET_PATH,
  CloseCode,
  ErrorCode,
  LIMITS,
  PROTOCOL_VERSION,
} from '@livechat/shared/protocol/constants';
import { canSee, type InboxViewer } from '@livechat/shared/inbox';
import type { VisitorContext } from '@livechat/shared/model';
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
  applyListAnswer,
  applyMessage,
  removeConversation,
  upsertConversation,
  type ConversationMap,
} from './conversation-list.js';
import { mergeActivities } from './activities.js';
import { inScope, isSearching, joinsLive, listQuery, NO_FILTERS, type ListFilters } from './list-filters.js';
import {
  emptyThread,
  highestSeq,
  mergeMessages,
  replaceMessage,
  settlePending,
  type PendingReply,
  type Thread,
} from './thread.js';
import { DEFAULT_FOLDER, viewerOf, type FolderId } from './folders.js';
import { isNewerThanGone, markGone, unmarkGone, type Gone, type GoneMap } from './gone.js';
import { debounce, type Debounced } from './debounce.js';
import { ReceiptsStore, type ReceiptsOptions } from './receipts-store.js';

const DELETED_NOTICE = 'This conversation was deleted.';

export interface InboxState {
  connection: ConnectionStatus;
  /** Close code of the last drop, to explain why the socket is offline or stopped. */
  closeCode: number | null;
  folder: FolderId;
  filters: ListFilters;
  /** Every conversation held: the lists', the open one's, and what live frames brought. */
  conversations: ConversationMap;
  /** The current list: the server's answer for the folder and filters, plus conversations that joined it live. */
  listIds: ReadonlySet<string>;
  /** Folder sizes from the server; null until the first answer. */
  counts: FolderCounts | null;
  listLoading: boolean;
  listError: string | null;
  openId: string | null;
  threads: ReadonlyMap<string, Thread>;
  /** The agents-only timeline of conversations that were opened, oldest first. */
  activities: ReadonlyMap<string, readonly Activity[]>;
  /** Conversations the agent lost sight of (given to a colleague, or taken by one first), and why. */
  removed: GoneMap;
  /** Conversations the server does not know, or that are not the agent's to see: the same "not found". */
  notFound: ReadonlySet<string>;
  /** Visitor context pushed live (`visitor.context.updated`) per conversation: the side panel's "Visitor". */
  visitorContexts: ReadonlyMap<string, VisitorContext>;
}

type ConversationCalls =
  | 'list'
  | 'counts'
  | 'get'
  | 'messages'
  | 'assign'
  | 'setAssignee'
  | 'close'
  | 'reopen'
  | 'setTags'
  | 'activities'
  | 'addNote';

export interface InboxStoreOptions {
  api?: Pick<ConversationsApi, ConversationCalls>;
  createSocket?: (url: string) => SocketLike;
  socketUrl?: () => string;
  /** The session is gone (HTTP 401, or the socket closed with 4001/4010): show the sign-in screen. */
  onSignedOut?: () => void;
  /** The agent as the server sees them at each welcome (role, availability). */
  onAgent?: (agent: Agent) => void;
  /** Overrides for typing, seen receipts and unread counts (tests). */
  receipts?: Omit<ReceiptsOptions, 'cast'>;
  /** Timing overrides for the reconnecting client (tests). */
  client?: Pick<
    ClientOptions<AgentServerFrame>,
    'minDelayMs' | 'maxDelayMs' | 'heartbeatMs' | 'deadAfterMs' | 'random'
  >;
  now?: () => number;
  /** A burst of events asks for the folder counts once, this long after the last (ms). */
  countsDelayMs?: number;
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
    filters: NO_FILTERS,
    conversations: new Map(),
    listIds: new Set(),
    counts: null,
    listLoading: false,
    listError: null,
    openId: null,
    threads: new Map(),
    activities: new Map(),
    removed: new Map(),
    notFound: new Set(),
    visitorContexts: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  private readonly client: ReconnectingClient<AgentServerFrame, AckFrame>;
  private readonly api: NonNullable<InboxStoreOptions['api']>;
  private readonly now: () => number;
  /** Bumped per list request so only the latest response is applied. */
  private listGeneration = 0;
  /** Conversations live frames added to / removed from the list since the latest list request started. */
  private addedLive = new Set<string>();
  private removedLive = new Set<string>();
  private readonly gapFills = new Set<string>();
  /** Who is signed in, from the socket's welcome: what they may see, and which chats are theirs. */
  private agent: Pick<Agent, 'id' | 'role'> | null = null;
  /**
   * Bumped per conversation whenever the agent loses or regains sight of it: an answer to a request made before
   * is about another state of affairs and is dropped.
   */
  private readonly epochs = new Map<string, number>();
  /** A burst of events and actions asks for the folder counts once. */
  private readonly countsRefresh: Debounced;
  private readonly onBrowserOnline = () => this.client.reconnectNow();
  /** Typing, seen receipts and unread counts: they hear every frame this store does, and cast on its socket. */
  readonly receipts: ReceiptsStore;

  constructor(private readonly options: InboxStoreOptions = {}) {
    this.api = options.api ?? conversationsApi;
    this.now = options.now ?? Date.now;
    this.countsRefresh = debounce(() => void this.refreshCounts(), options.countsDelayMs ?? 300);
    this.client = new ReconnectingClient<AgentServerFrame, AckFrame>({
      ...options.client,
      url: options.socketUrl ?? defaultSocketUrl,
      hello: () => this.hello(),
      onFrame: (frame) => this.handleFrame(frame),
      onStatus: (status, code) => this.handleStatus(status, code),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.receipts = new ReceiptsStore({ ...options.receipts, cast: (frame) => this.client.cast(frame) });
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
    void this.refreshCounts();
  }

  stop(): void {
    globalThis.removeEventListener?.('online', this.onBrowserOnline);
    this.countsRefresh.cancel();
    this.receipts.stop();
    this.client.stop();
  }

  /** Shows a folder; picking one while a search spans them all ends the search. */
  setFolder(folder: FolderId): void {
    const { filters } = this.state;
    const searching = isSearching(filters);
    if (folder === this.state.folder && !searching) return;
    this.set({
      folder,
      listIds: new Set(),
      filters: searching ? { ...filters, q: '', status: '' } : filters,
    });
    void this.refreshList();
  }

  setFilters(filters: ListFilters): void {
    this.set({ filters });
    void this.refreshList();
  }

  /**
   * Takes the conversation for the signed-in agent. Resolves to the server's message when refused (e.g. a colleague
   * took it first), after asking for the conversation and the list again so they show who has it.
   */
  assign(conversationId: string): Promise<string | null> {
    return this.act(
      conversationId,
      () => this.api.assign(conversationId),
      (error) => {
        if (this.agent?.role !== 'admin' && hasCode(error, ErrorCode.AlreadyAssigned)) {
          // A colleague was faster: the chat is theirs now, out of this agent's sight, with the server's words.
          this.forget(conversationId, { notice: errorMessage(error) });
        } else {
          // Quietly, unless it is gone: a conversation the agent may no longer see keeps its last known state.
          void this.fetchConversation(conversationId, isNotFound(error));
        }
        void this.refreshList();
      },
    );
  }

  /**
   * Gives the conversation to any active agent, back to Unassigned, or to a team's queue. Resolves to a refusal or
   * null.
   */
  reassign(conversationId: string, target: AssigneeBody): Promise<string | null> {
    return this.act(conversationId, () => this.api.setAssignee(conversationId, target));
  }

  /** Closes the conversation, sending the closing message chosen (or none). Resolves to the refusal, or null. */
  close(conversationId: string, closingMessageId?: string | null): Promise<string | null> {
    return this.act(conversationId, () => this.api.close(conversationId, closingMessageId));
  }

  /** Opens a closed conversation again (where the site allows it). Resolves to the server's refusal, or null. */
  reopen(conversationId: string): Promise<string | null> {
    return this.act(conversationId, () => this.api.reopen(conversationId));
  }

  /** The admin deleted the conversation: out of every list at once, and its view says so (every socket hears too). */
  deleted(conversationId: string): void {
    this.forget(conversationId, { notice: DELETED_NOTICE });
    this.countsRefresh.schedule();
  }

  setTags(conversationId: string, tags: string[]): Promise<string | null> {
    return this.act(conversationId, () => this.api.setTags(conversationId, tags));
  }

  /** Adds an internal note (never sent to the visitor). Resolves to the server's refusal, or null. */
  async addNote(conversationId: string, body: string): Promise<string | null> {
    try {
      const activity = await this.api.addNote(conversationId, body);
      this.addActivities(conversationId, [activity]);
      return null;
    } catch (error) {
      this.checkSignedOut(error);
      return errorMessage(error);
    }
  }

  /** Something else changed the conversation's timeline (a lead or deal was created): show its events. */
  timelineChanged(conversationId: string): void {
    void this.loadActivities(conversationId);
  }

  /** Shows a conversation: loads its history over HTTP if not held, then asks the socket for anything newer. */
  open(conversationId: string | null): void {
    if (conversationId === this.state.openId) return;
    this.set({ openId: conversationId });
    if (conversationId === null || this.state.removed.has(conversationId)) return;
    // Not found last time: asked again, it may be the agent's to see by now.
    if (this.state.notFound.has(conversationId)) this.clearNotFound(conversationId);
    if (!this.state.conversations.has(conversationId)) void this.fetchConversation(conversationId);
    if (!this.state.activities.has(conversationId)) void this.loadActivities(conversationId);
    const thread = this.state.threads.get(conversationId);
    if (thread?.status === 'ready') this.watch(conversationId);
    // A stale thread was complete up to its highest seq, so only newer messages are fetched.
    else if (thread?.status === 'stale') void this.loadThread(conversationId, highestSeq(thread.messages));
    else if (thread?.status !== 'loading') void this.loadThread(conversationId, 0);
  }

  /**
   * Queues a reply (words, uploaded files with the words as their caption, or both); it shows as pending until the
   * server acks or echoes it. Returns false if not sendable.
   */
  send(conversationId: string, text: string, attachments: readonly Attachment[] = []): boolean {
    const body = text.trim();
    if (body.length === 0 && attachments.length === 0) return false;
    if (body.length > LIMITS.maxMessageLength || attachments.length > MAX_ATTACHMENTS) return false;
    if (!this.state.threads.has(conversationId)) return false;
    const reply: PendingReply = {
      clientId: createClientId(),
      conversationId,
      body,
      ...(attachments.length > 0 && { attachments }),
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
    this.receipts.handleFrame(frame);
    switch (frame.type) {
      case 'welcome':
        this.agent = { id: frame.agent.id, role: frame.agent.role };
        this.handleWelcome();
        this.options.onAgent?.(frame.agent);
        break;
      case 'message.created':
        this.addMessages(frame.message.conversationId, [frame.message]);
        this.countsRefresh.schedule();
        break;
      case 'message.updated':
        this.updateMessage(frame.message);
        break;
      case 'conversation.updated':
        this.applyConversation(frame.conversation);
        this.countsRefresh.schedule();
        break;
      case 'conversation.removed':
        this.forget(frame.conversationId, frame.reason === 'deleted' ? { notice: DELETED_NOTICE } : {});
        this.countsRefresh.schedule();
        break;
      case 'activity.created':
        this.addActivities(frame.activity.conversationId, [frame.activity]);
        break;
      case 'visitor.context.updated':
        this.set({
          visitorContexts: new Map(this.state.visitorContexts).set(frame.conversationId, frame.context),
        });
        break;
      case 'typing':
      case 'read.moved':
        // The receipts store's (above).
        break;
      case 'ack':
      case 'error':
      case 'pong':
        // Answers to commands arrive through send(); unknown event types match nothing (additive protocol).
        break;
    }
  }

  async refreshList(): Promise<void> {
    const generation = ++this.listGeneration;
    this.addedLive = new Set();
    this.removedLive = new Set();
    this.set({ listLoading: true, listError: null });
    try {
      const fresh = await this.api.list(listQuery(this.state.folder, this.state.filters));
      if (generation !== this.listGeneration) return;
      const live = { added: this.addedLive, removed: this.removedLive };
      const { returned, ...answer } = applyListAnswer(this.state, fresh, live);
      this.set({ ...answer, listLoading: false });
      for (const id of returned) this.cameBack(id);
    } catch (error) {
      if (generation !== this.listGeneration) return;
      this.set({ listLoading: false, listError: errorMessage(error) });
      this.checkSignedOut(error);
    }
  }

  /** Folder sizes, now. Events and actions ask through `countsRefresh`, which batches them. */
  async refreshCounts(): Promise<void> {
    try {
      this.set({ counts: await this.api.counts() });
    } catch (error) {
      // The numbers keep their last value; the list shows connection problems.
      this.checkSignedOut(error);
    }
  }

  /**
   * Runs one of the agent's changes to a conversation. The server's copy is kept, counts and the timeline
   * follow; a refusal resolves to its message (after `onRefused`).
   */
  private async act(
    conversationId: string,
    call: () => Promise<Conversation>,
    onRefused?: (error: unknown) => void,
  ): Promise<string | null> {
    try {
      this.applyConversation(await call());
      return null;
    } catch (error) {
      this.checkSignedOut(error);
      onRefused?.(error);
      return errorMessage(error);
    } finally {
      this.countsRefresh.schedule();
      if (this.state.activities.has(conversationId)) void this.loadActivities(conversationId);
    }
  }

  /**
   * What the signed-in agent may see, by the shared rules; null before the first welcome. Until the counts tell
   * whether the site shows agents bot-only chats, one the server sent is taken as visible.
   */
  private viewer(): InboxViewer | null {
    if (!this.agent) return null;
    const viewer = viewerOf(this.agent, this.state.counts);
    return this.state.counts === null ? { ...viewer, seesBotChats: true } : viewer;
  }

  /**
   * A newer copy of a conversation: held, and added to the list when it now belongs there. A copy the agent may not
   * see (they handed it to a colleague) makes it go; a newer visible copy of a gone one brings it back.
   */
  private applyConversation(conversation: Conversation): void {
    const { id } = conversation;
    const held = this.state.conversations.get(id);
    if (held && held.updatedAt > conversation.updatedAt) return;
    const viewer = this.viewer();
    if (viewer && !canSee(viewer, conversation)) {
      this.forget(id, { assigneeId: conversation.assigneeId, since: conversation.updatedAt });
      return;
    }
    if (!isNewerThanGone(this.state.removed, conversation)) return;
    const conversations = upsertConversation(this.state.conversations, conversation);
    const current = conversations.get(id)!;
    let { listIds } = this.state;
    const { folder, filters } = this.state;
    const belongs =
      viewer !== null && inScope(current, folder, filters, viewer) && joinsLive(current, filters);
    if (belongs && !listIds.has(id)) {
      listIds = new Set(listIds).add(id);
      this.addedLive.add(id);
    }
    // Gone, or "not found" when last asked: the agent may see it now.
    const returned = this.state.removed.has(id) || this.state.notFound.has(id);
    this.set({ conversations, listIds, removed: unmarkGone(this.state.removed, id) });
    if (returned) this.cameBack(id);
  }

  /** The agent may no longer see the conversation: out of every list, its history dropped, why remembered. */
  private forget(id: string, news: Partial<Gone>): void {
    this.removedLive.add(id);
    this.addedLive.delete(id);
    this.bumpEpoch(id);
    const since = Math.max(news.since ?? 0, this.state.conversations.get(id)?.updatedAt ?? 0);
    const listIds = new Set(this.state.listIds);
    listIds.delete(id);
    const threads = new Map(this.state.threads);
    threads.delete(id);
    const activities = new Map(this.state.activities);
    activities.delete(id);
    const notFound = new Set(this.state.notFound);
    notFound.delete(id);
    this.set({
      conversations: removeConversation(this.state.conversations, id),
      listIds,
      threads,
      activities,
      notFound,
      removed: markGone(this.state.removed, id, { ...news, since }),
    });
  }

  /** Visible again (given back, or unassigned): whatever was learnt before is dropped; open, it loads afresh. */
  private cameBack(id: string): void {
    this.bumpEpoch(id);
    this.clearNotFound(id);
    if (this.state.openId !== id) return;
    void this.loadThread(id, 0);
    void this.loadActivities(id);
  }

  private clearNotFound(id: string): void {
    const threads = new Map(this.state.threads);
    threads.delete(id);
    const notFound = new Set(this.state.notFound);
    notFound.delete(id);
    this.set({ threads, notFound });
  }

  private markNotFound(id: string): void {
    this.set({ notFound: new Set(this.state.notFound).add(id) });
  }

  private epoch(id: string): number {
    return this.epochs.get(id) ?? 0;
  }

  private bumpEpoch(id: string): void {
    this.epochs.set(id, this.epoch(id) + 1);
  }

  private async loadActivities(id: string): Promise<void> {
    const epoch = this.epoch(id);
    try {
      const fresh = await this.api.activities(id);
      if (epoch !== this.epoch(id) || this.state.removed.has(id)) return;
      const activities = new Map(this.state.activities);
      activities.set(id, mergeActivities(activities.get(id) ?? [], fresh));
      this.set({ activities });
    } catch (error) {
      // The messages still show; the events are a supplement.
      this.checkSignedOut(error);
    }
  }

  /** Live or own activities, for a conversation whose timeline was loaded (others load in full when opened). */
  private addActivities(conversationId: string, incoming: readonly Activity[]): void {
    const held = this.state.activities.get(conversationId);
    if (!held) return;
    const merged = mergeActivities(held, incoming);
    if (merged === held) return;
    const activities = new Map(this.state.activities);
    activities.set(conversationId, merged);
    this.set({ activities });
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
    const { openId } = this.state;
    const threads = new Map(this.state.threads);
    for (const [id, thread] of threads) {
      if (id === openId || thread.status !== 'ready') continue;
      if (thread.pending.length === 0) threads.delete(id);
      else threads.set(id, { ...thread, status: 'stale' });
    }
    // Timeline events are not replayed: the open one is asked again, the others when next opened.
    const activities = new Map([...this.state.activities].filter(([id]) => id === openId));
    // What went out of sight (or was not found) may be the agent's again after the gap: the open one is asked
    // again, the others when next opened.
    const removed = new Map([...this.state.removed].filter(([id]) => id === openId));
    const notFound = new Set([...this.state.notFound].filter((id) => id === openId));
    this.set({ threads, activities, removed, notFound });
    void this.refreshList();
    void this.refreshCounts();
    if (openId !== null && activities.has(openId)) void this.loadActivities(openId);
    if (openId !== null && (removed.has(openId) || notFound.has(openId)))
      void this.fetchConversation(openId, false);
  }

  private handleStatus(connection: ConnectionStatus, closeCode?: number): void {
    this.set({ connection, closeCode: closeCode ?? (connection === 'online' ? null : this.state.closeCode) });
    if (connection === 'stopped' && closeCode !== undefined && SIGNED_OUT_CODES.includes(closeCode)) {
      this.options.onSignedOut?.();
    }
  }

  /** `failThread`: a refusal shows in the conversation's view (404: "not found"); otherwise it stays quiet. */
  private async fetchConversation(id: string, failThread = true): Promise<void> {
    const epoch = this.epoch(id);
    try {
      const conversation = await this.api.get(id);
      if (epoch === this.epoch(id)) this.applyConversation(conversation);
    } catch (error) {
      this.checkSignedOut(error);
      if (!failThread || epoch !== this.epoch(id)) return;
      if (isNotFound(error)) this.markNotFound(id);
      else this.updateThread(id, (t) => ({ ...t, status: 'error', error: errorMessage(error) }), true);
    }
  }

  private async loadThread(id: string, afterSeq: number): Promise<void> {
    const epoch = this.epoch(id);
    this.updateThread(id, (t) => ({ ...t, status: 'loading', error: null }), true);
    try {
      await this.fetchAfter(id, afterSeq);
      if (epoch !== this.epoch(id)) return;
      this.updateThread(id, (t) => ({ ...t, status: 'ready' }));
      // Messages stored between the HTTP read and now arrive through the watch replay.
      if (this.state.openId === id) this.watch(id);
    } catch (error) {
      this.checkSignedOut(error);
      if (epoch !== this.epoch(id)) return;
      if (isNotFound(error)) this.markNotFound(id);
      this.updateThread(id, (t) => ({ ...t, status: 'error', error: errorMessage(error) }));
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
      ...(reply.attachments && { attachments: reply.attachments.map((a) => a.id) }),
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

  /** A held message changed (an SMS delivery report). Threads not loaded get it with their history when opened. */
  private updateMessage(message: Message): void {
    const thread = this.state.threads.get(message.conversationId);
    if (!thread) return;
    const messages = replaceMessage(thread.messages, message);
    if (messages === thread.messages) return;
    const threads = new Map(this.state.threads);
    threads.set(message.conversationId, { ...thread, messages });
    this.set({ threads });
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

const hasCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;

/** Unknown, or not this agent's to see: the server answers both alike. */
const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
