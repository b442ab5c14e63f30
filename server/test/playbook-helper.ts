// A small playbook for tests: greeting, a choice question, and a Live Chat card with a short wait.
import type { FastifyInstance } from 'fastify';
import type { Playbook, RichText } from '@livechat/shared/model';
import { type Frame, type TestSocket, cid } from './helper.js';

export const text = (t: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];

export function testPlaybook(waitSeconds = 1): Playbook {
  return {
    botName: 'Ava',
    botAvatarUrl: null,
    locale: 'en',
    steps: [
      { id: 'hi', kind: 'message', text: text('Hello from Ava') },
      {
        id: 'topic',
        kind: 'question',
        text: text('What brings you here?'),
        input: 'choice',
        choices: ['Pricing', 'Demo'],
        field: 'custom.topic',
      },
      {
        id: 'card',
        kind: 'live_chat',
        onlineMessage: text('Connecting you to the team'),
        waitSeconds,
        offlineMessage: text('Nobody is around right now'),
        offlineFlow: {
          questions: [],
          capture: [
            { field: 'name', text: text('Your name?') },
            { field: 'email', text: text('Your email?') },
          ],
          thankYou: text('Thanks, we will write to you'),
        },
      },
    ],
  };
}

type Content = { type: string; [key: string]: unknown };
export type MessageFrame = Frame & {
  message: {
    seq: number;
    body: string;
    conversationId: string;
    author: { kind: string; name: string };
    content?: Content;
  };
};

/** Messages the socket received, in order, as "kind:contentType:body". */
export function transcript(socket: TestSocket): string[] {
  return socket
    .ofType('message.created')
    .map((f) => (f as MessageFrame).message)
    .map((m) => `${m.author.kind}:${m.content?.type ?? 'plain'}:${m.body}`);
}

/** Waits until a message whose body contains `text` has arrived. */
export const waitForMessage = (socket: TestSocket, text: string, timeoutMs = 3000) =>
  socket.waitFor(
    (f) => f.type === 'message.created' && (f as MessageFrame).message.body.includes(text),
    0,
    timeoutMs,
  ) as Promise<MessageFrame>;

/** Sends a visitor message and waits for its ack. */
export async function say(socket: TestSocket, body: string): Promise<void> {
  const id = cid('say');
  socket.send({ type: 'message.send', id, body });
  await socket.waitFor((f) => f.type === 'ack' && f.id === id);
}

/** Opens the chat (conversation.start) and waits for its ack; returns the conversation id. */
export async function startChat(socket: TestSocket): Promise<string> {
  const id = cid('start');
  socket.send({ type: 'conversation.start', id });
  const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
  return ack.conversationId as string;
}

export const setAvailable = (app: FastifyInstance, cookie: string, available: boolean) =>
  app.inject({ method: 'PUT', url: '/api/me/availability', headers: { cookie }, payload: { available } });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
