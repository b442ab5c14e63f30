// The runtime: hears the agent socket's frames, keeps the tab title's unread count, and shows desktop
// notifications and the chime as the agent's settings say.
import type { Conversation, NotificationSettings } from '@livechat/shared/model';
import type { AgentServerFrame } from '@livechat/shared/protocol';
import { parseRoute, routeHref } from '../state/route.js';
import { classify, frameConversationId, leftAgent, shouldNotify, type Alert } from './classify.js';
import { showDesktop } from './desktop.js';
import { beep } from './beep.js';
import { addUnread, clearUnread, countsAsUnread, totalUnread, unreadTitle, type Unread } from './unread.js';

export interface NotifierOptions {
  agentId: string;
  /** What the inbox knows of a conversation, before the frame being handled is applied to it. */
  lookup: (conversationId: string) => Conversation | undefined;
  settings: () => NotificationSettings | null;
  /** Test seams; the defaults are the browser's. */
  show?: (alert: Alert, onClick: () => void) => void;
  playSound?: () => void;
  isFocused?: () => boolean;
  /** The conversation open in the inbox (whether or not the tab has focus). */
  openConversationId?: () => string | null;
}

const openInRoute = (): string | null => {
  const route = parseRoute(location.hash);
  return route.page === 'inbox' ? route.conversationId : null;
};

export class Notifier {
  private unread: Unread = new Map();
  private baseTitle = '';
  private readonly show: NonNullable<NotifierOptions['show']>;
  private readonly playSound: () => void;
  private readonly isFocused: () => boolean;
  private readonly openConversationId: () => string | null;
  private readonly onFocus = () => this.setUnread(new Map());
  private readonly onRoute = () => {
    const viewing = this.viewing();
    if (viewing) this.setUnread(clearUnread(this.unread, viewing));
  };

  constructor(private readonly options: NotifierOptions) {
    this.show = options.show ?? ((alert, onClick) => void showDesktop(alert, onClick));
    this.playSound = options.playSound ?? beep;
    this.isFocused = options.isFocused ?? (() => document.hasFocus());
    this.openConversationId = options.openConversationId ?? openInRoute;
  }

  start(): void {
    this.baseTitle = document.title;
    addEventListener('focus', this.onFocus);
    addEventListener('hashchange', this.onRoute);
  }

  stop(): void {
    removeEventListener('focus', this.onFocus);
    removeEventListener('hashchange', this.onRoute);
    this.unread = new Map();
    document.title = this.baseTitle;
  }

  /** Call before the inbox applies the frame, so `lookup` still answers with what was known before it. */
  handleFrame(frame: AgentServerFrame): void {
    const gone = leftAgent(frame, this.options.agentId);
    if (gone) this.setUnread(clearUnread(this.unread, gone));
    const id = frameConversationId(frame);
    const alert = classify(frame, {
      agentId: this.options.agentId,
      previous: id === null ? undefined : this.options.lookup(id),
    });
    if (!alert) return;
    const viewing = this.viewing();
    if (countsAsUnread(alert) && alert.conversationId !== viewing)
      this.setUnread(addUnread(this.unread, alert.conversationId));
    const settings = this.options.settings();
    if (!settings || !shouldNotify(alert, settings, viewing)) return;
    this.show(alert, () => this.openFromNotification(alert.conversationId));
    if (settings.sound) this.playSound();
  }

  /** Unseen items, as the title shows them. */
  unreadCount(): number {
    return totalUnread(this.unread);
  }

  private openFromNotification(conversationId: string): void {
    window.focus();
    location.hash = routeHref({ page: 'inbox', conversationId });
    this.setUnread(clearUnread(this.unread, conversationId));
  }

  /** The conversation the agent is looking at: open in the inbox while the tab has focus. */
  private viewing(): string | null {
    return this.isFocused() ? this.openConversationId() : null;
  }

  private setUnread(unread: Unread): void {
    this.unread = unread;
    document.title = unreadTitle(totalUnread(unread), this.baseTitle);
  }
}
