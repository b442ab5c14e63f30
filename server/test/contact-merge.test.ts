// Merging duplicate contacts (admins): history is kept (conversations move with their ids, numbers, messages and
// seqs), CRM data is unioned with the survivor winning, the SMS address keeps its opt-out, the merged row goes; two
// open conversations on one channel are refused in words; widgets end up safe (domain/contact-merge.ts).
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactCrmBodySchema, MergeContactResponseSchema } from '@livechat/shared/api';
import { ActivityListBodySchema } from '@livechat/shared/api';
import { CloseCode, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { closeTestSockets, connectedVisitor, makeApp, visitorSocket } from './helper.js';
import { call, inbox } from './inbox-helper.js';
import { smsContact, thread, webContact } from './contact-crm-helper.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

const merge = (a: FastifyInstance, cookie: string, intoId: string, otherId: string) =>
  call(a, cookie, 'POST', `/api/contacts/${intoId}/merge`, { otherId });

async function crm(a: FastifyInstance, cookie: string, id: string) {
  return ContactCrmBodySchema.parse((await call(a, cookie, 'GET', `/api/contacts/${id}/crm`)).json());
}

describe('merging a duplicate contact', () => {
  it('moves every conversation with every message and seq, unions the CRM data and removes the merged row', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const vera = await webContact(app, 'Hello from the website');
    const sam = await smsContact(app, '+14155550123', ['Hi by text', 'Are you there?']);
    await app.store.visitors.setSmsOptedOut(sam.contactId, 1_000);
    const put = (id: string, what: string, body: unknown) =>
      call(app!, admin, 'PUT', `/api/contacts/${id}/${what}`, body);
    await put(vera.contactId, 'details', { name: 'Vera Novak', email: '', phone: '+1 415 555 0123' });
    await put(sam.contactId, 'details', { name: 'Sam Texter', email: 'vera@example.com', phone: '' });
    await put(vera.contactId, 'attributes', { attributes: [{ key: 'Plan', value: 'Pro' }] });
    await put(sam.contactId, 'attributes', {
      attributes: [
        { key: 'plan', value: 'Free' },
        { key: 'City', value: 'Ljubljana' },
      ],
    });
    await put(vera.contactId, 'tags', { tags: ['vip'] });
    await put(sam.contactId, 'tags', { tags: ['vip', 'sms'] });
    await call(app, admin, 'POST', `/api/contacts/${sam.contactId}/notes`, { body: 'Texts at night' });
    const before = {
      web: await app.store.conversations.byId(vera.conversationId),
      sms: await app.store.conversations.byId(sam.conversationId),
      webThread: await thread(app, vera.conversationId),
      smsThread: await thread(app, sam.conversationId),
    };
    expect((await crm(app, admin, vera.contactId)).duplicates.map((d) => d.contact.id)).toEqual([
      sam.contactId,
    ]);

    const res = await merge(app, admin, vera.contactId, sam.contactId);
    expect(res.statusCode, res.body).toBe(200);
    expect(MergeContactResponseSchema.parse(res.json())).toMatchObject({
      contact: { id: vera.contactId, name: 'Vera Novak', email: 'vera@example.com', smsOptedOut: true },
      movedConversations: 1,
    });

    const moved = await app.store.conversations.byId(sam.conversationId);
    expect(moved).toMatchObject({
      id: sam.conversationId,
      number: before.sms!.number,
      lastSeq: before.sms!.lastSeq,
      visitorId: vera.contactId,
      visitorName: 'Vera Novak',
      channel: 'sms',
    });
    expect(await thread(app, sam.conversationId)).toEqual(before.smsThread);
    expect(await thread(app, vera.conversationId)).toEqual(before.webThread);
    expect((await app.store.messages.after(sam.conversationId, 0, 10)).map((m) => m.author.id)).toEqual([
      vera.contactId,
      vera.contactId,
    ]);
    expect(await app.store.visitors.byId(sam.contactId)).toBeNull();
    expect(await app.store.visitors.bySmsAddress(before.sms!.siteId, '+14155550123')).toMatchObject({
      id: vera.contactId,
    });
    const after = await crm(app, admin, vera.contactId);
    expect(after.attributes).toEqual([
      { key: 'Plan', value: 'Pro' },
      { key: 'City', value: 'Ljubljana' },
    ]);
    expect(after.tags).toEqual(['sms', 'vip']);
    expect(after.notes.map((n) => n.body)).toEqual(['Texts at night']);
    expect(after.details).toMatchObject({ smsAddress: '+14155550123', email: 'vera@example.com' });
    expect(after.duplicates).toEqual([]);
    // Still opted out: nobody may text the number until it texts START.
    expect((await app.store.visitors.contactById(vera.contactId))!.smsOptedOutAt).toBe(1_000);

    const timeline = ActivityListBodySchema.parse(
      (await call(app, admin, 'GET', `/api/conversations/${sam.conversationId}/activities`)).json(),
    ).activities;
    expect(timeline.filter((a) => a.kind === 'contact_merged')).toMatchObject([
      {
        text: 'Admin merged the contact Sam Texter into Vera Novak',
        data: { mergedContactId: sam.contactId },
      },
    ]);
    const profile = await call(app, admin, 'GET', `/api/contacts/${vera.contactId}`);
    expect(
      profile
        .json<{ conversations: { id: string }[] }>()
        .conversations.map((c) => c.id)
        .sort(),
    ).toEqual([vera.conversationId, sam.conversationId].sort());
    expect((await call(app, admin, 'GET', `/api/contacts/${sam.contactId}`)).statusCode).toBe(404);
  });

  it('refuses two open conversations on one channel, agents, and merging a contact into itself', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const vera = await webContact(app);
    const twin = await webContact(app, 'Me on my phone');
    const numbers = await Promise.all(
      [vera.conversationId, twin.conversationId].map(
        async (id) => (await app!.store.conversations.byId(id))!.number,
      ),
    );
    const refused = await merge(app, admin, vera.contactId, twin.contactId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      error: {
        code: 'conflict',
        message: `Both contacts have an open website chat conversation. Close conversation #${numbers[0]} or #${numbers[1]} first.`,
      },
    });
    expect(await app.store.visitors.byId(twin.contactId)).not.toBeNull();
    const asAnn = await merge(app, ann.cookie, vera.contactId, twin.contactId);
    expect(asAnn.statusCode).toBe(403);
    expect(asAnn.json<{ error: { message: string } }>().error.message).toBe(
      'Only admins can merge contacts.',
    );
    expect((await merge(app, admin, vera.contactId, vera.contactId)).statusCode).toBe(400);
    expect((await merge(app, admin, vera.contactId, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );

    // Once one is closed they merge; the merged browser's token went with its row, so it starts over.
    expect(
      (await call(app, admin, 'POST', `/api/conversations/${twin.conversationId}/close`)).statusCode,
    ).toBe(200);
    expect((await merge(app, admin, vera.contactId, twin.contactId)).statusCode).toBe(200);
    expect(await twin.socket.waitForClose()).toBe(CloseCode.Unauthorized);
    expect(vera.socket.closeCode).toBeNull();
    const back = await visitorSocket(app);
    back.send({ type: 'hello', v: PROTOCOL_VERSION, token: twin.token });
    expect(await back.waitForClose()).toBe(CloseCode.Unauthorized);
  });

  it("gives an SMS contact the merged web visitor's widget: that browser comes back as them", async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const vera = await webContact(app, 'Hello from the website');
    const sam = await smsContact(app, '+14155550123');
    expect((await merge(app, admin, sam.contactId, vera.contactId)).statusCode).toBe(200);
    expect(await vera.socket.waitForClose()).toBe(CloseCode.GoingAway);
    const again = await connectedVisitor(app, {
      token: vera.token,
      resume: { conversationId: vera.conversationId, afterSeq: 0 },
    });
    expect(again.welcome.visitorId).toBe(sam.contactId);
    expect(again.welcome.conversationId).toBe(vera.conversationId);
  });
});
