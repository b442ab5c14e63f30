// The contact profile's CRM calls (details, attributes, tags, notes, duplicates, merge, export) and the audit log,
// through the dashboard's client against the real server; answers parsed with the shared schemas by the client.
import { describe, expect, it } from 'vitest';
import { auditApi, contactsApi, conversationsApi } from '../dashboard/src/api/index.js';
import { smsContact } from '../server/test/contact-crm-helper.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('contactsApi: the CRM view', () => {
  it('edits details, attributes, tags and notes; notes show beside the conversation; refusals come in words', async () => {
    const { app, admin, adminAgent } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const chat = await visitorChat(app, 'Hello');
    const id = (await as(admin, () => conversationsApi.get(chat.conversationId))).visitorId;

    await as(admin, async () => {
      expect(
        await contactsApi.saveDetails(id, {
          name: 'Vera',
          email: 'VERA@example.com',
          phone: '+1 415 555 0123',
        }),
      ).toMatchObject({
        id,
        name: 'Vera',
        email: 'vera@example.com',
        phone: '+14155550123',
      });
      const refused = await failure(
        contactsApi.saveDetails(id, { name: '', email: 'nope', phone: '' }),
        'invalid_request',
        400,
      );
      expect(refused.details).toEqual([{ path: 'body.email', message: 'Enter a valid email address.' }]);
      expect(await contactsApi.saveAttributes(id, [{ key: 'Plan', value: 'Pro' }])).toEqual([
        { key: 'Plan', value: 'Pro' },
      ]);
      await failure(
        contactsApi.saveAttributes(id, [{ key: 'x'.repeat(41), value: '' }]),
        'invalid_request',
        400,
      );
      expect(await contactsApi.saveTags(id, ['VIP'])).toEqual(['vip']);
      const note = await contactsApi.addNote(id, 'Renewal in March');
      expect(note).toMatchObject({ contactId: id, author: { id: adminAgent.id }, body: 'Renewal in March' });
      expect(await contactsApi.notesOfConversation(chat.conversationId)).toEqual([note]);
      expect(await contactsApi.crm(id)).toMatchObject({
        details: { name: 'Vera', email: 'vera@example.com', phone: '+14155550123', smsAddress: null },
        attributes: [{ key: 'Plan', value: 'Pro' }],
        tags: ['vip'],
        notes: [note],
        duplicates: [],
      });
      await as(ann.browser, async () => {
        const notHers = await failure(contactsApi.removeNote(id, note.id), 'forbidden', 403);
        expect(notHers.message).toBe('Only the agent who wrote a note can delete it.');
      });
      await contactsApi.removeNote(id, note.id);
      expect(await contactsApi.notesOfConversation(chat.conversationId)).toEqual([]);
    });
  });

  it('lists a duplicate, merges it (admins), exports the contact (admins) and logs its deletion', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const chat = await visitorChat(app, 'Hello from the website');
    const id = (await as(admin, () => conversationsApi.get(chat.conversationId))).visitorId;
    const sam = await smsContact(app, '+14155550123');

    await as(admin, async () => {
      await contactsApi.saveDetails(id, { name: 'Vera', email: '', phone: '+1 415 555 0123' });
      expect((await contactsApi.crm(id)).duplicates).toMatchObject([
        { contact: { id: sam.contactId }, reason: 'phone' },
      ]);
    });
    await as(ann.browser, async () => {
      const refused = await failure(contactsApi.merge(id, sam.contactId), 'forbidden', 403);
      expect(refused.message).toBe('Only admins can merge contacts.');
      await failure(contactsApi.export(id), 'forbidden', 403);
      await failure(auditApi.list(), 'forbidden', 403);
    });
    await as(admin, async () => {
      expect(await contactsApi.merge(id, sam.contactId)).toMatchObject({
        contact: { id },
        movedConversations: 1,
      });
      await failure(contactsApi.get(sam.contactId), 'not_found', 404);

      const data = await contactsApi.export(id);
      expect(data.conversations.map((c) => c.conversation.id).sort()).toEqual(
        [chat.conversationId, sam.conversationId].sort(),
      );
      expect(data.conversations.flatMap((c) => c.messages.map((m) => m.body))).toEqual(
        expect.arrayContaining(['Hello from the website', 'Hi by text']),
      );
      expect(contactsApi.exportHref(id)).toBe(`/api/contacts/${id}/export`);
      const download = await admin.fetch(contactsApi.exportHref(id));
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="contact-${id}.json"`);

      await contactsApi.remove(id);
      expect(await auditApi.list()).toMatchObject([
        { action: 'contact_deleted', contactId: id, conversations: 2 },
      ]);
    });
  });
});
