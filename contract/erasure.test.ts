// Deleting a conversation or a contact (admins) through the dashboard's client, against the real server.
import { describe, expect, it } from 'vitest';
import { contactsApi, conversationsApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('erasure', () => {
  it('lets admins delete a conversation, and then its contact; agents are refused in words', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const first = await visitorChat(app, 'Please forget me');
    const contactId = (await as(admin, () => conversationsApi.get(first.conversationId))).visitorId;
    const other = await visitorChat(app, 'Someone else');

    await as(ann.browser, async () => {
      const refused = await failure(conversationsApi.remove(first.conversationId), 'forbidden', 403);
      expect(refused.message).toBe('Only admins can delete conversations.');
      const contactRefused = await failure(contactsApi.remove(contactId), 'forbidden', 403);
      expect(contactRefused.message).toBe('Only admins can delete contacts.');
    });

    await as(admin, async () => {
      await conversationsApi.remove(other.conversationId);
      await failure(conversationsApi.get(other.conversationId), 'not_found', 404);
      await failure(conversationsApi.remove(other.conversationId), 'not_found', 404);
      // The contact goes with every conversation of theirs.
      await contactsApi.remove(contactId);
      await failure(contactsApi.get(contactId), 'not_found', 404);
      await failure(conversationsApi.get(first.conversationId), 'not_found', 404);
      await failure(contactsApi.remove(contactId), 'not_found', 404);
      expect(await conversationsApi.list({})).toEqual([]);
    });
  });
});
