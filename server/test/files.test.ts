// Files in conversations over the real app (both engines): uploads checked by their bytes and stripped, sent with a
// message once and idempotently, served only to who may see the conversation at signed URLs that expire, as inert
// downloads when they are not media; the Gallery; each site's rules; the upload limits.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConversationListBodySchema,
  FileSettingsBodySchema,
  GalleryBodySchema,
  UploadResponseSchema,
} from '@livechat/shared/api';
import { MessageSchema, type Attachment } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import {
  cid,
  closeTestSockets,
  connectedAgent,
  connectedVisitor,
  demoSite,
  makeApp,
  SITE_ORIGIN,
} from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import { comSegment, exifApp1, phoneExif, smallJpeg } from '../src/domain/media/image-fixtures.js';
import { pdf, png, utf8 } from '../src/domain/media/fixtures/bytes.js';

let app: FastifyInstance | undefined;
let clock = Date.UTC(2026, 11, 1, 12);
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

const start = async (overrides = {}) => {
  clock = Date.UTC(2026, 11, 1, 12);
  app = await makeApp(overrides, { now: () => clock });
  return app;
};

const visitorUpload = (
  a: FastifyInstance,
  token: string,
  bytes: Uint8Array,
  name: string,
  upload = cid('up'),
) =>
  a.inject({
    method: 'POST',
    url: `/api/widget/files?siteKey=${DEMO_SITE_KEY}&name=${encodeURIComponent(name)}&upload=${upload}`,
    headers: {
      origin: SITE_ORIGIN,
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
    },
    payload: Buffer.from(bytes),
  });

const agentUpload = (
  a: FastifyInstance,
  cookie: string,
  conversationId: string,
  bytes: Uint8Array,
  name: string,
) =>
  a.inject({
    method: 'POST',
    url: `/api/conversations/${conversationId}/files?name=${encodeURIComponent(name)}&upload=${cid('up')}`,
    headers: { cookie, origin: 'http://localhost:8787', 'content-type': 'application/octet-stream' },
    payload: Buffer.from(bytes),
  });

const uploaded = (res: { statusCode: number; json: () => unknown; body: string }): Attachment => {
  expect(res.statusCode, res.body).toBe(201);
  return UploadResponseSchema.parse(res.json()).file;
};

const count = async (a: FastifyInstance, table: string) =>
  Number(await a.sql.value(`SELECT COUNT(*) FROM ${table}`));

/** A visitor with an open conversation, their token and socket. */
async function visitorWithFile(a: FastifyInstance, bytes: Uint8Array = png(), name = 'shot.png') {
  const chat = await visitorChat(a);
  const file = uploaded(await visitorUpload(a, chat.token, bytes, name));
  const id = cid('m');
  chat.socket.send({ type: 'message.send', id, body: 'see this', attachments: [file.id] });
  const ack = await chat.socket.waitFor((f) => f.type === 'ack' && f.id === id);
  const message = MessageSchema.parse(ack.message);
  return { ...chat, file, message, commandId: id };
}

describe('uploads are judged by their bytes', () => {
  it('takes a PNG named .pdf as the PNG it is, and refuses an SVG claiming to be a PNG and an HTML page', async () => {
    const a = await start();
    const { token } = await visitorChat(a);
    const file = uploaded(await visitorUpload(a, token, png(), 'report.pdf'));
    expect(file).toMatchObject({ mime: 'image/png', kind: 'image', name: expect.stringMatching(/\.png$/) });

    const svg = await visitorUpload(
      a,
      token,
      utf8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'cat.png',
    );
    expect(svg.statusCode).toBe(415);
    expect(svg.json()).toMatchObject({
      error: { code: ErrorCode.UnsupportedType, message: expect.stringMatching(/SVG/) },
    });
    const html = await visitorUpload(a, token, utf8('<!doctype html><script>alert(1)</script>'), 'page.txt');
    expect(html.statusCode).toBe(415);
    expect(await count(a, 'files')).toBe(1);
  });

  it('keeps a polyglot an image, served with nosniff and a sandbox, never as a page', async () => {
    const a = await start();
    const { file, token } = await visitorWithFile(
      a,
      smallJpeg(comSegment('<html><script>alert(1)</script></html>')),
      'x.html',
    );
    expect(file).toMatchObject({ mime: 'image/jpeg', name: expect.stringMatching(/\.jpg$/) });
    const res = await a.inject({ url: file.url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
  });

  it('stores a JPEG without its EXIF GPS position', async () => {
    const a = await start();
    const photo = smallJpeg(exifApp1(phoneExif(true)));
    expect(Buffer.from(photo).includes(Buffer.from('GPS'))).toBe(false); // the tags are binary: check the IFD
    const { file, token } = await visitorWithFile(a, photo, 'IMG_0001.JPG');
    const res = await a.inject({ url: file.url, headers: { authorization: `Bearer ${token}` } });
    const stored = res.rawPayload;
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(stored.length).toBeLessThan(photo.length);
    expect(file.size).toBe(stored.length);
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const a = await start();
    const siteId = (await demoSite(a)).id;
    await a.domain.files.saveSettings(siteId, { allowed: ['image', 'pdf'], maxFileBytes: 2048 });
    const { token } = await visitorChat(a);
    const big = await visitorUpload(a, token, Buffer.concat([pdf(), Buffer.alloc(4096, 0x20)]), 'big.pdf');
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({
      error: { code: ErrorCode.PayloadTooLarge, message: expect.stringMatching(/at most 2 KB|MB/) },
    });
    const huge = await visitorUpload(a, token, Buffer.alloc(26 * 1024 * 1024, 1), 'huge.bin');
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: ErrorCode.PayloadTooLarge } });
    expect(await count(a, 'files')).toBe(0);
    expect(await count(a, 'file_blobs')).toBe(0);
  });
});

describe('sending files', () => {
  it('carries them on the message to the agent, once however often the command is resent', async () => {
    const a = await start();
    const { admin } = await inbox(a);
    const agent = await connectedAgent(a, admin);
    const { socket, file, message, commandId } = await visitorWithFile(a);
    expect(message.attachments).toEqual([
      expect.objectContaining({ id: file.id, name: 'shot.png', kind: 'image' }),
    ]);
    const created = await agent.waitFor(
      (f) => f.type === 'message.created' && (f.message as { id: string }).id === message.id,
    );
    expect(MessageSchema.parse(created.message).attachments?.[0]?.id).toBe(file.id);

    const from = socket.frames.length;
    socket.send({ type: 'message.send', id: commandId, body: 'see this', attachments: [file.id] });
    const again = await socket.waitFor((f) => f.type === 'ack' && f.id === commandId, from);
    expect(MessageSchema.parse(again.message).id).toBe(message.id);
    expect(await count(a, `messages WHERE client_id = '${commandId}'`)).toBe(1);

    // The same file in another message is refused: send it again by uploading it again.
    const other = cid('m');
    socket.send({ type: 'message.send', id: other, body: '', attachments: [file.id] });
    const refused = await socket.waitFor((f) => f.type === 'error' && f.id === other);
    expect(refused.code).toBe(ErrorCode.Conflict);
  });

  it('replays a message with its files to a visitor who comes back', async () => {
    const a = await start();
    const { token, conversationId, message } = await visitorWithFile(a);
    closeTestSockets();
    const { socket } = await connectedVisitor(a, { token, resume: { conversationId, afterSeq: 0 } });
    const replayed = await socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as { id: string }).id === message.id,
    );
    expect(MessageSchema.parse(replayed.message).attachments).toEqual(message.attachments);
  });

  it('answers the same upload id with the same file (an upload restarted after a drop)', async () => {
    const a = await start();
    const { token } = await visitorChat(a);
    const upload = cid('up');
    const first = uploaded(await visitorUpload(a, token, png(), 'a.png', upload));
    const again = uploaded(await visitorUpload(a, token, png(), 'a.png', upload));
    expect(again.id).toBe(first.id);
    expect(await count(a, 'files')).toBe(1);
  });

  it("refuses another visitor's file in a message", async () => {
    const a = await start();
    const one = await visitorChat(a);
    const two = await visitorChat(a);
    const file = uploaded(await visitorUpload(a, one.token, png(), 'a.png'));
    const id = cid('m');
    two.socket.send({ type: 'message.send', id, body: 'mine now', attachments: [file.id] });
    expect((await two.socket.waitFor((f) => f.type === 'error' && f.id === id)).code).toBe(
      ErrorCode.NotFound,
    );
  });

  it('lets an agent send files with a caption, and a files-only message shows its file in the list', async () => {
    const a = await start();
    const { admin } = await inbox(a);
    const { conversationId, socket } = await visitorChat(a);
    await call(a, admin, 'POST', `/api/conversations/${conversationId}/assign`, {});
    const file = uploaded(await agentUpload(a, admin, conversationId, pdf(), 'quote.pdf'));
    expect(file).toMatchObject({ mime: 'application/pdf', kind: 'file' });
    const res = await call(a, admin, 'POST', `/api/conversations/${conversationId}/messages`, {
      clientId: cid('m'),
      body: '',
      attachments: [file.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const seen = await socket.waitFor(
      (f) =>
        f.type === 'message.created' && (f.message as { author: { kind: string } }).author.kind === 'agent',
    );
    expect(MessageSchema.parse(seen.message).attachments?.[0]?.name).toBe('quote.pdf');
    const list = await call(a, admin, 'GET', '/api/conversations?folder=all');
    const conversation = ConversationListBodySchema.parse(list.json()).conversations.find(
      (c) => c.id === conversationId,
    );
    expect(conversation?.lastMessagePreview).toBe('📎 quote.pdf');
  });
});

describe('serving files', () => {
  it("to the conversation's visitor and agents who may see it; not to a colleague, another visitor or anyone", async () => {
    const a = await start();
    const { admin, ann, ben } = await inbox(a);
    const { conversationId, file, token } = await visitorWithFile(a);
    const other = await visitorChat(a);
    await call(a, ann.cookie, 'POST', `/api/conversations/${conversationId}/assign`, {});

    const get = (headers: Record<string, string>) => a.inject({ url: file.url, headers });
    expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await get({ cookie: ann.cookie })).statusCode).toBe(200);
    expect((await get({ cookie: admin })).statusCode).toBe(200);
    const colleague = await get({ cookie: ben.cookie });
    expect(colleague.statusCode).toBe(403);
    expect(colleague.rawPayload.length).toBeLessThan(200);
    expect((await get({ authorization: `Bearer ${other.token}` })).statusCode).toBe(403);
    expect((await get({})).statusCode).toBe(401);
  });

  it('refuses an expired URL (410) and a forged one (404)', async () => {
    const a = await start();
    const { file, token } = await visitorWithFile(a);
    const auth = { authorization: `Bearer ${token}` };
    const forged = file.url.replace(/sig=([\w-])/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect((await a.inject({ url: forged, headers: auth })).statusCode).toBe(404);
    clock += 26 * 3600_000;
    const expired = await a.inject({ url: file.url, headers: auth });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: { code: ErrorCode.LinkExpired } });
  });

  it('serves documents as downloads and media inline, in ranges', async () => {
    const a = await start();
    const { admin } = await inbox(a);
    const { conversationId } = await visitorChat(a);
    const file = uploaded(await agentUpload(a, admin, conversationId, pdf(), 'quote.pdf'));
    await call(a, admin, 'POST', `/api/conversations/${conversationId}/messages`, {
      clientId: cid('m'),
      body: 'x',
      attachments: [file.id],
    });
    const doc = await a.inject({ url: file.url, headers: { cookie: admin } });
    expect(doc.headers['content-disposition']).toMatch(/^attachment; filename="quote.pdf"/);
    const image = uploaded(await agentUpload(a, admin, conversationId, smallJpeg(), 'p.jpg'));
    const part = await a.inject({ url: image.url, headers: { cookie: admin, range: 'bytes=0-9' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.length).toBe(10);
    expect(part.headers['content-disposition']).toMatch(/^inline/);
  });

  it("answers the widget across origins only from the site's allowed origins", async () => {
    const a = await start();
    const { file } = await visitorWithFile(a);
    const path = file.url.split('?')[0]!;
    const ok = await a.inject({
      method: 'OPTIONS',
      url: path,
      headers: { origin: SITE_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    const foreign = await a.inject({
      method: 'OPTIONS',
      url: path,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the Gallery and site rules', () => {
  it("lists the conversation's files and the contact's other conversations' files", async () => {
    const a = await start();
    const { admin } = await inbox(a);
    const first = await visitorWithFile(a, png(), 'first.png');
    await call(a, admin, 'POST', `/api/conversations/${first.conversationId}/close`, {});
    clock += 60_000;
    const id = cid('m');
    const second = uploaded(await visitorUpload(a, first.token, smallJpeg(), 'second.jpg'));
    first.socket.send({ type: 'message.send', id, body: '', attachments: [second.id] });
    const ack = await first.socket.waitFor((f) => f.type === 'ack' && f.id === id);
    const conversationId = MessageSchema.parse(ack.message).conversationId;
    expect(conversationId).not.toBe(first.conversationId);
    const res = await call(a, admin, 'GET', `/api/conversations/${conversationId}/gallery`);
    const { files } = GalleryBodySchema.parse(res.json());
    expect(files.map((f) => f.name)).toEqual(['second.jpg', 'first.png']);
  });

  it('lets admins narrow the types, and counts what the site stores', async () => {
    const a = await start();
    const { admin, ann } = await inbox(a);
    const siteId = (await demoSite(a)).id;
    expect((await call(a, ann.cookie, 'GET', `/api/sites/${siteId}/files`)).statusCode).toBe(403);
    const saved = await call(a, admin, 'PATCH', `/api/sites/${siteId}/files`, {
      allowed: ['image'],
      maxFileBytes: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { token } = await visitorChat(a);
    const refused = await visitorUpload(a, token, pdf(), 'a.pdf');
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toMatchObject({
      error: { message: "PDFs can't be sent in this chat; you can send images." },
    });
    uploaded(await visitorUpload(a, token, png(), 'a.png'));
    const settings = FileSettingsBodySchema.parse(
      (await call(a, admin, 'GET', `/api/sites/${siteId}/files`)).json(),
    );
    expect(settings).toMatchObject({
      allowed: ['image'],
      maxFileBytes: null,
      storedFiles: 1,
      storedBytes: png().length,
    });
  });

  it('limits uploads per visitor', async () => {
    const a = await start({
      uploadRate: { perVisitor: { perSecond: 0.001, burst: 2 }, perIp: { perSecond: 1, burst: 100 } },
    });
    const { token } = await visitorChat(a);
    uploaded(await visitorUpload(a, token, png(), 'a.png'));
    uploaded(await visitorUpload(a, token, png(), 'b.png'));
    const third = await visitorUpload(a, token, png(), 'c.png');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: ErrorCode.RateLimited } });
  });

  it('refuses uploads without a token or from a foreign origin', async () => {
    const a = await start();
    const { token } = await visitorChat(a);
    const noToken = await visitorUpload(a, 'x'.repeat(20), png(), 'a.png');
    expect(noToken.statusCode).toBe(401);
    const foreign = await a.inject({
      method: 'POST',
      url: `/api/widget/files?siteKey=${DEMO_SITE_KEY}&name=a.png&upload=${cid('up')}`,
      headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` },
      payload: png(),
    });
    expect(foreign.statusCode).toBe(403);
    expect(await count(a, 'files')).toBe(0);
  });
});
