// MMS over the SMS channel, end to end against the fake Twilio (both engines): an incoming MMS's media fetched (with
// the account's credentials only where Twilio serves them) and stored on the message in order, once however often
// the webhook comes; what cannot be kept is said in words; an agent's images go out as one MMS whose MediaUrls the
// fake really fetches from the server; what MMS cannot carry is refused before anything is sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConversationListBodySchema,
  MessageListBodySchema,
  NewConversationResponseSchema,
  SMS_WEBHOOK_PATHS,
  UploadResponseSchema,
} from '@livechat/shared/api';
import type { Attachment, Message } from '@livechat/shared/model';
import { pdf, png } from '../src/domain/media/fixtures/bytes.js';
import { smallJpeg } from '../src/domain/media/image-fixtures.js';
import { twilioSignature } from '../src/sms/twilio/signature.js';
import { closeTestSockets } from './helper.js';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  CUSTOMER,
  clientId,
  startSmsApp,
  textNumber,
  type SmsSetup,
  redeliver,
} from './sms-helper.js';

const soon = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 8000, interval: 50 });
const BASIC = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
/** A real, decodable JPEG. */
const jpeg = Buffer.from(smallJpeg());
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

let setup: SmsSetup | undefined;
const servers: http.Server[] = [];
afterEach(async () => {
  closeTestSockets();
  await setup?.close();
  setup = undefined;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Another host (another origin): serves a PNG at any path and records each request's Authorization header. */
async function otherHost() {
  const requests: { path: string; authorization: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(200, { 'content-type': 'image/png' }).end(png());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

async function unassigned(s: SmsSetup) {
  const res = await s.app.inject({
    method: 'GET',
    url: '/api/conversations?folder=unassigned',
    headers: { cookie: s.admin },
  });
  return ConversationListBodySchema.parse(res.json()).conversations;
}

async function messagesOf(s: SmsSetup, conversationId: string): Promise<Message[]> {
  const res = await s.app.inject({
    method: 'GET',
    url: `/api/conversations/${conversationId}/messages`,
    headers: { cookie: s.admin },
  });
  expect(res.statusCode).toBe(200);
  return MessageListBodySchema.parse(res.json()).messages;
}

/** The contact's one message, from the conversation their MMS opened. */
async function theInboundMessage(s: SmsSetup): Promise<Message> {
  const [conversation] = await unassigned(s);
  const [message, ...rest] = await messagesOf(s, conversation!.id);
  expect(rest).toEqual([]);
  return message!;
}

/** The file at an attachment's URL, as the agent's dashboard fetches it. */
async function fileAt(s: SmsSetup, attachment: Attachment) {
  const res = await s.app.inject({ method: 'GET', url: attachment.url, headers: { cookie: s.admin } });
  expect(res.statusCode, res.body).toBe(200);
  return { type: res.headers['content-type'], bytes: res.rawPayload };
}

const fileCount = async (s: SmsSetup) => Number(await s.app.sql.value('SELECT COUNT(*) FROM files'));

describe('an incoming MMS', () => {
  it('an MMS inbound with two media stores both, in order, viewable by the agent at their URLs', async () => {
    setup = await startSmsApp();
    const s = setup;
    const first = s.fake.hostMedia(png(), 'image/png');
    const second = s.fake.hostMedia(jpeg, 'image/jpeg');
    const webhook = await s.fake.textFromPhone({
      from: CUSTOMER,
      body: 'Both photos',
      media: [first, second],
    });
    expect(webhook!.responseStatus).toBe(200);

    const message = await theInboundMessage(s);
    expect(message.body).toBe('Both photos');
    expect(message.attachments?.map((a) => [a.name, a.mime, a.kind])).toEqual([
      ['image-1.png', 'image/png', 'image'],
      ['image-2.jpg', 'image/jpeg', 'image'],
    ]);
    const [shot, photo] = message.attachments!;
    expect(await fileAt(s, shot!)).toEqual({ type: 'image/png', bytes: png() });
    const served = await fileAt(s, photo!);
    expect(served.type).toBe('image/jpeg');
    expect(served.bytes.length).toBe(photo!.size);
    // Twilio's media URLs were asked with the account's credentials ("HTTP auth for media" on).
    const apiRequests = s.fake.mediaRequests.filter((r) => r.path.includes('/Media/'));
    expect(apiRequests).toHaveLength(2);
    expect(apiRequests.every((r) => r.authorization === BASIC)).toBe(true);
  });

  it('keeps the media it takes, and says in words which it did not (a refused type, a missing one)', async () => {
    setup = await startSmsApp();
    const s = setup;
    const media = [
      s.fake.hostMedia(png(), 'image/png'),
      s.fake.hostMedia(jpeg, 'image/jpeg'),
      s.fake.hostMedia(HTML, 'text/html'),
    ];
    await s.fake.textFromPhone({ from: CUSTOMER, body: '', media });
    const message = await theInboundMessage(s);
    expect(message.attachments?.map((a) => a.mime)).toEqual(['image/png', 'image/jpeg']);
    expect(message.body).toBe(
      '[1 attachment could not be received: the file (sent as text/html) is not a type this inbox accepts]',
    );
    expect(await fileCount(s)).toBe(2);

    // A medium the provider no longer has, beside a caption: the caption and the picture stay.
    const gone = {
      url: media[0]!.url.replace(/ME[0-9a-f]+$/, `ME${'0'.repeat(32)}`),
      contentType: 'image/png',
    };
    await s.fake.textFromPhone({ from: CUSTOMER, body: 'Again', media: [gone, media[0]!] });
    const [conversation] = await unassigned(s);
    const again = (await messagesOf(s, conversation!.id)).at(-1)!;
    expect(again.body).toBe('Again\n[1 attachment could not be received: the provider answered HTTP 404]');
    expect(again.attachments?.map((a) => a.name)).toEqual(['image-2.png']);
  });

  it('a words-less MMS has its pictures and an empty body, listed by what it carries', async () => {
    setup = await startSmsApp();
    const s = setup;
    await s.fake.textFromPhone({ from: CUSTOMER, body: '', media: [s.fake.hostMedia(png(), 'image/png')] });
    const message = await theInboundMessage(s);
    expect(message.body).toBe('');
    expect(message.attachments).toHaveLength(1);
    const [conversation] = await unassigned(s);
    expect(conversation!.lastMessagePreview).toBe('📎 image-1.png');
  });

  it('stores each medium once when the same webhook is delivered twice, and fetches nothing again', async () => {
    setup = await startSmsApp();
    const s = setup;
    const media = [s.fake.hostMedia(png(), 'image/png'), s.fake.hostMedia(jpeg, 'image/jpeg')];
    const webhook = await s.fake.textFromPhone({ from: CUSTOMER, body: 'Twice', media });
    const fetched = s.fake.mediaRequests.length;
    const again = await redeliver(s, webhook!);
    expect(again.statusCode).toBe(200);
    const message = await theInboundMessage(s);
    expect(message.attachments).toHaveLength(2);
    expect(await fileCount(s)).toBe(2);
    expect(s.fake.mediaRequests).toHaveLength(fetched);
  });

  it('stores the text and its media once when two deliveries of it arrive at the same time', async () => {
    setup = await startSmsApp();
    const s = setup;
    const media = [s.fake.hostMedia(png(), 'image/png'), s.fake.hostMedia(jpeg, 'image/jpeg')];
    const fields: Record<string, string> = {
      MessageSid: `SM${'ab'.repeat(16)}`,
      From: CUSTOMER,
      To: s.number,
      Body: 'At once',
      NumMedia: '2',
      ...Object.fromEntries(
        media.flatMap((m, i) => [
          [`MediaUrl${i}`, m.url],
          [`MediaContentType${i}`, m.contentType],
        ]),
      ),
    };
    const post = () =>
      s.app.inject({
        method: 'POST',
        url: SMS_WEBHOOK_PATHS.messages,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(AUTH_TOKEN, s.publicUrl + SMS_WEBHOOK_PATHS.messages, fields),
        },
        payload: new URLSearchParams(fields).toString(),
      });
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const message = await theInboundMessage(s);
    expect(message.body).toBe('At once');
    expect(message.attachments?.map((a) => a.mime)).toEqual(['image/png', 'image/jpeg']);
    expect(await fileCount(s)).toBe(2);
  });

  it('sends the credentials to no other host: not to a MediaUrl elsewhere, nor after a redirect elsewhere', async () => {
    setup = await startSmsApp();
    const s = setup;
    const cdn = await otherHost();
    const media = [
      { url: `${cdn.url}/direct.png`, contentType: 'image/png' },
      s.fake.hostMedia(png(), 'image/png', { redirectTo: `${cdn.url}/redirected.png` }),
    ];
    await s.fake.textFromPhone({ from: CUSTOMER, body: 'Elsewhere', media });
    const message = await theInboundMessage(s);
    expect(message.attachments).toHaveLength(2);
    expect(cdn.requests.map((r) => r.path).sort()).toEqual(['/direct.png', '/redirected.png']);
    expect(cdn.requests.map((r) => r.authorization)).toEqual([undefined, undefined]);
    // The provider's own URL did get them (it redirected only after checking them).
    expect(s.fake.mediaRequests.map((r) => r.authorization)).toEqual([BASIC]);
  });
});

describe("an agent's images", () => {
  async function smsConversation(s: SmsSetup) {
    const res = await textNumber(s, s.admin, CUSTOMER, 'Hello from the team');
    expect(res.statusCode, res.body).toBe(201);
    await soon(() => expect(s.fake.sent).toHaveLength(1));
    return NewConversationResponseSchema.parse(res.json()).conversation;
  }

  const upload = (s: SmsSetup, conversationId: string, bytes: Buffer, name: string) =>
    s.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/files?name=${encodeURIComponent(name)}&upload=${clientId()}`,
      // The dashboard's origin (the config's, whatever port the test listens on).
      headers: {
        cookie: s.admin,
        origin: 'http://localhost:8787',
        'content-type': 'application/octet-stream',
      },
      payload: bytes,
    });

  const send = (s: SmsSetup, conversationId: string, body: string, attachments: string[]) =>
    s.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/messages`,
      headers: { cookie: s.admin },
      payload: { clientId: clientId(), body, attachments },
    });

  it('go out as one MMS whose MediaUrl the provider fetches from the server, caption as its body', async () => {
    setup = await startSmsApp();
    const s = setup;
    const conversation = await smsConversation(s);
    const uploaded = await upload(s, conversation.id, png(), 'shot.png');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = UploadResponseSchema.parse(uploaded.json()).file;
    const sent = await send(s, conversation.id, 'Here it is', [file.id]);
    expect(sent.statusCode, sent.body).toBe(201);

    await soon(() => expect(s.fake.sent[1]?.media).toBeDefined());
    const mms = s.fake.sent[1]!;
    expect(mms).toMatchObject({ to: CUSTOMER, from: s.number, body: 'Here it is' });
    expect(mms.mediaUrls).toHaveLength(1);
    expect(mms.mediaUrls![0]!.startsWith(`${s.publicUrl}/files/${file.id}?`)).toBe(true);
    const [fetched] = mms.media!;
    expect(fetched).toMatchObject({ status: 200, contentType: 'image/png', size: file.size });
    expect(fetched!.bytes).toEqual((await fileAt(s, file)).bytes);
    await soon(async () =>
      expect((await messagesOf(s, conversation.id)).at(-1)!.delivery?.status).toBe('delivered'),
    );

    // Pictures alone: an MMS without a Body.
    const second = UploadResponseSchema.parse((await upload(s, conversation.id, jpeg, 'b.jpg')).json()).file;
    expect((await send(s, conversation.id, '', [second.id])).statusCode).toBe(201);
    await soon(() => expect(s.fake.sent[2]?.media?.[0]?.status).toBe(200));
    expect(s.fake.sent[2]!.body).toBe('');
  });

  it('refuses a PDF in an SMS conversation in words, and sends nothing', async () => {
    setup = await startSmsApp();
    const s = setup;
    const conversation = await smsConversation(s);
    const refused = await upload(s, conversation.id, pdf(), 'quote.pdf');
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error).toMatchObject({
      code: 'unsupported_type',
      message: 'Text messages can carry images only (PNG, JPEG, GIF); send the file in a web chat instead.',
    });
    await s.fake.settled();
    expect(s.fake.sent).toHaveLength(1);
  });
});
