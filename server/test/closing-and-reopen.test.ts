// Closing with a closing message (web widget and SMS) and reopening where the site allows it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  ActivityListBodySchema,
  ClosingMessageBodySchema,
  ClosingMessageListBodySchema,
  CloseOptionsBodySchema,
  ConversationBodySchema,
  MessageListBodySchema,
} from '@livechat/shared/api';
import { closeTestSockets, connectedAgent, demoSite, makeApp, updateAgent } from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';
import { waitForMessage } from './playbook-helper.js';
import { CUSTOMER, clientId, startSmsApp, textNumber, type SmsSetup } from './sms-helper.js';

const soon = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 8000, interval: 50 });

let app: FastifyInstance | undefined;
let sms: SmsSetup | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  await sms?.close();
  app = sms = undefined;
});

const closingMessages = async (a: FastifyInstance, cookie: string, siteId: string) => {
  const res = await call(a, cookie, 'GET', `/api/sites/${siteId}/closing-messages`);
  expect(res.statusCode, res.body).toBe(200);
  return ClosingMessageListBodySchema.parse(res.json()).closingMessages;
};
const thread = async (a: FastifyInstance, cookie: string, id: string) =>
  MessageListBodySchema.parse((await call(a, cookie, 'GET', `/api/conversations/${id}/messages`)).json())
    .messages;
const activities = async (a: FastifyInstance, cookie: string, id: string) =>
  ActivityListBodySchema.parse((await call(a, cookie, 'GET', `/api/conversations/${id}/activities`)).json())
    .activities;
const allowReopen = (a: FastifyInstance, cookie: string, siteId: string, on: boolean) =>
  call(a, cookie, 'PATCH', `/api/sites/${siteId}`, { allowReopen: on });

describe('closing messages', () => {
  it("come built in in the site's language; admins add, change and delete them; agents may not", async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const siteId = (await demoSite(app)).id;
    const english = await closingMessages(app, admin, siteId);
    expect(english.map((m) => [m.locale, m.text])[0]).toEqual([
      'en',
      'Thanks for chatting with us. Have a great day!',
    ]);
    expect(english.every((m) => m.locale === 'en')).toBe(true);
    const added = await call(app, admin, 'POST', `/api/sites/${siteId}/closing-messages`, {
      text: '  See you soon!  ',
    });
    expect(added.statusCode, added.body).toBe(201);
    const own = ClosingMessageBodySchema.parse(added.json()).closingMessage;
    expect(own).toMatchObject({ text: 'See you soon!', locale: null });
    expect(
      (await call(app, admin, 'POST', `/api/sites/${siteId}/closing-messages`, { text: ' ' })).json(),
    ).toMatchObject({ error: { code: 'invalid_request' } });

    // The site speaks Turkish: the Turkish built-in ones, and the admins' own.
    const playbook = (await call(app, admin, 'GET', `/api/sites/${siteId}/playbook`)).json().playbook;
    const saved = await call(app, admin, 'PUT', `/api/sites/${siteId}/playbook`, {
      ...playbook,
      locale: 'tr',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const turkish = await closingMessages(app, admin, siteId);
    expect(turkish[0]!.text).toBe('Bizimle sohbet ettiğiniz için teşekkürler. İyi günler dileriz!');
    expect(turkish.at(-1)).toEqual(own);

    const changed = await call(app, admin, 'PUT', `/api/sites/${siteId}/closing-messages/${own.id}`, {
      text: 'Görüşmek üzere!',
    });
    expect(ClosingMessageBodySchema.parse(changed.json()).closingMessage.text).toBe('Görüşmek üzere!');
    const builtIn = turkish[0]!;
    expect(
      (await call(app, admin, 'DELETE', `/api/sites/${siteId}/closing-messages/${builtIn.id}`)).statusCode,
    ).toBe(204);
    expect((await closingMessages(app, admin, siteId)).map((m) => m.id)).not.toContain(builtIn.id);
    expect(
      (await call(app, admin, 'DELETE', `/api/sites/${siteId}/closing-messages/${builtIn.id}`)).statusCode,
    ).toBe(404);

    expect((await call(app, ann.cookie, 'GET', `/api/sites/${siteId}/closing-messages`)).statusCode).toBe(
      403,
    );
    expect(
      (await call(app, ann.cookie, 'POST', `/api/sites/${siteId}/closing-messages`, { text: 'Hi' }))
        .statusCode,
    ).toBe(403);
  });

  it('are sent to the visitor as the last message before the close, in one unit; an unknown id is 400', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const siteId = (await demoSite(app)).id;
    const { socket: visitor, conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);

    const options = CloseOptionsBodySchema.parse(
      (await call(app, ann.cookie, 'GET', `/api/conversations/${id}/close-options`)).json(),
    );
    expect(options.reopenAllowed).toBe(false);
    const [thanks] = options.closingMessages;
    expect(thanks!.text).toBe('Thanks for chatting with us. Have a great day!');

    const unknown = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`, {
      closingMessageId: 'no-such-message',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringContaining('closing message does not exist') },
    });
    // Refused whole: nothing was sent, nothing closed.
    expect((await thread(app, admin, id)).map((m) => m.body)).not.toContain(thanks!.text);
    expect(
      ConversationBodySchema.parse((await call(app, admin, 'GET', `/api/conversations/${id}`)).json()),
    ).toMatchObject({ conversation: { status: 'open' } });
    // Another site's message is unknown here too.
    expect(
      (await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`, { closingMessageId: siteId }))
        .statusCode,
    ).toBe(400);

    const closed = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`, {
      closingMessageId: thanks!.id,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const said = await waitForMessage(visitor, thanks!.text);
    expect(said.message).toMatchObject({ author: { kind: 'agent', name: 'Ann' } });
    await waitForMessage(visitor, 'The chat was closed.');
    const messages = await thread(app, admin, id);
    expect(messages.slice(-2).map((m) => [m.author.kind, m.body])).toEqual([
      ['agent', thanks!.text],
      ['system', 'The chat was closed.'],
    ]);
    expect((await activities(app, admin, id)).at(-1)).toMatchObject({
      kind: 'closed',
      data: { closingMessageId: thanks!.id },
    });
  });

  it('go to an SMS contact as a text through the outbox', async () => {
    sms = await startSmsApp();
    const s = sms;
    const started = await textNumber(s, s.admin, CUSTOMER, 'Hello from the team', clientId());
    expect(started.statusCode, started.body).toBe(201);
    const { conversation } = started.json<{ conversation: { id: string } }>();
    const [thanks] = await closingMessages(s.app, s.admin, s.siteId);
    const closed = await call(s.app, s.admin, 'POST', `/api/conversations/${conversation.id}/close`, {
      closingMessageId: thanks!.id,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await soon(() =>
      expect(s.fake.sent.map((m) => [m.to, m.body])).toEqual([
        [CUSTOMER, 'Hello from the team'],
        [CUSTOMER, thanks!.text],
      ]),
    );
    const last = (await thread(s.app, s.admin, conversation.id))
      .filter((m) => m.author.kind === 'agent')
      .at(-1);
    expect(last).toMatchObject({ body: thanks!.text, delivery: { status: expect.any(String) } });
  });
});

describe('reopening', () => {
  it('is refused (403) while the site setting is off, the default', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`);
    const refused = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/reopen`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('Allow reopening closed chats') },
    });
  });

  it('returns the chat to its assignee, with an activity; the visitor sees them back and gets new messages', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const siteId = (await demoSite(app)).id;
    expect((await allowReopen(app, admin, siteId, true)).json()).toMatchObject({
      site: { allowReopen: true },
    });
    const { socket: visitor, conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`);
    const annSocket = await connectedAgent(app, ann.cookie);

    const reopened = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(ConversationBodySchema.parse(reopened.json()).conversation).toMatchObject({
      status: 'open',
      closedAt: null,
      assigneeId: ann.id,
    });
    // Dashboards move it out of Closed.
    await annSocket.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { id: string; status: string }).id === id &&
        (f.conversation as { status: string }).status === 'open',
    );
    expect((await activities(app, admin, id)).at(-1)).toMatchObject({
      kind: 'reopened',
      text: 'Ann reopened the conversation',
      actor: { id: ann.id },
    });
    await waitForMessage(visitor, 'Ann joined the chat');
    const sent = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/messages`, {
      clientId: clientId(),
      body: 'One more thing',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await waitForMessage(visitor, 'One more thing');
    expect(
      (await call(app, ann.cookie, 'GET', '/api/conversations?folder=mine')).json().conversations,
    ).toEqual([expect.objectContaining({ id })]);
    // Open already.
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${id}/reopen`)).statusCode).toBe(409);
  });

  it('returns the chat to Unassigned when its agent was deactivated', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    await allowReopen(app, admin, (await demoSite(app)).id, true);
    const { conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`);
    expect((await updateAgent(app, admin, ann.id, { active: false })).statusCode).toBe(200);

    const reopened = await call(app, admin, 'POST', `/api/conversations/${id}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      conversation: { status: 'open', assigneeId: null, queuedAt: expect.any(Number) },
    });
    expect(
      (await call(app, ben.cookie, 'GET', '/api/conversations?folder=unassigned')).json().conversations,
    ).toEqual([expect.objectContaining({ id })]);
    expect((await activities(app, admin, id)).at(-1)).toMatchObject({
      kind: 'reopened',
      text: 'Admin reopened the conversation',
    });
  });

  it('is refused (409, naming it) while the contact has another open conversation on the channel', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    await allowReopen(app, admin, (await demoSite(app)).id, true);
    const { socket: visitor, conversationId: first } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${first}/assign`);
    await call(app, ann.cookie, 'POST', `/api/conversations/${first}/close`);
    visitor.send({ type: 'message.send', id: clientId(), body: 'Me again' });
    const ack = await visitor.waitFor(
      (f) => f.type === 'ack' && (f.message as { body?: string })?.body === 'Me again',
    );
    const second = (ack.message as { conversationId: string }).conversationId;
    expect(second).not.toBe(first);
    const number = ConversationBodySchema.parse(
      (await call(app, admin, 'GET', `/api/conversations/${second}`)).json(),
    ).conversation.number;

    const refused = await call(app, admin, 'POST', `/api/conversations/${first}/reopen`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining(`#${number}`) },
    });
  });
});
