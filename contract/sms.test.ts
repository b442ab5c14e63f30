// smsApi and contactsApi against the real server, texting through the fake Twilio: the SMS page's calls (account,
// numbers, connect, pause, disconnect), the senders every agent reads, and the Contacts pages' calls with the New
// message; answers parsed with the shared schemas by the client itself.
import { afterEach, describe, expect, it } from 'vitest';
import { contactsApi, smsApi } from '../dashboard/src/api/index.js';
import { startFakeTwilio, type FakeTwilio } from '../examples/fake-twilio/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, CUSTOMER } from '../server/test/sms-helper.js';
import { as, failure, server, teammate } from './setup.js';

let fake: FakeTwilio | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('smsApi', () => {
  it('enters the account, lists its numbers, connects, pauses and disconnects; agents read only the senders', async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    const { app, admin } = await server({ twilio: null });
    const siteId = (await app.domain.sites.list())[0]!.id;
    expect(await as(admin, () => smsApi.settings(siteId))).toMatchObject({ status: 'not_configured' });
    await failure(
      as(admin, () => smsApi.numbers()),
      'sms_unavailable',
      409,
    );

    const account = await as(admin, () =>
      smsApi.saveAccount({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake!.url }),
    );
    expect(account).toEqual({
      source: 'settings',
      accountSid: ACCOUNT_SID,
      authTokenHint: `••••${AUTH_TOKEN.slice(-4)}`,
      apiBaseUrl: fake.url,
    });
    const numbers = await as(admin, () => smsApi.numbers());
    expect(numbers.map((n) => n.phoneNumber)).toEqual(fake.numbers.map((n) => n.phoneNumber));

    const number = numbers[0]!.phoneNumber;
    expect(await as(admin, () => smsApi.save(siteId, { number }))).toMatchObject({
      status: 'connected',
      number,
    });
    expect(await as(admin, () => smsApi.save(siteId, { enabled: false }))).toMatchObject({
      status: 'paused',
    });

    const { browser: ann } = await teammate(app, admin, 'Ann');
    expect(await as(ann, () => smsApi.senders())).toEqual([
      { siteId, siteName: expect.any(String), number, enabled: false },
    ]);
    await failure(
      as(ann, () => smsApi.settings(siteId)),
      'forbidden',
      403,
    );

    expect(await as(admin, () => smsApi.disconnect(siteId))).toMatchObject({
      status: 'disconnected',
      number: null,
    });
    expect(await as(ann, () => smsApi.senders())).toEqual([]);
  });
});

describe('contactsApi', () => {
  it('texts a new number, finds the contact, opens their profile, and is told why a text cannot go', async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    const { app, admin } = await server({
      twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake.url },
    });
    const siteId = (await app.domain.sites.list())[0]!.id;
    await as(admin, () => smsApi.save(siteId, { number: fake!.numbers[0]!.phoneNumber }));
    const { browser: ann, agent } = await teammate(app, admin, 'Ann');

    const { conversation, message } = await as(ann, () =>
      contactsApi.newConversation({
        siteId,
        channel: 'sms',
        to: CUSTOMER,
        clientId: 'contract-sms-1',
        body: 'Hello!',
      }),
    );
    expect(conversation).toMatchObject({ channel: 'sms', assigneeId: agent.id });
    expect(message.delivery).toEqual({ status: 'queued', error: null });

    const [found] = await as(ann, () => contactsApi.list('0123'));
    expect(found).toMatchObject({ id: conversation.visitorId, phone: CUSTOMER, smsOptedOut: false });
    const profile = await as(ann, () => contactsApi.get(found!.id));
    expect(profile.conversations.map((c) => c.id)).toEqual([conversation.id]);

    // The next text from the profile continues the open conversation.
    const next = await as(ann, () =>
      contactsApi.newConversation({
        siteId,
        channel: 'sms',
        contactId: found!.id,
        clientId: 'contract-sms-2',
        body: 'One more thing',
      }),
    );
    expect(next.conversation.id).toBe(conversation.id);

    await as(admin, () => smsApi.save(siteId, { enabled: false }));
    const paused = await failure(
      as(ann, () =>
        contactsApi.newConversation({
          siteId,
          channel: 'sms',
          to: CUSTOMER,
          clientId: 'contract-sms-3',
          body: 'Hi',
        }),
      ),
      'sms_unavailable',
      409,
    );
    expect(paused.message).toContain('paused');
    const badNumber = await failure(
      as(ann, () =>
        contactsApi.newConversation({
          siteId,
          channel: 'sms',
          to: '12-34',
          clientId: 'contract-sms-4',
          body: 'Hi',
        }),
      ),
      'invalid_request',
      400,
    );
    expect(badNumber.details).toEqual([expect.objectContaining({ path: 'body.to' })]);
  });
});
