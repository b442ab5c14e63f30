// The Bot folder: conversations only the bot has handled (the visitor left mid-flow) are listed for admins, and for
// agents where the site allows it; whoever may see one can take it over. Everyone else gets nothing of it: not in
// lists, counts, search, reads, writes or socket events.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  closeTestSockets,
  cid,
  connectedAgent,
  connectedVisitor,
  demoSite,
  makeApp,
  type Frame,
} from './helper.js';
import { call, inbox, listIds } from './inbox-helper.js';
import {
  say,
  sleep,
  startChat,
  testPlaybook,
  transcript,
  waitForMessage,
  type MessageFrame,
} from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

type ConversationBody = { conversation: { id: string; assigneeId: string | null; queuedAt: number | null } };

/** A visitor who only opened the chat: the bot greeted them and asks its first question; they never wrote. */
async function openedChat() {
  const { socket } = await connectedVisitor(app);
  const id = await startChat(socket);
  await waitForMessage(socket, 'What brings you here?');
  return { socket, id };
}

/** A visitor who wrote, yet stopped at the bot's first question (free text is no choice): only the bot has handled it. */
async function botOnlyChat() {
  const chat = await openedChat();
  await say(chat.socket, 'just looking');
  await waitForMessage(chat.socket, 'Please choose one of the options.');
  return chat;
}

const counts = async (cookie: string) =>
  (await call(app, cookie, 'GET', '/api/conversations/counts')).json<{
    counts: Record<string, number | null>;
  }>().counts;

const setBotFolderForAgents = async (cookie: string, on: boolean) =>
  call(app, cookie, 'PATCH', `/api/sites/${(await demoSite(app)).id}`, { botFolderForAgents: on });

/** Frames about the conversation a socket received from `from` on. */
const about = (frames: Frame[], id: string) =>
  frames.filter((f) => JSON.stringify(f).includes(id) && f.type !== 'ack');

describe('the Bot folder', () => {
  it('lists bot-only chats for admins, and hides them from agents unless the site allows it', async () => {
    app = await makeApp({}, { playbook: testPlaybook(60) });
    const { admin, ann } = await inbox(app);
    const annSocket = await connectedAgent(app, ann.cookie);
    const adminSocket = await connectedAgent(app, admin);

    // A visitor who only opened the chat (the bot greets on open) is in no folder, nor counted; still readable.
    const silent = await openedChat();
    expect(await app.store.conversations.byId(silent.id)).toMatchObject({
      visitorWroteAt: null,
      queuedAt: null,
    });
    expect(await listIds(app, admin, '?folder=bot')).toEqual([]);
    expect(await counts(admin)).toMatchObject({ bot: 0, unassigned: 0, all: 0 });
    expect((await call(app, admin, 'GET', `/api/conversations/${silent.id}`)).statusCode).toBe(200);

    // Once they write (an answer the bot refuses, so it stays bot-only), it is listed.
    const chat = silent;
    await say(chat.socket, 'just looking');
    await waitForMessage(chat.socket, 'Please choose one of the options.');
    const wrote = (await app.store.conversations.byId(chat.id))!;
    expect(wrote).toMatchObject({ queuedAt: null, assigneeId: null });
    expect(wrote.visitorWroteAt).not.toBeNull();
    const number = wrote.number;

    // A second visitor who only opens the chat stays out of it.
    const other = await openedChat();
    expect(await listIds(app, admin, '?folder=bot')).toEqual([chat.id]);
    expect(
      await listIds(app, admin, `?q=%23${(await app.store.conversations.byId(other.id))!.number}`),
    ).toEqual([other.id]);
    expect(await listIds(app, admin, '?folder=unassigned')).toEqual([]);
    expect(await listIds(app, admin, '?folder=all')).toEqual([]);
    expect(await listIds(app, admin, `?folder=unassigned&q=%23${number}`)).toEqual([chat.id]);
    expect(await counts(admin)).toMatchObject({ bot: 1, unassigned: 0, all: 0 });
    expect(
      (await call(app, admin, 'GET', `/api/conversations/${chat.id}/messages`)).json<{
        messages: unknown[];
      }>().messages,
    ).toHaveLength(4);

    // Ann (an agent) on a site that does not show agents the Bot folder: it does not exist for her.
    const folder = await call(app, ann.cookie, 'GET', '/api/conversations?folder=bot');
    expect(folder.statusCode).toBe(403);
    expect(await counts(ann.cookie)).toMatchObject({ bot: null });
    expect(await listIds(app, ann.cookie, `?q=%23${number}`)).toEqual([]);
    expect(await listIds(app, ann.cookie)).toEqual([]);
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['GET', '/messages', undefined],
      ['GET', '/lead', undefined],
      ['GET', '/activities', undefined],
      ['POST', '/assign', undefined],
      ['PUT', '/assignee', { assigneeId: ann.id }],
      ['POST', '/close', undefined],
      ['POST', '/notes', { body: 'hi' }],
    ] as const) {
      const res = await call(app, ann.cookie, method, `/api/conversations/${chat.id}${path}`, payload);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    // Live events: the admin hears the visitor, Ann hears nothing of it.
    await say(chat.socket, 'Pricing?');
    await adminSocket.waitFor(
      (f) => f.type === 'message.created' && (f as MessageFrame).message.body === 'Pricing?',
    );
    await sleep(50);
    expect(about(annSocket.frames, chat.id)).toEqual([]);
  });

  it('shows agents the folder once an admin allows it, and lets them take a chat over', async () => {
    app = await makeApp({}, { playbook: testPlaybook(60) });
    const { admin, ann, ben } = await inbox(app);
    expect((await setBotFolderForAgents(ann.cookie, true)).statusCode).toBe(403);
    const allowed = await setBotFolderForAgents(admin, true);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ site: { botFolderForAgents: true } });
    expect((await call(app, admin, 'GET', '/api/sites')).json()).toMatchObject({
      sites: [{ botFolderForAgents: true }],
    });

    const annSocket = await connectedAgent(app, ann.cookie);
    const benSocket = await connectedAgent(app, ben.cookie);
    const chat = await botOnlyChat();
    expect(await listIds(app, ann.cookie, '?folder=bot')).toEqual([chat.id]);
    expect(await counts(ann.cookie)).toMatchObject({ bot: 1 });
    // An agent replies only after taking it over: the bot is still talking.
    const reply = await call(app, ann.cookie, 'POST', `/api/conversations/${chat.id}/messages`, {
      clientId: cid('reply'),
      body: 'Hi!',
    });
    expect(reply.statusCode).toBe(409);
    await say(chat.socket, 'Is anyone there?');
    await annSocket.waitFor(
      (f) => f.type === 'message.created' && (f as MessageFrame).message.body === 'Is anyone there?',
    );

    const benFrom = benSocket.frames.length;
    const taken = await call(app, ann.cookie, 'POST', `/api/conversations/${chat.id}/assign`);
    expect(taken.statusCode).toBe(200);
    const conversation = taken.json<ConversationBody>().conversation;
    expect(conversation.assigneeId).toBe(ann.id);
    expect(conversation.queuedAt).not.toBeNull();
    await waitForMessage(chat.socket, 'Ann joined the chat');
    // Ben saw it in the Bot folder: now it is Ann's, so it leaves his lists.
    await benSocket.waitFor(
      (f) => f.type === 'conversation.removed' && f.conversationId === chat.id,
      benFrom,
    );
    expect(await listIds(app, ann.cookie, '?folder=bot')).toEqual([]);
    expect(await listIds(app, ann.cookie, '?folder=mine')).toEqual([chat.id]);
    expect(await counts(ben.cookie)).toMatchObject({ bot: 0 });

    // The bot has stopped: the answer to its question (its own socket gets the ack) gets no reply, and no timer.
    const before = transcript(chat.socket).length;
    await say(chat.socket, 'Pricing');
    await sleep(100);
    expect(transcript(chat.socket).slice(before)).toEqual([]);
    expect(app.domain.playbooks.pendingTimers()).toBe(0);
    const replied = await call(app, ann.cookie, 'POST', `/api/conversations/${chat.id}/messages`, {
      clientId: cid('reply'),
      body: 'Hi, I am Ann',
    });
    expect(replied.statusCode).toBe(201);

    // Switched off again: Ben no longer sees bot-only chats.
    await setBotFolderForAgents(admin, false);
    const other = await botOnlyChat();
    expect((await call(app, ben.cookie, 'GET', `/api/conversations/${other.id}`)).statusCode).toBe(404);
    expect((await call(app, ben.cookie, 'POST', `/api/conversations/${other.id}/assign`)).statusCode).toBe(
      404,
    );
    expect(await counts(ben.cookie)).toMatchObject({ bot: null });
  });
});
