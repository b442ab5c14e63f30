// Contacts for the CRM tests: a web visitor who wrote (their conversation), and an SMS contact who texted.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { demoSite } from './helper.js';
import { visitorChat } from './inbox-helper.js';

/** A web visitor whose first message opened a conversation; their contact id. */
export async function webContact(app: FastifyInstance, body = 'Hello there') {
  const chat = await visitorChat(app, body);
  const contactId = (await app.store.conversations.byId(chat.conversationId))!.visitorId;
  return { ...chat, contactId };
}

/** An SMS contact texting from `address`, with an open text conversation holding `texts` (in the inbox). */
export async function smsContact(app: FastifyInstance, address: string, texts = ['Hi by text']) {
  const { store } = app;
  const site = await demoSite(app);
  const contact = { id: randomUUID(), siteId: site.id, name: address, createdAt: Date.now() };
  await store.visitors.insertSmsContact(contact, address, address);
  const conversationId = randomUUID();
  await store.conversations.create({
    id: conversationId,
    siteId: site.id,
    visitorId: contact.id,
    now: Date.now(),
    channel: 'sms',
  });
  for (const body of texts)
    await store.transaction(async () => {
      const c = await store.conversations.advance(conversationId, Date.now(), body, true);
      await store.messages.insert({
        id: randomUUID(),
        conversationId,
        seq: c!.lastSeq,
        clientId: null,
        author: { kind: 'visitor', id: contact.id, name: address },
        body,
        createdAt: Date.now(),
      });
    });
  await store.conversations.queue(conversationId, Date.now());
  return { contactId: contact.id, conversationId };
}

/** `{seq, body}` of every message of a conversation, read from the store. */
export async function thread(app: FastifyInstance, conversationId: string) {
  return (await app.store.messages.after(conversationId, 0, 1000)).map((m) => ({ seq: m.seq, body: m.body }));
}
