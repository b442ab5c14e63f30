import type { Conversation, NotificationSettings } from '@livechat/shared/model';
import type { AgentServerFrame } from '@livechat/shared/protocol';
import { DEFAULT_NOTIFICATION_SETTINGS } from '@livechat/shared/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../test-utils/fixtures.js';
import { mockNotifications } from '../test-utils/notification-mock.js';
import { Notifier } from './notifier.js';

const me = 'ag-1';
const BASE_TITLE = 'LiveChat · Agent dashboard';

function setup({
  settings = { ...DEFAULT_NOTIFICATION_SETTINGS },
  known = [],
}: { settings?: NotificationSettings | null; known?: Conversation[] } = {}) {
  const conversations = new Map(known.map((c) => [c.id, c]));
  let focused = true;
  const playSound = vi.fn();
  const current = { settings };
  const notifier = new Notifier({
    agentId: me,
    lookup: (id) => conversations.get(id),
    settings: () => current.settings,
    playSound,
    isFocused: () => focused,
  });
  notifier.start();
  /** Delivers a frame as the socket would, then lets the inbox learn it (as the store does after the notifier). */
  const receive = (frame: AgentServerFrame) => {
    notifier.handleFrame(frame);
    if (frame.type === 'conversation.updated') conversations.set(frame.conversation.id, frame.conversation);
  };
  const blur = () => {
    focused = false;
    dispatchEvent(new Event('blur'));
  };
  const focus = () => {
    focused = true;
    dispatchEvent(new Event('focus'));
  };
  return { notifier, receive, playSound, blur, focus, current, stop: () => notifier.stop() };
}

const queued = (id: string, visitorName: string, preview: string): AgentServerFrame => ({
  type: 'conversation.updated',
  conversation: conversation({ id, visitorName, lastMessagePreview: preview }),
});
const visitorSays = (conversationId: string, body: string, seq = 2): AgentServerFrame => ({
  type: 'message.created',
  message: message(seq, { conversationId, body }),
});
const mine = (id: string) => conversation({ id, assigneeId: me, visitorName: 'Mia Mine' });

let stop: (() => void) | null = null;
beforeEach(() => {
  document.title = BASE_TITLE;
  location.hash = '#/inbox';
});
afterEach(() => {
  stop?.();
  stop = null;
});

describe('Notifier', () => {
  it('shows a new chat in Unassigned with its visitor and preview, tagged by conversation', () => {
    const { summary } = mockNotifications('granted');
    const n = setup();
    stop = n.stop;
    n.receive(queued('c-7', 'Nia New', 'Anyone there?'));
    expect(summary()).toEqual([{ title: 'New chat', body: 'Nia New: Anyone there?', tag: 'c-7' }]);
    // The same chat changing again is not new.
    n.receive(queued('c-7', 'Nia New', 'Hello??'));
    expect(summary()).toHaveLength(1);
  });

  it('shows a chat a colleague assigned to me, and visitor messages in my chats', () => {
    const { summary } = mockNotifications('granted');
    const n = setup({ known: [conversation({ id: 'c-2', visitorName: 'Ola' })] });
    stop = n.stop;
    n.receive({ type: 'conversation.updated', conversation: mine('c-2') });
    n.receive(visitorSays('c-2', 'Are you there?'));
    expect(summary()).toEqual([
      { title: 'Chat assigned to you', body: 'Mia Mine', tag: 'c-2' },
      { title: 'New message', body: 'Vera Visitor: Are you there?', tag: 'c-2' },
    ]);
  });

  it('opens the conversation from a click on the notification, focusing the window', () => {
    const { shown } = mockNotifications('granted');
    const focusWindow = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const n = setup({ known: [mine('c/3')] });
    stop = n.stop;
    n.receive(visitorSays('c/3', 'Hi'));
    shown[0]!.click();
    expect(focusWindow).toHaveBeenCalled();
    expect(location.hash).toBe('#/inbox/c%2F3');
    expect(shown[0]!.close).toHaveBeenCalled();
  });

  it('shows nothing without permission, and never asks for it', () => {
    const { shown, Notification } = mockNotifications('default');
    const n = setup({ known: [mine('c-2')] });
    stop = n.stop;
    n.receive(queued('c-7', 'Nia New', 'Anyone there?'));
    n.receive(visitorSays('c-2', 'Hi'));
    expect(shown).toEqual([]);
    expect(Notification.requestPermission).not.toHaveBeenCalled();
    expect(document.title).toBe('(2) LiveChat');
  });

  it('follows the settings, kind by kind, and shows nothing before they load', () => {
    const { summary } = mockNotifications('granted');
    const n = setup({ settings: null, known: [mine('c-2'), conversation({ id: 'c-3' })] });
    stop = n.stop;
    n.receive(queued('c-7', 'Nia', 'x'));
    expect(summary()).toEqual([]);

    n.current.settings = { newChat: false, assignedToMe: false, newMessage: false, sound: false };
    n.receive(queued('c-8', 'Nia', 'x'));
    n.receive({ type: 'conversation.updated', conversation: mine('c-3') });
    n.receive(visitorSays('c-2', 'Hi'));
    expect(summary()).toEqual([]);

    n.current.settings = { newChat: false, assignedToMe: false, newMessage: true, sound: false };
    n.receive(queued('c-9', 'Nia', 'x'));
    n.receive(visitorSays('c-2', 'Hi again', 3));
    expect(summary().map((s) => s.title)).toEqual(['New message']);

    n.current.settings = { newChat: true, assignedToMe: false, newMessage: false, sound: false };
    n.receive(queued('c-10', 'Nia', 'x'));
    n.receive(visitorSays('c-2', 'Hi again', 4));
    expect(summary().map((s) => s.title)).toEqual(['New message', 'New chat']);
  });

  it('skips messages of the conversation open in the focused tab, but not in the background', () => {
    const { summary } = mockNotifications('granted');
    const n = setup({ known: [mine('c-2')] });
    stop = n.stop;
    location.hash = '#/inbox/c-2';
    n.receive(visitorSays('c-2', 'seen'));
    expect(summary()).toEqual([]);
    expect(document.title).toBe(BASE_TITLE);

    n.blur();
    n.receive(visitorSays('c-2', 'unseen', 3));
    expect(summary()).toEqual([{ title: 'New message', body: 'Vera Visitor: unseen', tag: 'c-2' }]);
    expect(document.title).toBe('(1) LiveChat');
  });

  it('counts unseen items in the title until the agent focuses the tab or opens the chat', () => {
    mockNotifications('denied');
    const n = setup({ known: [mine('c-2'), mine('c-4')] });
    stop = n.stop;
    n.blur();
    n.receive(visitorSays('c-2', 'one'));
    n.receive(visitorSays('c-2', 'two', 3));
    n.receive(queued('c-7', 'Nia', 'x'));
    expect(document.title).toBe('(3) LiveChat');
    n.focus();
    expect(document.title).toBe(BASE_TITLE);

    // With the tab focused, a chat that is not open still counts until it is opened.
    n.receive(visitorSays('c-4', 'three', 4));
    n.receive(queued('c-8', 'Nia', 'x'));
    expect(document.title).toBe('(2) LiveChat');
    location.hash = '#/inbox/c-4';
    dispatchEvent(new HashChangeEvent('hashchange'));
    expect(document.title).toBe('(1) LiveChat');
    expect(n.notifier.unreadCount()).toBe(1);
  });

  it('drops the count of a chat a colleague took or that closed', () => {
    mockNotifications('denied');
    const n = setup();
    stop = n.stop;
    n.blur();
    n.receive(queued('c-7', 'Nia', 'x'));
    n.receive(queued('c-8', 'Nia', 'x'));
    expect(document.title).toBe('(2) LiveChat');
    n.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'c-7', assigneeId: 'ag-2' }),
    });
    n.receive({ type: 'conversation.removed', conversationId: 'c-8' });
    expect(document.title).toBe(BASE_TITLE);
  });

  it('does not count an assignment, only the messages after it', () => {
    mockNotifications('granted');
    const n = setup({ known: [conversation({ id: 'c-2' })] });
    stop = n.stop;
    n.blur();
    n.receive({ type: 'conversation.updated', conversation: mine('c-2') });
    expect(document.title).toBe(BASE_TITLE);
  });

  it('chimes only when "Play a sound" is on', () => {
    mockNotifications('granted');
    const n = setup({ known: [mine('c-2')] });
    stop = n.stop;
    n.receive(visitorSays('c-2', 'quiet'));
    expect(n.playSound).not.toHaveBeenCalled();
    n.current.settings = { ...DEFAULT_NOTIFICATION_SETTINGS, sound: true };
    n.receive(visitorSays('c-2', 'loud', 3));
    expect(n.playSound).toHaveBeenCalledTimes(1);
    // Nothing to chime about when the kind is off.
    n.current.settings = { ...DEFAULT_NOTIFICATION_SETTINGS, newMessage: false, sound: true };
    n.receive(visitorSays('c-2', 'off', 4));
    expect(n.playSound).toHaveBeenCalledTimes(1);
  });

  it('puts the title back when stopped', () => {
    mockNotifications('granted');
    const n = setup();
    n.blur();
    n.receive(queued('c-7', 'Nia', 'x'));
    expect(document.title).toBe('(1) LiveChat');
    n.stop();
    expect(document.title).toBe(BASE_TITLE);
  });
});
