// Search and filters as an agent meets them: "#1" typed in any folder finds any conversation the agent may see, and
// every offered combination of folder and filters is meaningful (never an open chat under Status = Closed).
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, makeApp } from './helper.js';
import { call, inbox, listIds, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

describe('inbox search and filters', () => {
  it('finds a conversation by number or contact from any folder, but never a colleague’s', async () => {
    app = await makeApp();
    const { ann, ben } = await inbox(app);
    const mine = await visitorChat(app);
    const bens = await visitorChat(app);
    const waiting = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${mine.conversationId}/assign`);
    await call(app, ben.cookie, 'POST', `/api/conversations/${bens.conversationId}/assign`);
    const number = async (id: string) => (await app.store.conversations.byId(id))!.number;
    await app.store.visitors.setContactField(
      (await app.store.conversations.byId(mine.conversationId))!.visitorId,
      'email',
      'zoe@example.com',
    );

    for (const folder of ['unassigned', 'mine', 'closed']) {
      expect(
        await listIds(app, ann.cookie, `?folder=${folder}&q=%23${await number(mine.conversationId)}`),
      ).toEqual([mine.conversationId]);
      expect(
        await listIds(app, ann.cookie, `?folder=${folder}&q=${await number(waiting.conversationId)}`),
      ).toEqual([waiting.conversationId]);
      expect(await listIds(app, ann.cookie, `?folder=${folder}&q=%20%231%20`)).toEqual(
        (await number(mine.conversationId)) === 1 ? [mine.conversationId] : [],
      );
      expect(await listIds(app, ann.cookie, `?folder=${folder}&q=zoe`)).toEqual([mine.conversationId]);
      // Ben's chat stays invisible to Ann whatever she types.
      expect(
        await listIds(app, ann.cookie, `?folder=${folder}&q=%23${await number(bens.conversationId)}`),
      ).toEqual([]);
    }
    // A search keeps the status filter.
    expect(
      await listIds(
        app,
        ann.cookie,
        `?folder=unassigned&status=closed&q=%23${await number(mine.conversationId)}`,
      ),
    ).toEqual([]);
  });

  it('lists nothing for a status the folder excludes, or a colleague an agent cannot see', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const open = await visitorChat(app);
    const closed = await visitorChat(app);
    const bens = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${closed.conversationId}/assign`);
    await call(app, ann.cookie, 'POST', `/api/conversations/${closed.conversationId}/close`);
    await call(app, ben.cookie, 'POST', `/api/conversations/${bens.conversationId}/assign`);

    expect(await listIds(app, ann.cookie, '?folder=unassigned')).toEqual([open.conversationId]);
    expect(await listIds(app, ann.cookie, '?folder=unassigned&status=closed')).toEqual([]);
    expect(await listIds(app, ann.cookie, '?folder=mine&status=closed')).toEqual([]);
    expect(await listIds(app, ann.cookie, '?folder=closed&status=open')).toEqual([]);
    expect(await listIds(app, ann.cookie, '?folder=closed&status=closed')).toEqual([closed.conversationId]);
    expect(await listIds(app, admin, '?folder=all&status=closed')).toEqual([]);
    expect(await listIds(app, admin, '?status=closed')).toEqual([closed.conversationId]);

    // Assigned to: an agent may filter by themselves or nobody; a colleague's id answers an empty list.
    expect(await listIds(app, ann.cookie, `?assigneeId=${ben.id}`)).toEqual([]);
    expect(await listIds(app, ann.cookie, `?folder=closed&assigneeId=${ann.id}`)).toEqual([
      closed.conversationId,
    ]);
    expect(await listIds(app, ann.cookie, '?assigneeId=none')).toEqual([open.conversationId]);
    expect(await listIds(app, admin, `?assigneeId=${ben.id}`)).toEqual([bens.conversationId]);
  });
});
