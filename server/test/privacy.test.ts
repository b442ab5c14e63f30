// Privacy between agents, enforced by the server: agent B gets nothing of agent A's chat — not in lists, counts,
// search, reads, writes, the side panel or socket events. Admins see everything.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { cid, closeTestSockets, connectedAgent, makeApp } from './helper.js';
import { EMPTY_DETAILS, call, inbox, listIds, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

describe('privacy between agents', () => {
  it('hides a colleague’s chat from every list, count, search, read, write and event', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const benSocket = await connectedAgent(app, ben.cookie);
    const { socket: visitor, conversationId: id } = await visitorChat(
      app,
      'I need a quote, vera@example.com',
    );
    // Unassigned: everyone sees it.
    expect(await listIds(app, ben.cookie, '?folder=unassigned')).toEqual([id]);
    await benSocket.waitFor((f) => f.type === 'message.created');

    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`)).statusCode).toBe(200);
    // Ben is told it left his view, at once.
    await benSocket.waitFor((f) => f.type === 'conversation.removed' && f.conversationId === id);
    const seenByBen = benSocket.frames.length;

    // Lists, counts and search.
    for (const query of [
      '',
      '?folder=unassigned',
      '?folder=mine',
      '?folder=closed',
      '?status=open',
      '?q=vera',
      `?q=%231`,
      '?assigneeId=' + ann.id,
    ]) {
      expect(await listIds(app, ben.cookie, query), query).toEqual([]);
    }
    expect((await call(app, ben.cookie, 'GET', '/api/conversations?folder=all')).statusCode).toBe(403);
    expect((await call(app, ben.cookie, 'GET', '/api/conversations/counts')).json()).toEqual({
      counts: { unassigned: 0, mine: 0, teams: 0, all: null, bot: null, closed: 0, teamIds: [] },
    });
    // Reads and writes: the same 404 as an id that does not exist.
    const attempts: [Parameters<typeof call>[2], string, unknown?][] = [
      ['GET', ''],
      ['GET', '/messages'],
      ['POST', '/messages', { clientId: cid(), body: 'sneaky' }],
      ['GET', '/lead'],
      ['GET', '/details'],
      ['PUT', '/details', { details: { ...EMPTY_DETAILS, note: 'sneaky' } }],
      ['GET', '/records'],
      ['POST', '/records', { kind: 'lead', details: EMPTY_DETAILS }],
      ['GET', '/activities'],
      ['POST', '/notes', { body: 'sneaky' }],
      ['PUT', '/tags', { tags: ['sneaky'] }],
      ['PUT', '/assignee', { assigneeId: ben.id }],
      ['POST', '/close'],
    ];
    for (const [method, path, payload] of attempts) {
      const res = await call(app, ben.cookie, method, `/api/conversations/${id}${path}`, payload);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Conversation not found' } });
    }
    // "Assign to me" tells him who was faster, and changes nothing.
    expect((await call(app, ben.cookie, 'POST', `/api/conversations/${id}/assign`)).json()).toEqual({
      error: { code: 'already_assigned', message: 'Already taken by Ann.' },
    });
    // Over the socket: watching fails, and the live conversation sends him nothing.
    benSocket.send({ type: 'conversation.watch', id: 'watch-0001', conversationId: id, afterSeq: 0 });
    expect(await benSocket.waitFor((f) => f.type === 'error' && f.id === 'watch-0001')).toMatchObject({
      code: 'not_found',
    });
    benSocket.send({ type: 'message.send', id: 'send-0001', conversationId: id, body: 'sneaky' });
    expect(await benSocket.waitFor((f) => f.type === 'error' && f.id === 'send-0001')).toMatchObject({
      code: 'not_found',
    });
    visitor.send({ type: 'message.send', id: cid(), body: 'Are you there, Ann?' });
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/notes`, { body: 'VIP' });
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, {
      kind: 'lead',
      details: EMPTY_DETAILS,
    });
    await new Promise((r) => setTimeout(r, 100));
    const leaked = benSocket.frames.slice(seenByBen).filter((f) => f.type !== 'error');
    expect(leaked).toEqual([]);
    // Nor do his lead lists and exports show Ann's lead.
    expect((await call(app, ben.cookie, 'GET', '/api/records')).json()).toEqual({ records: [] });
    expect((await call(app, ben.cookie, 'GET', '/api/records.csv')).body.trim().split('\r\n')).toHaveLength(
      1,
    );
    // Nothing he tried was stored.
    const messages = (await app.domain.chat.messagesAfter(id, 0)).map((m) => m.body);
    expect(messages).not.toContain('sneaky');
    expect((await app.store.activities.of(id)).map((a) => a.text)).not.toContain('sneaky');

    // Ann and the admin see it everywhere.
    expect(await listIds(app, ann.cookie, '?folder=mine')).toEqual([id]);
    expect(await listIds(app, admin, '?folder=all')).toEqual([id]);
    expect(await listIds(app, admin, '?q=vera')).toEqual([]); // the text is a message, not the contact
    expect(
      (await call(app, admin, 'GET', `/api/conversations/${id}/activities`)).json().activities,
    ).toHaveLength(3);
    expect((await call(app, admin, 'GET', '/api/records')).json().records).toHaveLength(1);
  });

  it('shows a chat that is handed back to Unassigned to everyone again', async () => {
    app = await makeApp();
    const { ann, ben } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);
    expect(await listIds(app, ben.cookie)).toEqual([]);
    const back = await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/assignee`, {
      assigneeId: null,
    });
    expect(back.json()).toMatchObject({ conversation: { assigneeId: null } });
    expect(await listIds(app, ben.cookie, '?folder=unassigned')).toEqual([id]);
  });
});
