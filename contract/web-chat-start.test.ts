// contactsApi.newConversation on the web channel against the real server: an agent writes to a visitor the site has
// seen (the chat waits for their next visit, held by the agent); an SMS-only contact is refused in words. Answers
// parsed with the shared schemas by the client itself.
import { describe, expect, it } from 'vitest';
import { contactsApi, conversationsApi } from '../dashboard/src/api/index.js';
import { smsContact } from '../server/test/contact-crm-helper.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('contactsApi.newConversation on the web', () => {
  it("writes into the visitor's chat, which the agent then holds; refuses a contact never on the site", async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const chat = await visitorChat(app, 'Hello?');
    const siteId = (await app.domain.sites.list())[0]!.id;
    const contactId = (await as(admin, () => conversationsApi.get(chat.conversationId))).visitorId;

    const profile = await as(ann.browser, () => contactsApi.get(contactId));
    expect(profile.contact.web).toBe(true);
    const { conversation, message } = await as(ann.browser, () =>
      contactsApi.newConversation({
        siteId,
        channel: 'web',
        contactId,
        clientId: 'web-contract-1',
        body: 'Sorry for the wait, how can I help?',
      }),
    );
    expect(conversation).toMatchObject({ id: chat.conversationId, channel: 'web', assigneeId: ann.agent.id });
    expect(message).toMatchObject({
      author: { kind: 'agent', id: ann.agent.id },
      body: 'Sorry for the wait, how can I help?',
    });

    const sam = await smsContact(app, '+14155550177');
    expect((await as(admin, () => contactsApi.get(sam.contactId))).contact.web).toBe(false);
    const refused = await failure(
      as(admin, () =>
        contactsApi.newConversation({
          siteId,
          channel: 'web',
          contactId: sam.contactId,
          clientId: 'web-contract-2',
          body: 'Hi',
        }),
      ),
      'invalid_request',
      400,
    );
    expect(refused.message).toMatch(/never been on your website/);
  });
});
