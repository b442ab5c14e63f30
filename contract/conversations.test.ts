// conversationsApi's inbox calls against the real server: lists and counts, a conversation and its messages,
// taking, handing over, tagging and closing.
import { describe, expect, it } from 'vitest';
import { conversationsApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('conversationsApi: lists, counts, messages', () => {
  it('lists a visitor chat in Unassigned, counts it, reads it and its messages', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const { conversationId } = await visitorChat(app, 'Do you ship to Ljubljana?');

    await as(ann.browser, async () => {
      const unassigned = await conversationsApi.list({ folder: 'unassigned' });
      expect(unassigned.map((c) => c.id)).toEqual([conversationId]);
      expect(await conversationsApi.list({ folder: 'mine' })).toEqual([]);
      expect(await conversationsApi.counts()).toMatchObject({ unassigned: 1, mine: 0, all: null, closed: 0 });

      const conversation = await conversationsApi.get(conversationId);
      expect(conversation).toMatchObject({
        id: conversationId,
        status: 'open',
        assigneeId: null,
        lastSeq: 1,
      });
      expect(conversation).toEqual(unassigned[0]);

      const messages = await conversationsApi.messages(conversationId, 0, 50);
      expect(messages.map((m) => [m.seq, m.author.kind, m.body])).toEqual([
        [1, 'visitor', 'Do you ship to Ljubljana?'],
      ]);
      expect(await conversationsApi.messages(conversationId, 1, 50)).toEqual([]);
      // The search box: by number, from any folder.
      const found = await conversationsApi.list({ folder: 'mine', q: `#${conversation.number}` });
      expect(found.map((c) => c.id)).toEqual([conversationId]);
    });
    await as(admin, async () => {
      expect((await conversationsApi.counts()).all).toBe(1);
      expect((await conversationsApi.list({ folder: 'all' })).map((c) => c.id)).toEqual([conversationId]);
    });
  });

  it('answers not_found for an unknown conversation and forbidden for the All folder of an agent', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    await as(ann.browser, async () => {
      await failure(conversationsApi.get('no-such-conversation'), 'not_found', 404);
      await failure(conversationsApi.messages('no-such-conversation', 0, 10), 'not_found', 404);
      await failure(conversationsApi.list({ folder: 'all' }), 'forbidden', 403);
      await failure(conversationsApi.messages('no-such-conversation', 0, 501), 'invalid_request', 400);
    });
  });
});

describe('conversationsApi: assignment, tags, closing', () => {
  it('takes a chat, refuses the slower colleague, hands it over and back, tags and closes it', async () => {
    const { app, admin, adminAgent } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const ben = await teammate(app, admin, 'Ben');
    const { conversationId: id } = await visitorChat(app);

    const taken = await as(ann.browser, () => conversationsApi.assign(id));
    expect(taken.assigneeId).toBe(ann.agent.id);
    const lost = await failure(
      as(ben.browser, () => conversationsApi.assign(id)),
      'already_assigned',
      409,
    );
    expect(lost.message).toContain('Ann');

    await as(ann.browser, async () => {
      expect((await conversationsApi.list({ folder: 'mine' })).map((c) => c.id)).toEqual([id]);
      expect((await conversationsApi.setAssignee(id, { assigneeId: ben.agent.id })).assigneeId).toBe(
        ben.agent.id,
      );
      // Handed over: no longer Ann's to see.
      await failure(conversationsApi.get(id), 'not_found', 404);
    });
    await as(ben.browser, async () => {
      expect((await conversationsApi.get(id)).assigneeId).toBe(ben.agent.id);
      expect((await conversationsApi.setAssignee(id, { assigneeId: null })).assigneeId).toBeNull();
    });
    await as(admin, async () => {
      expect((await conversationsApi.setAssignee(id, { assigneeId: adminAgent.id })).assigneeId).toBe(
        adminAgent.id,
      );
      const tagged = await conversationsApi.setTags(id, ['VIP', 'pricing']);
      expect(tagged.tags).toEqual(['vip', 'pricing']);
      expect((await conversationsApi.get(id)).tags).toEqual(['vip', 'pricing']);
      await failure(conversationsApi.setTags(id, ['no!tags?']), 'invalid_request', 400);

      const closed = await conversationsApi.close(id);
      expect(closed).toMatchObject({ id, status: 'closed', closedAt: expect.any(Number) });
      expect((await conversationsApi.list({ folder: 'closed' })).map((c) => c.id)).toEqual([id]);
      await failure(conversationsApi.close(id), 'conversation_closed', 409);
      await failure(conversationsApi.setAssignee(id, { assigneeId: null }), 'conversation_closed', 409);
    });
  });
});
