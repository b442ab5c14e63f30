// Contacts as the CRM view of a person: editable details, custom attributes and tags (refused in words when out of
// bounds), notes that show beside every conversation of the contact, and likely duplicates.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactCrmBodySchema, ContactNoteListBodySchema } from '@livechat/shared/api';
import { closeTestSockets, cid, makeApp } from './helper.js';
import { call, inbox } from './inbox-helper.js';
import { smsContact, webContact } from './contact-crm-helper.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string; details?: { path: string; message: string }[] } })
    .error;

async function crm(a: FastifyInstance, cookie: string, id: string) {
  const res = await call(a, cookie, 'GET', `/api/contacts/${id}/crm`);
  expect(res.statusCode, res.body).toBe(200);
  return ContactCrmBodySchema.parse(res.json());
}

describe("a contact's details, attributes and tags", () => {
  it('are saved by agents who may see the contact and refused in words when out of bounds', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const vera = await webContact(app);
    await call(app, admin, 'PUT', `/api/conversations/${vera.conversationId}/assignee`, {
      assigneeId: ann.id,
    });
    const url = `/api/contacts/${vera.contactId}`;

    const saved = await call(app, ann.cookie, 'PUT', `${url}/details`, {
      name: 'Vera Novak',
      email: ' Vera@Example.COM ',
      phone: '+386 40 123 456',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      contact: { name: 'Vera Novak', email: 'vera@example.com', phone: '+38640123456' },
    });
    for (const [body, field] of [
      [{ name: 'V', email: 'not-an-email', phone: '' }, 'email'],
      [{ name: 'V', email: '', phone: '12-345' }, 'phone'],
      [{ name: 'x'.repeat(101), email: '', phone: '' }, 'name'],
    ] as const) {
      const refused = await call(app, ann.cookie, 'PUT', `${url}/details`, body);
      expect(refused.statusCode, field).toBe(400);
      expect(errorOf(refused).code).toBe('invalid_request');
      expect(refused.body).toContain(field);
    }

    const attributes = [
      { key: 'Plan', value: 'Pro' },
      { key: 'Seats', value: '12' },
    ];
    const put = await call(app, ann.cookie, 'PUT', `${url}/attributes`, { attributes });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ attributes });
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    for (const [bad, words] of [
      [[{ key: 'x'.repeat(41), value: 'v' }], 'at most 40 characters'],
      [[{ key: '', value: 'v' }], 'Enter a name for the attribute.'],
      [[{ key: 'Plan', value: 'x'.repeat(501) }], 'at most 500 characters'],
      [tooMany, 'at most 50 attributes'],
      [
        [
          { key: 'Plan', value: 'a' },
          { key: 'plan', value: 'b' },
        ],
        '"plan" is there already.',
      ],
    ] as const) {
      const refused = await call(app, ann.cookie, 'PUT', `${url}/attributes`, { attributes: bad });
      expect(refused.statusCode, words).toBe(400);
      expect(
        errorOf(refused)
          .details?.map((d) => d.message)
          .join(' '),
      ).toContain(words);
    }

    const tagged = await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: ['VIP', 'renewal'] });
    expect(tagged.json()).toEqual({ tags: ['renewal', 'vip'] });
    expect((await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: ['no!'] })).statusCode).toBe(400);
    const twentyOne = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect((await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: twentyOne })).statusCode).toBe(400);

    expect(await crm(app, admin, vera.contactId)).toMatchObject({
      details: { name: 'Vera Novak', email: 'vera@example.com', phone: '+38640123456', smsAddress: null },
      attributes,
      tags: ['renewal', 'vip'],
    });
    // Ben cannot see Ann's chat, so not its contact either: unknown and not-yours look alike.
    for (const [method, path, body] of [
      ['GET', `${url}/crm`, undefined],
      ['PUT', `${url}/tags`, { tags: [] }],
      ['PUT', `${url}/attributes`, { attributes: [] }],
    ] as const) {
      const res = await call(app, ben.cookie, method, path, body);
      expect(res.statusCode, path).toBe(404);
    }
  });

  it("keeps an SMS contact's number: it is who they are on SMS", async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const sam = await smsContact(app, '+14155550123');
    const url = `/api/contacts/${sam.contactId}/details`;
    const refused = await call(app, admin, 'PUT', url, { name: 'Sam', email: '', phone: '+1 415 555 0199' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).message).toBe('This contact texts from their number; it cannot be changed here.');
    const saved = await call(app, admin, 'PUT', url, { name: 'Sam', email: 'sam@example.com', phone: '' });
    expect(saved.json()).toMatchObject({ contact: { name: 'Sam', phone: '+14155550123' } });
  });
});

describe('notes about a contact', () => {
  it('show beside every conversation of the contact; only their author deletes them', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const vera = await webContact(app);
    expect(
      (await call(app, admin, 'POST', `/api/conversations/${vera.conversationId}/close`)).statusCode,
    ).toBe(200);
    // Writing again opens her second conversation.
    const id = cid('v');
    vera.socket.send({ type: 'message.send', id, body: 'Me again' });
    const ack = await vera.socket.waitFor((f) => f.type === 'ack' && f.id === id);
    const second = (ack.message as { conversationId: string }).conversationId;
    expect(second).not.toBe(vera.conversationId);

    const added = await call(app, ann.cookie, 'POST', `/api/contacts/${vera.contactId}/notes`, {
      body: 'Prefers email; renewal in March.',
    });
    expect(added.statusCode, added.body).toBe(201);
    const note = added.json<{ note: { id: string } }>().note;
    const empty = await call(app, ann.cookie, 'POST', `/api/contacts/${vera.contactId}/notes`, {
      body: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write a note first.');

    for (const conversationId of [second, vera.conversationId]) {
      const res = await call(app, ben.cookie, 'GET', `/api/conversations/${conversationId}/contact-notes`);
      expect(res.statusCode, res.body).toBe(200);
      expect(ContactNoteListBodySchema.parse(res.json()).notes).toMatchObject([
        { id: note.id, body: 'Prefers email; renewal in March.', author: { id: ann.id, name: 'Ann' } },
      ]);
    }
    // Assigned to Ann, the new conversation leaves Ben's sight, and its notes with it.
    await call(app, admin, 'PUT', `/api/conversations/${second}/assignee`, { assigneeId: ann.id });
    expect(
      (await call(app, ben.cookie, 'GET', `/api/conversations/${second}/contact-notes`)).statusCode,
    ).toBe(404);

    const notBens = await call(app, admin, 'DELETE', `/api/contacts/${vera.contactId}/notes/${note.id}`);
    expect(notBens.statusCode).toBe(403);
    expect(errorOf(notBens).message).toBe('Only the agent who wrote a note can delete it.');
    expect(
      (await call(app, ann.cookie, 'DELETE', `/api/contacts/${vera.contactId}/notes/${note.id}`)).statusCode,
    ).toBe(204);
    expect((await crm(app, admin, vera.contactId)).notes).toEqual([]);
  });
});

describe('likely duplicates', () => {
  it('are contacts with the same email, or the web visitor who gave the number an SMS contact texts from', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const vera = await webContact(app);
    const twin = await webContact(app, 'Hi from my phone');
    const other = await webContact(app, 'Someone else');
    const sam = await smsContact(app, '+14155550123');
    const details = (name: string, email: string, phone: string) => ({ name, email, phone });
    await call(
      app,
      admin,
      'PUT',
      `/api/contacts/${vera.contactId}/details`,
      details('Vera', 'vera@example.com', ''),
    );
    await call(
      app,
      admin,
      'PUT',
      `/api/contacts/${twin.contactId}/details`,
      details('V.', 'VERA@example.com', ''),
    );
    await call(
      app,
      admin,
      'PUT',
      `/api/contacts/${other.contactId}/details`,
      details('Web Sam', '', '+1 (415) 555-0123'),
    );

    const ofVera = (await crm(app, admin, vera.contactId)).duplicates;
    expect(ofVera.map((d) => [d.contact.id, d.reason])).toEqual([[twin.contactId, 'email']]);
    expect((await crm(app, admin, other.contactId)).duplicates.map((d) => [d.contact.id, d.reason])).toEqual([
      [sam.contactId, 'phone'],
    ]);
    expect((await crm(app, admin, sam.contactId)).duplicates.map((d) => [d.contact.id, d.reason])).toEqual([
      [other.contactId, 'phone'],
    ]);
  });
});
