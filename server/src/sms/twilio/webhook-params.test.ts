import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidWebhookError } from '../provider.js';
import { parseTwilioInbound, parseTwilioStatus } from './webhook-params.js';

const SID = 'SMbe794ce78f6b9fdf853d2acb76c080db';

// An incoming MMS as Twilio posts it: the fields the inbox reads among many it does not.
const inbound = new URLSearchParams({
  ToCountry: 'US',
  ToState: 'CA',
  SmsMessageSid: SID,
  NumMedia: '2',
  ToCity: 'SAN BRUNO',
  FromZip: '94030',
  SmsSid: SID,
  FromState: 'CA',
  SmsStatus: 'received',
  FromCity: 'SAN BRUNO',
  Body: 'Here are the photos <3',
  FromCountry: 'US',
  To: '+16505558225',
  ToZip: '94030',
  NumSegments: '1',
  MessageSid: SID,
  AccountSid: 'AC00000000000000000000000000000000',
  From: '+16505551199',
  ApiVersion: '2010-04-01',
  MediaContentType1: 'image/png',
  MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/SM0/Media/ME1',
  MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/SM0/Media/ME0',
  MediaContentType0: 'image/jpeg',
});

describe('an incoming message', () => {
  it('reads the sender, the number texted, the text and every attachment in order', () => {
    expect(parseTwilioInbound(inbound)).toEqual({
      providerMessageId: SID,
      from: '+16505551199',
      to: '+16505558225',
      body: 'Here are the photos <3',
      media: [
        {
          url: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/SM0/Media/ME0',
          contentType: 'image/jpeg',
        },
        {
          url: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/SM0/Media/ME1',
          contentType: 'image/png',
        },
      ],
    });
  });

  it('orders attachments by number, not as text (MediaUrl10 after MediaUrl9)', () => {
    const params = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`MediaUrl${10 - i}`, `https://media.example/${10 - i}`]),
    );
    const media = parseTwilioInbound({ ...params, MessageSid: SID, From: '+1', To: '+2' }).media;
    expect(media.map((m) => m.url)).toEqual(
      Array.from({ length: 11 }, (_, i) => `https://media.example/${i}`),
    );
    expect(media.every((m) => m.contentType === 'application/octet-stream')).toBe(true);
  });

  it('ignores fields it does not know, whatever they are', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (extra) => {
        const known = new Set(inbound.keys());
        const unknown = Object.entries(extra).filter(([name]) => !known.has(name) && !/^Media/.test(name));
        const params = new URLSearchParams([...inbound.entries(), ...unknown]);
        expect(parseTwilioInbound(params)).toEqual(parseTwilioInbound(inbound));
      }),
    );
  });

  it('takes a message without text (a picture alone) as an empty body', () => {
    const params = new URLSearchParams(inbound);
    params.delete('Body');
    expect(parseTwilioInbound(params).body).toBe('');
  });

  it('refuses a body that is not a Twilio webhook, saying what is missing', () => {
    expect(() => parseTwilioInbound({ Body: 'hi', From: '' })).toThrow(
      new InvalidWebhookError(
        'This is not a Twilio incoming message: MessageSid, From, To missing or empty.',
      ),
    );
    const badMedia = new URLSearchParams(inbound);
    badMedia.set('MediaUrl1', 'javascript:alert(1)');
    expect(() => parseTwilioInbound(badMedia)).toThrow('MediaUrl1 is not an http(s) URL.');
  });
});

describe('a status callback', () => {
  const callback = (MessageStatus: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({ MessageSid: SID, SmsSid: SID, MessageStatus, SmsStatus: MessageStatus, ...extra });

  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['queued', 'queued'],
    ['sending', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
  ])('maps %s to %s', (twilio, ours) => {
    expect(parseTwilioStatus(callback(twilio))).toEqual({ providerMessageId: SID, status: ours });
  });

  it.each(['receiving', 'received', 'partially_delivered', 'toString', '__proto__'])(
    'has nothing to record for %s',
    (twilio) => {
      expect(parseTwilioStatus(callback(twilio))).toBeNull();
    },
  );

  it('carries the error code of a failure, and a message when one is sent', () => {
    expect(parseTwilioStatus(callback('undelivered', { ErrorCode: '30003' }))).toEqual({
      providerMessageId: SID,
      status: 'undelivered',
      errorCode: '30003',
    });
    expect(
      parseTwilioStatus(callback('failed', { ErrorCode: '30007', ErrorMessage: 'Carrier violation' })),
    ).toEqual({
      providerMessageId: SID,
      status: 'failed',
      errorCode: '30007',
      errorMessage: 'Carrier violation',
    });
    expect(parseTwilioStatus(callback('delivered', { ErrorCode: '' }))).not.toHaveProperty('errorCode');
  });

  it('refuses a callback without a message id or a status', () => {
    expect(() => parseTwilioStatus({ MessageStatus: 'sent' })).toThrow(InvalidWebhookError);
    expect(() => parseTwilioStatus({ MessageSid: SID })).toThrow(
      'This is not a Twilio status callback: MessageStatus missing or empty.',
    );
  });
});
