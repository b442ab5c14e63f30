// "New" on the web: an agent writes to a visitor the site has seen. The message waits in the visitor's chat (a new
// one the agent holds, or their open one), the launcher's status counts it for the visitor's token only (until their
// widget connects again), and their next connect replays it. SMS-only contacts are refused in words; colleagues never
// see the agent's chat.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { NewConversationResponseSchema, WidgetStatusBodySchema } from '@livechat/shared/api';
import type { Message } from '@livechat/shared/model';
import {
  SITE_ORIGIN,
  closeTestSockets,
  connectedVisitor,
  createAgent,
  demoSite,
  login,
  makeApp,
} from './helper.js';
import { call, listIds } from './inbox-helper.js';
import { smsContact, webContact } from './contact-crm-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

let n = 0;
const startWeb = async (
  cookie: string,
  contactId: string,
  body = 'We have your order ready, Vera!',
  clientId = `web-start-${++n}`,
) =>
  call(app, cookie, 'POST', '/api/conversations', {
    siteId: (await demoSite(app)).id,
    channel: 'web',
    contactId,
    clientId,
    body,
  });

const status = (headers: Record<string, string> = {}) =>
  app.inject({ url: '/api/widget/demo-site-key/status', headers: { origin: SITE_ORIGIN, ...headers } });

const unreadOf = async (token: string) => {
  const res = await status({ authorization: `Bearer ${token}` });
  expect(res.statusCode, res.body).toBe(200);
  return WidgetStatusBodySchema.parse(res.json()).unread;
};

describe('an agent starts a web chat with a visitor the site has seen', () => {
  it('stores it in a new chat the agent holds; the launcher counts it and the next connect replays it', async () => {
    app = await makeApp();
    const admin = await login(app);
    const ann = await createAgent(app, admin, 'Ann');
    const bob = await createAgent(app, admin, 'Bob');
    const vera = await webContact(app, 'Where is my order?');
    vera.socket.close();
    const closed = await call(app, admin, 'POST', `/api/conversations/${vera.conversationId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await unreadOf(vera.token)).toBe(0);

    const res = await startWeb(ann.cookie, vera.contactId);
    expect(res.statusCode, res.body).toBe(201);
    const { conversation, message } = NewConversationResponseSchema.parse(res.json());
    expect(conversation).toMatchObject({
      channel: 'web',
      visitorId: vera.contactId,
      assigneeId: ann.id,
      status: 'open',
      startedByAgent: true,
    });
    expect(conversation.id).not.toBe(vera.conversationId);
    expect(message).toMatchObject({
      conversationId: conversation.id,
      author: { kind: 'agent', id: ann.id },
      body: 'We have your order ready, Vera!',
    });
    // The same command again (a lost answer retried) stores nothing twice.
    const again = await startWeb(ann.cookie, vera.contactId, undefined, `web-start-${n}`);
    expect(NewConversationResponseSchema.parse(again.json()).message.id).toBe(message.id);

    // The launcher's cue: the agent's message (not the "joined" line); nothing for a stranger's request.
    expect(await unreadOf(vera.token)).toBe(1);
    expect((await status()).json()).not.toHaveProperty('unread');
    expect((await status({ authorization: `Bearer ${'x'.repeat(40)}` })).json()).not.toHaveProperty('unread');

    // It is Ann's: in her lists; Bob neither lists nor opens it.
    expect(await listIds(app, ann.cookie)).toContain(conversation.id);
    expect(await listIds(app, bob.cookie)).not.toContain(conversation.id);
    expect((await call(app, bob.cookie, 'GET', `/api/conversations/${conversation.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(app, bob.cookie, 'GET', `/api/conversations/${conversation.id}/messages`)).statusCode,
    ).toBe(404);

    // The visitor comes back: the welcome names the chat and the replay carries Ann's message.
    const back = await connectedVisitor(app, { token: vera.token });
    expect(back.welcome.conversationId).toBe(conversation.id);
    const replayed = await back.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).id === message.id,
    );
    expect((replayed.message as Message).body).toBe('We have your order ready, Vera!');
    // The widget has it now (and badges itself with what it has not shown): the server counts from this connect on.
    expect(await unreadOf(vera.token)).toBe(0);
  });

  it("continues the visitor's open chat, taking it from Unassigned", async () => {
    app = await makeApp();
    const admin = await login(app);
    const ann = await createAgent(app, admin, 'Ann');
    const vera = await webContact(app, 'Anyone there?');
    const res = await startWeb(ann.cookie, vera.contactId, 'Yes, sorry for the wait!');
    expect(res.statusCode, res.body).toBe(201);
    const { conversation } = NewConversationResponseSchema.parse(res.json());
    expect(conversation).toMatchObject({ id: vera.conversationId, assigneeId: ann.id });
    expect(await unreadOf(vera.token)).toBe(1);
    // Another agent cannot write into Ann's chat this way.
    const bob = await createAgent(app, admin, 'Bob');
    const taken = await startWeb(bob.cookie, vera.contactId, 'Hello from Bob');
    expect(taken.statusCode).toBe(409);
  });

  it('refuses, in words, a contact who has never been on the site (SMS only)', async () => {
    app = await makeApp();
    const admin = await login(app);
    const sam = await smsContact(app, '+14155550123');
    const res = await startWeb(admin, sam.contactId);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/never been on your website/);
    // A text needs a number, and a web chat a contact: `to` alone is refused.
    const noContact = await call(app, admin, 'POST', '/api/conversations', {
      siteId: (await demoSite(app)).id,
      channel: 'web',
      to: '+14155550123',
      clientId: 'web-to',
      body: 'Hi',
    });
    expect(noContact.statusCode).toBe(400);
  });

  it("lets the site's pages send the token: preflight from allowed origins only", async () => {
    app = await makeApp();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/widget/demo-site-key/status',
      headers: { origin: SITE_ORIGIN, 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization');
    const foreign = await app.inject({
      method: 'OPTIONS',
      url: '/api/widget/demo-site-key/status',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
  });
});
