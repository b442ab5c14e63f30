// "Assign to me" names the winner only to whoever just lost the race for it (they saw it in Unassigned moments
// before) and to admins, who see the chat anyway. Any other call on a colleague's chat is answered exactly as for a
// conversation that does not exist, so it cannot be used to learn who holds which chat.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, createAgent, makeApp } from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const assign = (cookie: string, id: string) => call(app, cookie, 'POST', `/api/conversations/${id}/assign`);
const UNKNOWN = { error: { code: 'not_found', message: 'Conversation not found' } };

describe('"Assign to me" on a chat the caller cannot see', () => {
  it('tells the loser of a race who won', async () => {
    app = await makeApp();
    const { ann, ben } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    const [byAnn, byBen] = await Promise.all([assign(ann.cookie, id), assign(ben.cookie, id)]);
    // Either may win (on PostgreSQL the two really run at once); the other is told who did.
    const [winner, loser] = byAnn.statusCode === 200 ? ['Ann', byBen] : ['Ben', byAnn];
    expect([byAnn.statusCode, byBen.statusCode].sort()).toEqual([200, 409]);
    expect(loser.json()).toEqual({
      error: { code: 'already_assigned', message: `Already taken by ${winner}.` },
    });
  });

  it('answers a later call exactly like an unknown chat, and changes nothing', async () => {
    let clock = Date.now();
    app = await makeApp({}, { now: () => clock });
    const { admin, ann, ben } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    expect((await assign(ann.cookie, id)).statusCode).toBe(200);
    clock += 60_000;

    const probe = await assign(ben.cookie, id);
    const unknown = await assign(ben.cookie, randomUUID());
    expect(probe.statusCode).toBe(404);
    expect(probe.json()).toEqual(UNKNOWN);
    expect(unknown.json()).toEqual(probe.json());
    const stored = await call(app, admin, 'GET', `/api/conversations/${id}`);
    expect(stored.json<{ conversation: { assigneeId: string } }>().conversation.assigneeId).toBe(ann.id);
    // An admin sees the chat anyway, so being told who holds it reveals nothing.
    expect((await assign(admin, id)).json()).toEqual({
      error: { code: 'already_assigned', message: 'Already taken by Ann.' },
    });
  });

  it('does not name a colleague who was handed the chat (no race was lost)', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    const handed = await call(app, admin, 'PUT', `/api/conversations/${id}/assignee`, { assigneeId: ann.id });
    expect(handed.statusCode).toBe(200);
    const probe = await assign(ben.cookie, id);
    expect(probe.statusCode).toBe(404);
    expect(probe.json()).toEqual(UNKNOWN);
  });

  it('does not name who holds a chat that changed hands after the race', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const carl = await createAgent(app, admin, 'Carl');
    const { conversationId: id } = await visitorChat(app);
    expect((await assign(ann.cookie, id)).statusCode).toBe(200);
    // Ann hands it to Carl at once; Ben, who raced Ann, is not told about Carl.
    await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/assignee`, { assigneeId: carl.id });
    expect((await assign(ben.cookie, id)).json()).toEqual(UNKNOWN);
  });
});
