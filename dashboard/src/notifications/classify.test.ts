import type { AgentServerFrame } from '@livechat/shared/protocol';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { conversation, message, T0 } from '../test-utils/fixtures.js';
import { classify, decideNotification, leftAgent, type DecisionContext } from './classify.js';

const me = 'ag-1';
const all: NotificationSettings = { ...DEFAULT_NOTIFICATION_SETTINGS, sound: true };
const updated = (over: Parameters<typeof conversation>[0]): AgentServerFrame => ({
  type: 'conversation.updated',
  conversation: conversation({ lastMessagePreview: 'Do you ship to Ljubljana?', ...over }),
});
const visitorSays = (body: string, conversationId = 'c-1'): AgentServerFrame => ({
  type: 'message.created',
  message: message(5, { conversationId, body }),
});
const ctx = (over: Partial<DecisionContext> = {}): DecisionContext => ({
  agentId: me,
  previous: undefined,
  settings: all,
  viewing: null,
  ...over,
});

describe('classify', () => {
  it('calls a conversation entering Unassigned a new chat, with the visitor and preview', () => {
    expect(classify(updated({}), ctx())).toEqual({
      kind: 'newChat',
      conversationId: 'c-1',
      title: 'New chat',
      body: 'Vera Visitor: Do you ship to Ljubljana?',
    });
    // Queued after the bot talked alone, or queued again after being assigned.
    expect(classify(updated({}), ctx({ previous: conversation({ queuedAt: null }) }))?.kind).toBe('newChat');
    expect(classify(updated({}), ctx({ previous: conversation({ assigneeId: 'ag-2' }) }))?.kind).toBe(
      'newChat',
    );
    expect(classify(updated({ queuedAt: T0 + 5 }), ctx({ previous: conversation() }))?.kind).toBe('newChat');
    expect(classify(updated({ lastMessagePreview: null }), ctx())?.body).toBe('Vera Visitor');
  });

  it("notifies a deactivated colleague's chats returning to Unassigned like a new chat", () => {
    // The server moves them back with their queue time kept: an admin knew them as the colleague's, an agent not at all.
    const back = updated({ assigneeId: null, queuedAt: T0, updatedAt: T0 + 60_000 });
    const held = conversation({ assigneeId: 'ag-2', queuedAt: T0 });
    for (const previous of [held, undefined]) {
      expect(decideNotification(back, ctx({ previous }))).toMatchObject({
        kind: 'newChat',
        title: 'New chat',
      });
    }
    // The agent's settings apply as to any new chat.
    expect(
      decideNotification(back, ctx({ previous: held, settings: { ...all, newChat: false } })),
    ).toBeNull();
  });

  it('ignores what is not new: a known queued chat changing, the bot alone, closed chats', () => {
    expect(classify(updated({ lastSeq: 9 }), ctx({ previous: conversation() }))).toBeNull();
    expect(classify(updated({ queuedAt: null }), ctx())).toBeNull();
    expect(classify(updated({ status: 'closed' }), ctx())).toBeNull();
    expect(classify(updated({ assigneeId: 'ag-2' }), ctx())).toBeNull();
  });

  it('tells the agent a chat became theirs, once', () => {
    expect(classify(updated({ assigneeId: me }), ctx({ previous: conversation() }))).toEqual({
      kind: 'assignedToMe',
      conversationId: 'c-1',
      title: 'Chat assigned to you',
      body: 'Vera Visitor: Do you ship to Ljubljana?',
    });
    expect(
      classify(updated({ assigneeId: me }), ctx({ previous: conversation({ assigneeId: 'ag-2' }) }))?.kind,
    ).toBe('assignedToMe');
    expect(
      classify(updated({ assigneeId: me }), ctx({ previous: conversation({ assigneeId: me }) })),
    ).toBeNull();
    expect(classify(updated({ assigneeId: me, status: 'closed' }), ctx())).toBeNull();
  });

  it("alerts a visitor's message in the agent's own open chats only", () => {
    const mine = conversation({ assigneeId: me });
    expect(classify(visitorSays('Hello?'), ctx({ previous: mine }))).toEqual({
      kind: 'newMessage',
      conversationId: 'c-1',
      title: 'New message',
      body: 'Vera Visitor: Hello?',
    });
    expect(classify(visitorSays('Hello?'), ctx({ previous: conversation() }))).toBeNull();
    expect(
      classify(visitorSays('Hello?'), ctx({ previous: conversation({ assigneeId: 'ag-2' }) })),
    ).toBeNull();
    expect(classify(visitorSays('Hello?'), ctx({ previous: { ...mine, status: 'closed' } }))).toBeNull();
    expect(classify(visitorSays('Hello?'), ctx())).toBeNull();
    const fromAgent: AgentServerFrame = {
      type: 'message.created',
      message: message(6, { author: { kind: 'agent', id: me, name: 'Ada' } }),
    };
    const fromBot: AgentServerFrame = {
      type: 'message.created',
      message: message(6, { author: { kind: 'bot', id: null, name: 'Robo' } }),
    };
    expect(classify(fromAgent, ctx({ previous: mine }))).toBeNull();
    expect(classify(fromBot, ctx({ previous: mine }))).toBeNull();
  });

  it('shortens long bodies', () => {
    const body = classify(
      visitorSays('x'.repeat(500)),
      ctx({ previous: conversation({ assigneeId: me }) }),
    )!.body;
    expect(body).toHaveLength(200);
    expect(body.endsWith('…')).toBe(true);
  });

  it('ignores other frames', () => {
    expect(classify({ type: 'conversation.removed', conversationId: 'c-1' }, ctx())).toBeNull();
    expect(classify({ type: 'pong' }, ctx())).toBeNull();
  });
});

describe('decideNotification', () => {
  const mine = conversation({ assigneeId: me });

  it('follows each setting', () => {
    const off = (key: keyof NotificationSettings) => ctx({ settings: { ...all, [key]: false } });
    expect(decideNotification(updated({}), off('newChat'))).toBeNull();
    expect(decideNotification(updated({}), off('assignedToMe'))?.kind).toBe('newChat');
    expect(
      decideNotification(updated({ assigneeId: me }), { ...off('assignedToMe'), previous: conversation() }),
    ).toBeNull();
    expect(decideNotification(visitorSays('Hi'), { ...off('newMessage'), previous: mine })).toBeNull();
    expect(decideNotification(visitorSays('Hi'), { ...off('newChat'), previous: mine })?.kind).toBe(
      'newMessage',
    );
  });

  it('shows nothing before the settings are known', () => {
    expect(decideNotification(updated({}), ctx({ settings: null }))).toBeNull();
  });

  it('skips the conversation the agent is looking at, not others', () => {
    expect(decideNotification(visitorSays('Hi'), ctx({ previous: mine, viewing: 'c-1' }))).toBeNull();
    expect(decideNotification(visitorSays('Hi'), ctx({ previous: mine, viewing: 'c-9' }))?.kind).toBe(
      'newMessage',
    );
    // Taking the open chat yourself ("Assign to me") is not news to you.
    expect(
      decideNotification(updated({ assigneeId: me }), ctx({ previous: conversation(), viewing: 'c-1' })),
    ).toBeNull();
  });
});

describe('leftAgent', () => {
  it('names a conversation that no longer waits for the agent', () => {
    expect(leftAgent({ type: 'conversation.removed', conversationId: 'c-1' }, me)).toBe('c-1');
    expect(leftAgent(updated({ assigneeId: 'ag-2' }), me)).toBe('c-1');
    expect(leftAgent(updated({ status: 'closed', assigneeId: me }), me)).toBe('c-1');
    expect(leftAgent(updated({}), me)).toBeNull();
    expect(leftAgent(updated({ assigneeId: me }), me)).toBeNull();
    expect(leftAgent(visitorSays('Hi'), me)).toBeNull();
  });
});
