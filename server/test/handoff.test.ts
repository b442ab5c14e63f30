// When an agent leaves a chat (handed to a colleague, unassigned, or deactivated) the visitor is told, the timeline
// says why, and a deactivated agent's chats go back to Unassigned for the team.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Conversation } from '@livechat/shared/model';
import { closeTestSockets, connectedAgent, makeApp, updateAgent, type Frame } from './helper.js';
import { call, inbox, listIds, visitorChat } from './inbox-helper.js';
import { transcript, type MessageFrame } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

type ConversationFrame = Frame & {
  conversation: Pick<Conversation, 'id' | 'status' | 'assigneeId' | 'queuedAt' | 'lastMessagePreview'>;
};

const activityTexts = async (cookie: string, id: string) =>
  (await call(app, cookie, 'GET', `/api/conversations/${id}/activities`))
    .json<{ activities: { text: string; actor: unknown }[] }>()
    .activities.map((a) => a.text);

describe('an agent leaving a chat', () => {
  it('shows the visitor who left before who joined, when a chat is handed on or unassigned', async () => {
    app = await makeApp();
    const { ann, ben } = await inbox(app);
    const chat = await visitorChat(app);
    const id = chat.conversationId;
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`)).statusCode).toBe(200);
    expect(
      (await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/assignee`, { assigneeId: ben.id }))
        .statusCode,
    ).toBe(200);
    await chat.socket.waitFor(
      (f) => f.type === 'message.created' && (f as MessageFrame).message.body === 'Ben joined the chat',
    );
    expect(
      (await call(app, ben.cookie, 'PUT', `/api/conversations/${id}/assignee`, { assigneeId: null }))
        .statusCode,
    ).toBe(200);
    const left = await chat.socket.waitFor(
      (f) => f.type === 'message.created' && (f as MessageFrame).message.body === 'Ben left the chat',
    );
    expect((left as MessageFrame).message.content).toEqual({
      type: 'agent_left',
      agent: { id: ben.id, name: 'Ben' },
    });
    expect(transcript(chat.socket).filter((t) => t.startsWith('system:'))).toEqual([
      'system:agent_joined:Ann joined the chat',
      'system:agent_left:Ann left the chat',
      'system:agent_joined:Ben joined the chat',
      'system:agent_left:Ben left the chat',
    ]);
  });

  it("returns a deactivated agent's open chats to Unassigned, tells the visitor, and announces them to the team", async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const first = await visitorChat(app);
    const second = await visitorChat(app);
    const closed = await visitorChat(app);
    for (const c of [first, second, closed])
      await call(app, ann.cookie, 'POST', `/api/conversations/${c.conversationId}/assign`);
    await call(app, ann.cookie, 'POST', `/api/conversations/${closed.conversationId}/close`);
    const benSocket = await connectedAgent(app, ben.cookie);
    const from = benSocket.frames.length;

    expect((await updateAgent(app, admin, ann.id, { active: false })).statusCode).toBe(200);

    for (const c of [first, second]) {
      const id = c.conversationId;
      const conversation = (
        await call(app, admin, 'GET', `/api/conversations/${id}`)
      ).json<ConversationFrame>().conversation;
      expect(conversation).toMatchObject({ status: 'open', assigneeId: null });
      // Ben could not see it while it was Ann's: now it reaches him as a chat waiting in Unassigned.
      const update = (await benSocket.waitFor(
        (f) => f.type === 'conversation.updated' && (f as ConversationFrame).conversation.id === id,
        from,
      )) as ConversationFrame;
      expect(update.conversation).toMatchObject({ status: 'open', assigneeId: null });
      expect(update.conversation.queuedAt).not.toBeNull();
      // Lists and the "New chat" notification quote what the visitor said, not the system's "Ann left the chat".
      expect(update.conversation.lastMessagePreview).toBe('Hello there');
      const left = await c.socket.waitFor(
        (f) => f.type === 'message.created' && (f as MessageFrame).message.content?.type === 'agent_left',
      );
      expect((left as MessageFrame).message).toMatchObject({
        body: 'Ann left the chat',
        content: { type: 'agent_left', agent: { id: ann.id, name: 'Ann' } },
      });
      expect(await activityTexts(admin, id)).toContain('Returned to Unassigned: Ann was deactivated');
    }
    expect((await listIds(app, ben.cookie, '?folder=unassigned')).sort()).toEqual(
      [first.conversationId, second.conversationId].sort(),
    );
    // A closed chat stays as it was.
    const closedNow = (
      await call(app, admin, 'GET', `/api/conversations/${closed.conversationId}`)
    ).json<ConversationFrame>().conversation;
    expect(closedNow).toMatchObject({ status: 'closed', assigneeId: ann.id });
  });

  it('changes nothing when the deactivation is refused (the last admin)', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const me = (await call(app, admin, 'GET', '/api/auth/me')).json<{ agent: { id: string } }>().agent;
    const chat = await visitorChat(app);
    await call(app, admin, 'POST', `/api/conversations/${chat.conversationId}/assign`);
    expect((await updateAgent(app, admin, me.id, { active: false })).statusCode).toBe(409);
    const conversation = (
      await call(app, admin, 'GET', `/api/conversations/${chat.conversationId}`)
    ).json<ConversationFrame>().conversation;
    expect(conversation.assigneeId).toBe(me.id);
    expect(await activityTexts(admin, chat.conversationId)).not.toContain(
      'Returned to Unassigned: Admin was deactivated',
    );
  });
});
