// closingMessagesApi and conversationsApi's close with a closing message, close options and reopen, against the
// real server.
import { describe, expect, it } from 'vitest';
import { closingMessagesApi, conversationsApi, sitesApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('closing messages and reopening', () => {
  it('lets admins keep closing messages that Close chat sends, and agents reopen where the site allows', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const [site] = await as(admin, () => sitesApi.list());
    const siteId = site!.id;

    const own = await as(admin, async () => {
      const builtIn = await closingMessagesApi.list(siteId);
      expect(builtIn[0]).toMatchObject({
        locale: 'en',
        text: 'Thanks for chatting with us. Have a great day!',
      });
      await failure(closingMessagesApi.create(siteId, '   '), 'invalid_request', 400);
      const created = await closingMessagesApi.create(siteId, 'See you!');
      expect(created).toMatchObject({ text: 'See you!', locale: null });
      const changed = await closingMessagesApi.update(siteId, created.id, 'See you soon!');
      expect(changed.text).toBe('See you soon!');
      await closingMessagesApi.remove(siteId, builtIn[2]!.id);
      await failure(closingMessagesApi.remove(siteId, builtIn[2]!.id), 'not_found', 404);
      expect((await closingMessagesApi.list(siteId)).map((m) => m.text)).toEqual([
        builtIn[0]!.text,
        builtIn[1]!.text,
        'See you soon!',
      ]);
      return changed;
    });
    await failure(
      as(ann.browser, () => closingMessagesApi.list(siteId)),
      'forbidden',
      403,
    );

    const { conversationId: id } = await visitorChat(app);
    await as(ann.browser, async () => {
      await conversationsApi.assign(id);
      const options = await conversationsApi.closeOptions(id);
      expect(options.reopenAllowed).toBe(false);
      expect(options.closingMessages.at(-1)).toEqual(own);
      await failure(conversationsApi.close(id, 'no-such-message'), 'invalid_request', 400);
      expect(await conversationsApi.close(id, own.id)).toMatchObject({ status: 'closed' });
      const messages = await conversationsApi.messages(id, 0, 100);
      expect(messages.slice(-2).map((m) => m.body)).toEqual(['See you soon!', 'The chat was closed.']);
      await failure(conversationsApi.reopen(id), 'forbidden', 403);
    });

    expect(await as(admin, () => sitesApi.update(siteId, { allowReopen: true }))).toMatchObject({
      allowReopen: true,
    });
    await as(ann.browser, async () => {
      expect((await conversationsApi.closeOptions(id)).reopenAllowed).toBe(true);
      expect(await conversationsApi.reopen(id)).toMatchObject({ status: 'open', assigneeId: ann.agent.id });
      await failure(conversationsApi.reopen(id), 'conflict', 409);
      expect(await conversationsApi.close(id)).toMatchObject({ status: 'closed' });
    });
  });
});
