// SMS end to end against the fake Twilio: connecting a number, texting a contact, replies as threads, delivery
// reports (late, duplicated, reversed), retries, STOP/START/HELP, signatures, and privacy.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ContactBodySchema,
  ContactListBodySchema,
  MessageListBodySchema,
  NewConversationResponseSchema,
  SmsSettingsBodySchema,
  SmsNumberListBodySchema,
  ConversationBodySchema,
  SMS_WEBHOOK_PATHS,
} from '@livechat/shared/api';
import type { Message } from '@livechat/shared/model';
import { twilioSignature } from '../src/sms/twilio/signature.js';
import { closeTestSockets, createAgent } from './helper.js';
import {
  AUTH_TOKEN,
  CUSTOMER,
  clientId,
  redeliver,
  startSmsApp,
  textNumber,
  type SmsSetup,
} from './sms-helper.js';

/** Sends go out after COMMIT, through the outbox: give a loaded machine time. */
const soon = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 8000, interval: 50 });

let setup: SmsSetup | undefined;
afterEach(async () => {
  closeTestSockets();
  await setup?.close();
  setup = undefined;
});

const settings = async (s: SmsSetup, cookie = s.admin) => {
  const res = await s.app.inject({ method: 'GET', url: `/api/sites/${s.siteId}/sms`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return SmsSettingsBodySchema.parse(res.json()).sms;
};

const messagesOf = async (s: SmsSetup, cookie: string, conversationId: string): Promise<Message[]> => {
  const res = await s.app.inject({
    method: 'GET',
    url: `/api/conversations/${conversationId}/messages`,
    headers: { cookie },
  });
  expect(res.statusCode).toBe(200);
  return MessageListBodySchema.parse(res.json()).messages;
};

const profileOf = async (s: SmsSetup, cookie: string, contactId: string) => {
  const res = await s.app.inject({ method: 'GET', url: `/api/contacts/${contactId}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return ContactBodySchema.parse(res.json());
};

const reply = (s: SmsSetup, cookie: string, conversationId: string, body: string) =>
  s.app.inject({
    method: 'POST',
    url: `/api/conversations/${conversationId}/messages`,
    headers: { cookie },
    payload: { clientId: clientId(), body },
  });

async function startedConversation(s: SmsSetup, cookie: string, body = 'Hello from the team') {
  const res = await textNumber(s, cookie, CUSTOMER, body);
  expect(res.statusCode, res.body).toBe(201);
  return NewConversationResponseSchema.parse(res.json());
}

describe('the settings page', () => {
  it('says what is missing without an account, and never shows the token back', async () => {
    setup = await startSmsApp({ connect: false, overrides: { twilio: null } });
    expect(await settings(setup)).toMatchObject({ status: 'not_configured', account: null, number: null });
    const numbers = await setup.app.inject({
      method: 'GET',
      url: '/api/sms/numbers',
      headers: { cookie: setup.admin },
    });
    expect(numbers.statusCode).toBe(409);
    expect(numbers.json().error).toMatchObject({ code: 'sms_unavailable' });

    const saved = await setup.app.inject({
      method: 'PUT',
      url: '/api/sms/account',
      headers: { cookie: setup.admin },
      payload: { accountSid: `AC${'a1'.repeat(16)}`, authToken: AUTH_TOKEN, apiBaseUrl: setup.fake.url },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(AUTH_TOKEN);
    const view = await settings(setup);
    expect(view).toMatchObject({
      status: 'disconnected',
      account: { source: 'settings', authTokenHint: '••••6789' },
    });
    expect(JSON.stringify(view)).not.toContain(AUTH_TOKEN);
    expect(view.webhookUrls).toEqual({
      messages: `${setup.publicUrl}${SMS_WEBHOOK_PATHS.messages}`,
      status: `${setup.publicUrl}${SMS_WEBHOOK_PATHS.status}`,
    });
  });

  it('connects a number of the account, pauses, resumes and disconnects; agents may not', async () => {
    setup = await startSmsApp({ connect: false });
    const s = setup;
    expect(await settings(s)).toMatchObject({ status: 'disconnected', account: { source: 'environment' } });
    const numbers = SmsNumberListBodySchema.parse(
      (await s.app.inject({ method: 'GET', url: '/api/sms/numbers', headers: { cookie: s.admin } })).json(),
    ).numbers;
    expect(numbers.map((n) => n.phoneNumber)).toEqual(s.fake.numbers.map((n) => n.phoneNumber));

    const patch = (payload: object, cookie = s.admin) =>
      s.app.inject({ method: 'PATCH', url: `/api/sites/${s.siteId}/sms`, headers: { cookie }, payload });
    const foreign = await patch({ number: '+12025550199' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({
      message: '+12025550199 is not a number of this Twilio account.',
    });

    expect(SmsSettingsBodySchema.parse((await patch({ number: s.number })).json()).sms).toMatchObject({
      status: 'connected',
      number: s.number,
    });
    expect((await patch({ enabled: false })).json().sms.status).toBe('paused');
    expect((await patch({ enabled: true })).json().sms.status).toBe('connected');
    // Switch to the other number.
    const other = numbers[1]!.phoneNumber;
    expect((await patch({ number: other })).json().sms).toMatchObject({ status: 'connected', number: other });

    const agent = await createAgent(s.app, s.admin, 'Ann');
    expect((await patch({ enabled: false }, agent.cookie)).statusCode).toBe(403);
    expect(
      (
        await s.app.inject({
          method: 'GET',
          url: `/api/sites/${s.siteId}/sms`,
          headers: { cookie: agent.cookie },
        })
      ).statusCode,
    ).toBe(403);

    const gone = await s.app.inject({
      method: 'DELETE',
      url: `/api/sites/${s.siteId}/sms`,
      headers: { cookie: s.admin },
    });
    expect(gone.json().sms).toMatchObject({ status: 'disconnected', number: null });
  });
});

describe('texting a contact', () => {
  it('sends once from the connected number, even when the command is resent, and shows its delivery', async () => {
    setup = await startSmsApp();
    const s = setup;
    const agent = await createAgent(s.app, s.admin, 'Ann');
    const id = clientId();
    const first = await textNumber(
      s,
      agent.cookie,
      '(415) 555-0123'.replace('(415) ', '+1 415 '),
      'Hi, this is Ann',
      id,
    );
    expect(first.statusCode, first.body).toBe(201);
    const { conversation, message } = NewConversationResponseSchema.parse(first.json());
    expect(conversation).toMatchObject({ channel: 'sms', assigneeId: agent.id, status: 'open' });
    expect(message.delivery).toEqual({ status: 'queued', error: null });
    const again = await textNumber(s, agent.cookie, CUSTOMER, 'Hi, this is Ann', id);
    expect(again.json().message.id).toBe(message.id);

    await soon(async () => {
      const [stored] = await messagesOf(s, agent.cookie, conversation.id);
      expect(stored!.delivery).toEqual({ status: 'delivered', error: null });
    });
    expect(s.fake.sent).toEqual([
      expect.objectContaining({ from: s.number, to: CUSTOMER, body: 'Hi, this is Ann' }),
    ]);
    // The contact is listed with their number.
    const contacts = ContactListBodySchema.parse(
      (
        await s.app.inject({
          method: 'GET',
          url: '/api/contacts?q=555 0123',
          headers: { cookie: agent.cookie },
        })
      ).json(),
    ).contacts;
    expect(contacts).toEqual([expect.objectContaining({ phone: CUSTOMER, smsOptedOut: false })]);
  });

  it('refuses, in words, what cannot be sent: no number, paused, too long, not a phone number', async () => {
    setup = await startSmsApp({ connect: false });
    const s = setup;
    const notConnected = await textNumber(s, s.admin, CUSTOMER, 'Hello');
    expect(notConnected.statusCode).toBe(409);
    expect(notConnected.json().error).toMatchObject({
      code: 'sms_unavailable',
      message: 'No number is connected for text messages: an admin connects one on the SMS page.',
    });
    await s.app.inject({
      method: 'PATCH',
      url: `/api/sites/${s.siteId}/sms`,
      headers: { cookie: s.admin },
      payload: { number: s.number, enabled: false },
    });
    expect((await textNumber(s, s.admin, CUSTOMER, 'Hello')).json().error).toMatchObject({
      code: 'sms_unavailable',
      message: expect.stringContaining('paused'),
    });
    const tooLong = await textNumber(s, s.admin, CUSTOMER, 'x'.repeat(1601));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('at most 1600 characters');
    const shortCode = await textNumber(s, s.admin, '12345', 'Hello');
    expect(shortCode.json().error).toMatchObject({ message: expect.stringContaining('phone numbers only') });
    expect(s.fake.sent).toEqual([]);
  });

  it('retries a send the provider failed (5xx) and sends it once', async () => {
    setup = await startSmsApp();
    setup.fake.failNextSends(2, 503);
    const { conversation } = await startedConversation(setup, setup.admin);
    await soon(async () => {
      const [stored] = await messagesOf(setup!, setup!.admin, conversation.id);
      expect(stored!.delivery?.status).toBe('delivered');
    });
    expect(setup.fake.sent).toHaveLength(1);
  });

  it('applies a report that arrives before the send’s answer once the answer is recorded', async () => {
    setup = await startSmsApp();
    const s = setup;
    const held = s.fake.holdSends();
    const { conversation } = await startedConversation(s, s.admin);
    await held.arrived;
    // Twilio reports delivery while the server still waits for its answer to the send.
    await soon(() =>
      expect(s.fake.statusCallbacks.map((c) => c.fields.MessageStatus)).toContain('delivered'),
    );
    expect(s.fake.statusCallbacks.every((c) => c.responseStatus === 200)).toBe(true);
    held.release();
    await soon(async () => {
      const [text] = await messagesOf(s, s.admin, conversation.id);
      expect(text!.delivery).toEqual({ status: 'delivered', error: null });
    });
  });

  it('keeps the latest status when reports come twice or last first', async () => {
    setup = await startSmsApp({ callbackDelayMs: 20 });
    setup.fake.callbackMode = 'reversed';
    const { conversation } = await startedConversation(setup, setup.admin);
    await setup.fake.settled();
    await soon(async () => expect(setup!.fake.statusCallbacks.length).toBeGreaterThanOrEqual(2));
    await setup.fake.settled();
    const [stored] = await messagesOf(setup, setup.admin, conversation.id);
    expect(stored!.delivery).toEqual({ status: 'delivered', error: null });
  });
});

describe('replies from the contact', () => {
  it('arrive as an SMS thread in Unassigned, once per MessageSid; an agent reply goes out as a text', async () => {
    setup = await startSmsApp();
    const s = setup;
    const webhook = await s.fake.textFromPhone({
      from: CUSTOMER,
      to: s.number,
      body: 'Do you ship to Ljubljana?',
    });
    expect(webhook!.responseStatus).toBe(200);
    // Twilio retries: the very same signed request again.
    const again = await redeliver(s, webhook!);
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toContain('text/xml');
    expect(again.body).toContain('<Response/>');

    const list = await s.app.inject({
      method: 'GET',
      url: '/api/conversations?folder=unassigned',
      headers: { cookie: s.admin },
    });
    const [conversation] = list.json().conversations;
    expect(conversation).toMatchObject({ channel: 'sms', status: 'open', assigneeId: null });
    const thread = await messagesOf(s, s.admin, conversation.id);
    expect(thread.map((m) => [m.author.kind, m.body])).toEqual([['visitor', 'Do you ship to Ljubljana?']]);

    // A second text continues the same conversation (one open per contact and channel).
    await s.fake.textFromPhone({ from: CUSTOMER, to: s.number, body: 'Or to Ankara?' });
    expect(await messagesOf(s, s.admin, conversation.id)).toHaveLength(2);

    await s.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/assign`,
      headers: { cookie: s.admin },
    });
    const sent = await reply(s, s.admin, conversation.id, 'Yes, to both!');
    expect(sent.statusCode, sent.body).toBe(201);
    await soon(() => expect(s.fake.sent.map((m) => [m.to, m.body])).toEqual([[CUSTOMER, 'Yes, to both!']]));
    await soon(async () =>
      expect((await messagesOf(s, s.admin, conversation.id)).at(-1)!.delivery?.status).toBe('delivered'),
    );
  });

  it('refuses unsigned, forged and re-addressed webhooks with 403 and stores nothing', async () => {
    setup = await startSmsApp();
    const s = setup;
    const fields = {
      MessageSid: `SM${'0'.repeat(32)}`,
      From: CUSTOMER,
      To: s.number,
      Body: 'forged',
      AccountSid: 'x',
    };
    const post = (headers: Record<string, string>, url: string = SMS_WEBHOOK_PATHS.messages, body = fields) =>
      s.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams(body).toString(),
      });
    expect((await post({})).statusCode).toBe(403);
    expect(
      (
        await post({
          'x-twilio-signature': twilioSignature(
            'wrong-token',
            s.publicUrl + SMS_WEBHOOK_PATHS.messages,
            fields,
          ),
        })
      ).statusCode,
    ).toBe(403);
    // Signed for another URL (a proxy rewriting the path must not pass), and a field changed after signing.
    const signed = twilioSignature(AUTH_TOKEN, s.publicUrl + SMS_WEBHOOK_PATHS.messages, fields);
    expect(
      (await post({ 'x-twilio-signature': signed }, `${SMS_WEBHOOK_PATHS.messages}?x=1`)).statusCode,
    ).toBe(403);
    expect(
      (await post({ 'x-twilio-signature': signed }, undefined, { ...fields, Body: 'changed' })).statusCode,
    ).toBe(403);
    const counts = await s.app.inject({
      method: 'GET',
      url: '/api/conversations',
      headers: { cookie: s.admin },
    });
    expect(counts.json().conversations).toEqual([]);
    expect((await settings(s)).lastWebhook).toMatchObject({ signatureValid: false, kind: 'messages' });
    // And the real one passes, with a parameter Twilio added without notice.
    const extra = { ...fields, NewTwilioField: 'surprise' };
    const ok = await post(
      { 'x-twilio-signature': twilioSignature(AUTH_TOKEN, s.publicUrl + SMS_WEBHOOK_PATHS.messages, extra) },
      undefined,
      extra,
    );
    expect(ok.statusCode).toBe(200);
    expect((await settings(s)).lastWebhook).toMatchObject({ signatureValid: true });
    expect((await settings(s)).lastInboundAt).not.toBeNull();
  });

  it('STOP opts the contact out (sending refused until START); HELP gets the help text', async () => {
    setup = await startSmsApp();
    const s = setup;
    await s.app.inject({
      method: 'PATCH',
      url: `/api/sites/${s.siteId}/sms`,
      headers: { cookie: s.admin },
      payload: { helpText: 'Acme support: reply STOP to opt out.' },
    });
    const { conversation } = await startedConversation(s, s.admin);
    await s.fake.textFromPhone({ from: CUSTOMER, body: 'Stop' });
    const profile = await profileOf(s, s.admin, conversation.visitorId);
    expect(profile.contact.smsOptedOut).toBe(true);
    expect(profile.conversations.map((c) => c.id)).toEqual([conversation.id]);
    const refused = await reply(s, s.admin, conversation.id, 'Are you sure?');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'sms_opted_out',
      message: expect.stringContaining('START'),
    });

    await s.fake.textFromPhone({ from: CUSTOMER, body: 'start' });
    expect((await reply(s, s.admin, conversation.id, 'Welcome back')).statusCode).toBe(201);
    await soon(() => expect(s.fake.sent.at(-1)?.body).toBe('Welcome back'));
    await s.fake.textFromPhone({ from: CUSTOMER, body: 'HELP' });
    await soon(() => expect(s.fake.sent.at(-1)?.body).toBe('Acme support: reply STOP to opt out.'));
    const bodies = (await messagesOf(s, s.admin, conversation.id)).map((m) => m.body);
    expect(bodies).toContain('HELP');
    expect(bodies.some((b) => b.includes('opted out of texts (STOP)'))).toBe(true);
  });
});

describe('privacy', () => {
  it("a colleague's SMS conversation is as invisible as a web chat", async () => {
    setup = await startSmsApp();
    const s = setup;
    const ann = await createAgent(s.app, s.admin, 'Ann');
    const bob = await createAgent(s.app, s.admin, 'Bob');
    const { conversation } = await startedConversation(s, ann.cookie);
    const seen = await s.app.inject({
      method: 'GET',
      url: `/api/conversations/${conversation.id}`,
      headers: { cookie: bob.cookie },
    });
    expect(seen.statusCode).toBe(404);
    expect((await reply(s, bob.cookie, conversation.id, 'Mine now')).statusCode).toBe(404);
    // Nor is the contact, while none of their conversations is Bob's to see.
    const profile = await s.app.inject({
      method: 'GET',
      url: `/api/contacts/${conversation.visitorId}`,
      headers: { cookie: bob.cookie },
    });
    expect(profile.statusCode).toBe(404);
    const listed = await s.app.inject({
      method: 'GET',
      url: '/api/contacts',
      headers: { cookie: bob.cookie },
    });
    expect(ContactListBodySchema.parse(listed.json()).contacts).toEqual([]);
    // Bob texting the same contact is refused with a reason, not put into Ann's conversation.
    const twin = await textNumber(s, bob.cookie, CUSTOMER, 'Hi from Bob');
    expect(twin.statusCode).toBe(409);
    // The contact's reply lands in Ann's conversation, which Bob still cannot see.
    await s.fake.textFromPhone({ from: CUSTOMER, body: 'Thanks Ann' });
    const bobs = await s.app.inject({
      method: 'GET',
      url: '/api/conversations',
      headers: { cookie: bob.cookie },
    });
    expect(bobs.json().conversations).toEqual([]);
    const anns = ConversationBodySchema.parse(
      (
        await s.app.inject({
          method: 'GET',
          url: `/api/conversations/${conversation.id}`,
          headers: { cookie: ann.cookie },
        })
      ).json(),
    );
    expect(anns.conversation.lastMessagePreview).toBe('Thanks Ann');
  });
});

describe('the thread over time', () => {
  it('a closed SMS conversation stays closed: the next text opens a new one, and agents see both', async () => {
    setup = await startSmsApp();
    const s = setup;
    const { conversation } = await startedConversation(s, s.admin);
    const closed = await s.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/close`,
      headers: { cookie: s.admin },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await s.fake.textFromPhone({ from: CUSTOMER, body: 'One more question' });
    const profile = await profileOf(s, s.admin, conversation.visitorId);
    expect(profile.conversations.map((c) => [c.channel, c.status])).toEqual([
      ['sms', 'open'],
      ['sms', 'closed'],
    ]);
    expect(profile.conversations[0]!.number).toBe(conversation.number + 1);
  });

  it('keeps short codes and sender IDs as they are, never as someone else’s number', async () => {
    setup = await startSmsApp();
    const s = setup;
    const url = s.publicUrl + SMS_WEBHOOK_PATHS.messages;
    for (const [i, from] of ['72345', 'ACME Bank'].entries()) {
      const fields = {
        MessageSid: `SM${String(i).repeat(32)}`,
        From: from,
        To: s.number,
        Body: `From ${from}`,
      };
      const res = await s.app.inject({
        method: 'POST',
        url: SMS_WEBHOOK_PATHS.messages,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(AUTH_TOKEN, url, fields),
        },
        payload: new URLSearchParams(fields).toString(),
      });
      expect(res.statusCode).toBe(200);
    }
    const contacts = ContactListBodySchema.parse(
      (await s.app.inject({ method: 'GET', url: '/api/contacts', headers: { cookie: s.admin } })).json(),
    ).contacts;
    expect(contacts.map((c) => c.phone).sort()).toEqual(['72345', 'ACME Bank']);
  });

  it('a text the provider refuses for an opt-out fails with its reason and marks the contact', async () => {
    setup = await startSmsApp();
    const s = setup;
    // They texted STOP to the number before the inbox knew them (Twilio keeps the opt-out).
    s.fake.optedOut.add(CUSTOMER);
    const { conversation } = await startedConversation(s, s.admin);
    await soon(async () => {
      const [text] = await messagesOf(s, s.admin, conversation.id);
      expect(text!.delivery).toEqual({ status: 'failed', error: expect.stringContaining('opted out') });
    });
    const profile = await profileOf(s, s.admin, conversation.visitorId);
    expect(profile.contact.smsOptedOut).toBe(true);
    expect(s.fake.sent).toEqual([]);
  });
});
