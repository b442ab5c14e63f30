import { describe, expect, it } from 'vitest';
import type { Message } from '@livechat/shared/model';
import {
  agentJoined,
  agentMessage,
  botMessage,
  question,
  richText,
  systemMessage,
  visitorMessage,
} from '../testing/fake-socket.js';
import { EMPTY, addPending, allMessages, confirm, type ChatMessage, type Messages } from './messages.js';
import { countdown } from '../ui/waiting-status.js';
import { initials, pendingQuestion, situation, speaker, waitingUntil } from './playbook-view.js';

const list = (...messages: Message[]): ChatMessage[] =>
  allMessages(messages.reduce((s: Messages, m) => confirm(s, m).messages, EMPTY));

const email = botMessage(1, question('email'));

describe('pendingQuestion', () => {
  it('is the newest question until a visitor message follows it', () => {
    expect(pendingQuestion(list(botMessage(1)))).toBeNull();
    expect(pendingQuestion(list(email))).toMatchObject({ input: 'email' });
    expect(pendingQuestion(list(email, visitorMessage(2, 'client-1', 'a@b.co')))).toBeNull();
    const choice = botMessage(3, question('choice', ['Sales', 'Support']));
    expect(pendingQuestion(list(email, visitorMessage(2, 'client-1', 'a@b.co'), choice))).toMatchObject({
      input: 'choice',
      choices: ['Sales', 'Support'],
    });
  });

  it('counts an answer that is still sending, and stays pending after a refused answer', () => {
    expect(
      pendingQuestion(allMessages(addPending(confirm(EMPTY, email).messages, 'c', 'x@y.io'))),
    ).toBeNull();
    const refused = list(
      email,
      visitorMessage(2, 'c1', 'nope'),
      botMessage(3, { type: 'invalid_answer', input: 'email' }),
    );
    expect(pendingQuestion(refused)).toMatchObject({ input: 'email' });
    expect(pendingQuestion([...refused, ...list(visitorMessage(4, 'c2', 'a@b.co'))])).toBeNull();
  });

  it('ends when an agent joins or the conversation is closed', () => {
    expect(pendingQuestion(list(email, systemMessage(2, agentJoined())))).toBeNull();
    expect(pendingQuestion(list(email, systemMessage(2, { type: 'closed' })))).toBeNull();
  });
});

describe('waitingUntil', () => {
  const waiting = systemMessage(2, { type: 'waiting', until: 5000 });
  it('is the wait while it is the newest message not from the visitor', () => {
    expect(waitingUntil(list())).toBeNull();
    expect(waitingUntil(list(botMessage(1), waiting))).toBe(5000);
    expect(waitingUntil(list(waiting, visitorMessage(3, 'c1', 'hello?')))).toBe(5000);
    expect(waitingUntil(list(waiting, systemMessage(3, agentJoined())))).toBeNull();
    expect(waitingUntil(list(waiting, botMessage(3)))).toBeNull();
    expect(waitingUntil(list(waiting, agentMessage(3)))).toBeNull();
  });
});

describe('situation and speaker', () => {
  const site = { botName: 'Robo', botAvatarUrl: 'https://cdn.example.com/robo.png', locale: 'en' as const };
  const left = (name: string) => ({ type: 'agent_left' as const, agent: { id: 'a1', name } });
  const away = { type: 'rich' as const, text: richText('We are away'), away: true as const };
  const now = (...messages: Message[]) => situation(list(...messages));

  it('is the bot until an agent joins, then the agent who joined last', () => {
    expect(speaker(now(botMessage(1)), site, 'Chat with us')).toEqual({
      name: 'Robo',
      avatarUrl: 'https://cdn.example.com/robo.png',
    });
    const joined = now(systemMessage(1, agentJoined('Ada')), systemMessage(2, agentJoined('Grace Hopper')));
    expect(joined).toEqual({ agent: 'Grace Hopper' });
    expect(speaker(joined, site, 'x')).toEqual({ name: 'Grace Hopper', avatarUrl: null });
  });

  it('follows the conversation: an agent who writes is in it, one who left or a close hands back to the bot', () => {
    expect(
      now(botMessage(1), agentMessage(2, { author: { kind: 'agent', id: 'a9', name: 'Maja' } })),
    ).toEqual({
      agent: 'Maja',
    });
    expect(
      now(systemMessage(1, agentJoined('Ada')), visitorMessage(2, 'c1', 'hi'), systemMessage(3, left('Ada'))),
    ).toEqual({});
    expect(now(systemMessage(1, agentJoined('Ada')), systemMessage(2, { type: 'closed' }))).toEqual({});
    expect(
      speaker(now(systemMessage(1, agentJoined('Ada')), systemMessage(2, left('Ada'))), site, 'x').name,
    ).toBe('Robo');
  });

  it('knows when the bot said the team is away, until an agent joins or the conversation closes', () => {
    expect(now(botMessage(1, away), botMessage(2, question('email')), visitorMessage(3, 'c1', 'x'))).toEqual({
      away: true,
    });
    expect(now(botMessage(1, away), systemMessage(2, agentJoined('Ada')))).toEqual({ agent: 'Ada' });
    expect(now(botMessage(1, away), systemMessage(2, { type: 'closed' }), botMessage(3))).toEqual({});
    expect(now(botMessage(1, { type: 'rich', text: richText('Hello') }))).toEqual({});
  });

  it('falls back without site details and refuses unsafe avatar URLs', () => {
    expect(speaker({}, undefined, 'Chat with us')).toEqual({ name: 'Chat with us', avatarUrl: null });
    expect(speaker({}, { ...site, botAvatarUrl: 'javascript:alert(1)' }, 'x').avatarUrl).toBeNull();
  });
});

it('initials and countdown', () => {
  expect(initials('Ada  Lovelace King')).toBe('AL');
  expect(initials('ömer')).toBe('Ö');
  expect(initials('')).toBe('');
  expect(countdown(42_000)).toBe('0:42');
  expect(countdown(41_001)).toBe('0:42');
  expect(countdown(3_600_000)).toBe('60:00');
  expect(countdown(61_000)).toBe('1:01');
});
