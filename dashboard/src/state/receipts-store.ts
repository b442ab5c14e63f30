// Typing, seen receipts and unread counts in the dashboard. Fed by the agent socket's frames (through the inbox
// store) and by HTTP: the agent's unread counts (refreshed after each welcome and after events that change them),
// each open conversation's read positions. Sends the agent's typing over the socket, throttled, and their reads.
import type { ConversationReads, Unread } from '@livechat/shared/api';
import { TYPING_EXPIRY_MS, type AgentClientFrame, type AgentServerFrame } from '@livechat/shared/protocol';
import { receiptsApi } from '../api/index.js';
import { debounce, type Debounced } from './debounce.js';

/** Someone typing in a conversation: who, their draft where the site shares it, and until when it holds. */
export interface Typing {
  name: string;
  kind: 'visitor' | 'agent';
  text?: string;
  until: number;
}

export interface ReceiptsState {
  typing: ReadonlyMap<string, Typing>;
  reads: ReadonlyMap<string, ConversationReads>;
  /** null until the first answer. */
  unread: Unread | null;
}

export interface ReceiptsOptions {
  /** Sends a frame on the socket if it is online (dropped otherwise). */
  cast: (frame: AgentClientFrame) => void;
  api?: typeof receiptsApi;
  now?: () => number;
  /** How long after the last of a burst of events the unread counts are asked for again (ms). */
  refreshDelayMs?: number;
}

/** The agent's typing frames: at most one per this many ms while they type, then `false` when they stop. */
export const TYPING_THROTTLE_MS = 2000;
/** No keystroke for this long: they stopped typing. */
const TYPING_IDLE_MS = 3000;

export class ReceiptsStore {
  private state: ReceiptsState = { typing: new Map(), reads: new Map(), unread: null };
  private readonly listeners = new Set<() => void>();
  private readonly api: typeof receiptsApi;
  private readonly now: () => number;
  private readonly refresh: Debounced;
  private readonly expiry = new Map<string, ReturnType<typeof setTimeout>>();
  /** The conversation the agent is typing in, when they last said so, and the timer that says they stopped. */
  /** The newest read the agent made: sent again after a reconnect (a cast while offline is dropped). */
  private reading: { conversationId: string; seq: number } | null = null;
  private myTyping: { conversationId: string; sentAt: number; idle: ReturnType<typeof setTimeout> } | null =
    null;

  constructor(private readonly options: ReceiptsOptions) {
    this.api = options.api ?? receiptsApi;
    this.now = options.now ?? Date.now;
    this.refresh = debounce(() => void this.loadUnread(), options.refreshDelayMs ?? 300);
  }

  getState(): ReceiptsState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.refresh.cancel();
    for (const timer of this.expiry.values()) clearTimeout(timer);
    this.expiry.clear();
    if (this.myTyping) clearTimeout(this.myTyping.idle);
  }

  handleFrame(frame: AgentServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        // After every (re)connect: what changed while offline, and the read that could not be sent then.
        if (this.reading) this.options.cast({ type: 'read', ...this.reading });
        this.refresh.schedule();
        break;
      case 'typing':
        if (frame.typing)
          this.setTyping(frame.conversationId, {
            name: frame.from.name,
            kind: frame.from.kind,
            ...(frame.text !== undefined && { text: frame.text }),
            until: this.now() + TYPING_EXPIRY_MS,
          });
        else this.setTyping(frame.conversationId, null);
        break;
      case 'message.created': {
        const { conversationId, author } = frame.message;
        // Whoever sent a message has stopped typing it.
        const typing = this.state.typing.get(conversationId);
        if (
          typing &&
          typing.kind === author.kind &&
          (author.kind === 'visitor' || typing.name === author.name)
        )
          this.setTyping(conversationId, null);
        if (author.kind === 'visitor') {
          this.bumpUnread(conversationId);
          this.refresh.schedule();
        }
        break;
      }
      case 'read.moved': {
        const reads = this.state.reads.get(frame.conversationId) ?? { visitor: null, team: null, mine: null };
        const mark = { seq: frame.seq, readAt: frame.readAt };
        this.setReads(frame.conversationId, { ...reads, [frame.reader]: mark });
        if (frame.reader === 'mine') this.refresh.schedule();
        break;
      }
      case 'conversation.updated':
      case 'conversation.removed':
        // It may have moved between folders, or out of sight.
        this.refresh.schedule();
        break;
      case 'message.updated':
      case 'activity.created':
      case 'visitor.context.updated':
      case 'ack':
      case 'error':
      case 'pong':
        break;
    }
  }

  async loadUnread(): Promise<void> {
    try {
      this.set({ unread: await this.api.unread() });
    } catch {
      // Kept as it was; the next event or welcome asks again.
    }
  }

  /** Loads a conversation's read positions (on opening it). */
  async loadReads(conversationId: string): Promise<void> {
    try {
      this.setReads(conversationId, await this.api.reads(conversationId));
    } catch {
      // Not found or offline: the view shows no "Seen".
    }
  }

  /** The agent has the conversation open and in view up to `seq`: their position (and the team's) moves there. */
  markRead(conversationId: string, seq: number): void {
    const mine = this.state.reads.get(conversationId)?.mine?.seq ?? 0;
    const unread = this.state.unread?.conversations[conversationId] ?? 0;
    if (seq <= 0 || (mine >= seq && unread === 0)) return;
    this.reading = { conversationId, seq };
    this.clearUnread(conversationId);
    // Over the socket: its `read.moved` (mine) comes back to every tab of the agent, and the counts follow.
    this.options.cast({ type: 'read', conversationId, seq });
  }

  /** "Mark as unread": back to before the contact's last message; the list shows it unread. */
  async markUnread(conversationId: string): Promise<void> {
    this.setReads(conversationId, await this.api.markUnread(conversationId));
    await this.loadUnread();
  }

  /** The agent's draft changed: tells the visitor they are typing, at most every TYPING_THROTTLE_MS. */
  typed(conversationId: string, text: string): void {
    const current = this.myTyping;
    if (text.trim() === '') return this.stoppedTyping();
    if (current && current.conversationId !== conversationId) this.stoppedTyping();
    const now = this.now();
    const sentAt =
      this.myTyping && now - this.myTyping.sentAt < TYPING_THROTTLE_MS ? this.myTyping.sentAt : now;
    if (sentAt === now) this.options.cast({ type: 'typing', conversationId, typing: true });
    if (this.myTyping) clearTimeout(this.myTyping.idle);
    this.myTyping = { conversationId, sentAt, idle: setTimeout(() => this.stoppedTyping(), TYPING_IDLE_MS) };
  }

  /** They sent, cleared the draft, left the conversation or paused: the visitor stops seeing "is typing". */
  stoppedTyping(): void {
    const current = this.myTyping;
    if (!current) return;
    clearTimeout(current.idle);
    this.myTyping = null;
    this.options.cast({ type: 'typing', conversationId: current.conversationId, typing: false });
  }

  private setTyping(conversationId: string, typing: Typing | null): void {
    const timer = this.expiry.get(conversationId);
    if (timer) clearTimeout(timer);
    this.expiry.delete(conversationId);
    const next = new Map(this.state.typing);
    if (typing) {
      next.set(conversationId, typing);
      // A lost "stopped" frame must not leave it typing for ever.
      this.expiry.set(
        conversationId,
        setTimeout(() => this.setTyping(conversationId, null), typing.until - this.now()),
      );
    } else if (!next.delete(conversationId)) return;
    this.set({ typing: next });
  }

  private setReads(conversationId: string, reads: ConversationReads): void {
    const next = new Map(this.state.reads);
    next.set(conversationId, reads);
    this.set({ reads: next });
  }

  private bumpUnread(conversationId: string): void {
    const unread = this.state.unread;
    if (!unread) return;
    const conversations = {
      ...unread.conversations,
      [conversationId]: (unread.conversations[conversationId] ?? 0) + 1,
    };
    this.set({ unread: { ...unread, conversations } });
  }

  private clearUnread(conversationId: string): void {
    const unread = this.state.unread;
    if (!unread || !(conversationId in unread.conversations)) return;
    const conversations = { ...unread.conversations };
    delete conversations[conversationId];
    this.set({ unread: { ...unread, conversations } });
  }

  private set(patch: Partial<ReceiptsState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
