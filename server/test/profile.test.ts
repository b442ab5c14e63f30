// The Profile page's server side: an agent changes their own name (visitors see it from then on) and picture. The
// picture's type is decided by its bytes, and it is served inert.
import { png, webp } from '../src/domain/media/fixtures/bytes.js';
import {
  exifApp1,
  jpegScan,
  phoneExif,
  smallJpeg,
  XMP_PACKET,
  xmpApp1,
} from '../src/domain/media/image-fixtures.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sniffImage } from '../src/domain/profile.js';
import { cid, closeTestSockets, connectedAgent, makeApp, type Frame } from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const PNG = png();
/** A real 8×8 JPEG (it must decode: the metadata is stripped segment by segment). */
const JPEG = Buffer.from(smallJpeg());
const WEBP = webp();

const putAvatar = (cookie: string, body: Buffer | string, type = 'image/png') =>
  app.inject({
    method: 'PUT',
    url: '/api/me/avatar',
    headers: { cookie, 'content-type': type },
    payload: body,
  });

type AgentJson = { agent: { id: string; name: string; avatarUrl?: string | null } };

describe('the profile name', () => {
  it('changes the agent’s own name; open sockets and visitors see the new one from then on', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const socket = await connectedAgent(app, ann.cookie); // opened under the old name
    const { socket: visitor, conversationId } = await visitorChat(app, 'Hello');

    const res = await call(app, ann.cookie, 'PATCH', '/api/me/profile', { name: '  Ann Smith ' });
    expect(res.statusCode).toBe(200);
    expect(res.json<AgentJson>().agent).toMatchObject({ id: ann.id, name: 'Ann Smith' });
    expect((await call(app, ann.cookie, 'GET', '/api/auth/me')).json<AgentJson>().agent.name).toBe(
      'Ann Smith',
    );

    await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/assign`);
    const joined = await visitor.waitFor(
      (f) => f.type === 'message.created' && (f.message as { body: string }).body.endsWith('joined the chat'),
    );
    expect((joined.message as { body: string }).body).toBe('Ann Smith joined the chat');

    const id = cid('send');
    socket.send({ type: 'message.send', id, conversationId, body: 'Hi!' });
    const reply = await visitor.waitFor(
      (f: Frame) => f.type === 'message.created' && (f.message as { body: string }).body === 'Hi!',
    );
    expect((reply.message as { author: { name: string } }).author.name).toBe('Ann Smith');
  });

  it('refuses an empty name or an empty change with a field message', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const blank = await call(app, ann.cookie, 'PATCH', '/api/me/profile', { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(
      ['body.name'],
    );
    expect((await call(app, ann.cookie, 'PATCH', '/api/me/profile', {})).statusCode).toBe(400);
    expect((await call(app, ann.cookie, 'GET', '/api/auth/me')).json<AgentJson>().agent.name).toBe('Ann');
  });

  it('needs a session', async () => {
    app = await makeApp();
    const res = await app.inject({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'X' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('the profile picture', () => {
  it('recognises PNG, JPEG and WebP by their bytes, and nothing else', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(WEBP)).toBe('image/webp');
    for (const other of [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.from('GIF89a\x01\x00\x01\x00'),
      Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt '),
      PNG.subarray(0, 7),
      Buffer.alloc(0),
    ])
      expect(sniffImage(other)).toBeNull();
  });

  it('stores an upload, serves it with its sniffed type under a sandbox CSP, and versions the URL', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    // The header claims HTML; the bytes are a PNG, and that is what it is stored and served as.
    const res = await putAvatar(ann.cookie, PNG, 'text/html');
    expect(res.statusCode).toBe(200);
    const url = res.json<AgentJson>().agent.avatarUrl!;
    expect(url).toMatch(new RegExp(`^/api/agents/${ann.id}/avatar\\?v=\\d+$`));

    // Any signed-in colleague can show it (the admin here), and the agent lists carry the URL.
    const image = await app.inject({ url, headers: { cookie: admin } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const team = await call(app, admin, 'GET', '/api/agents');
    const listed = team.json<{ agents: AgentJson['agent'][] }>().agents.find((a) => a.id === ann.id);
    expect(listed?.avatarUrl).toBe(url);

    // A new picture gets a new URL, so caches refresh.
    const second = await putAvatar(ann.cookie, JPEG, 'image/png');
    const secondUrl = second.json<AgentJson>().agent.avatarUrl!;
    expect(secondUrl).not.toBe(url);
    const jpeg = await app.inject({ url: secondUrl, headers: { cookie: ann.cookie } });
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect(jpeg.rawPayload.equals(JPEG)).toBe(true);
  });

  it('stores a phone photo without where it was taken (EXIF GPS, XMP)', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const photo = Buffer.from(smallJpeg(exifApp1(phoneExif(true)), xmpApp1(XMP_PACKET)));
    expect(photo.includes('GPSLatitude')).toBe(true);
    const url = (await putAvatar(ann.cookie, photo, 'image/jpeg')).json<AgentJson>().agent.avatarUrl!;
    const stored = (await app.inject({ url, headers: { cookie: ann.cookie } })).rawPayload;
    expect(stored.includes('Exif')).toBe(false);
    expect(stored.includes('GPSLatitude')).toBe(false);
    expect(stored.includes(Buffer.from(jpegScan(8, 8)))).toBe(true);
  });

  it('refuses anything that is not a PNG, JPEG or WebP, whatever the header says', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    for (const [body, type] of [
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/png'],
      ['<!doctype html><script>alert(1)</script>', 'image/jpeg'],
      [Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'), 'image/gif'],
      ['{"not":"an image"}', 'application/json'],
    ] as const) {
      const res = await putAvatar(ann.cookie, body, type);
      expect(res.statusCode, type).toBe(400);
      expect(res.json(), type).toEqual({
        error: { code: 'invalid_request', message: 'The picture must be a PNG, JPEG or WebP image.' },
      });
    }
    const empty = await putAvatar(ann.cookie, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect((await call(app, ann.cookie, 'GET', '/api/auth/me')).json<AgentJson>().agent.avatarUrl).toBeNull();
  });

  it('refuses a picture over 512 KB with 413', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const justRight = Buffer.concat([PNG, Buffer.alloc(512 * 1024 - PNG.length)]);
    expect((await putAvatar(ann.cookie, justRight)).statusCode).toBe(200);
    const res = await putAvatar(ann.cookie, Buffer.concat([justRight, Buffer.from([0])]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The picture is larger than 512 KB.' },
    });
  });

  it('removes the picture', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const url = (await putAvatar(ann.cookie, WEBP)).json<AgentJson>().agent.avatarUrl!;
    const res = await call(app, ann.cookie, 'DELETE', '/api/me/avatar');
    expect(res.statusCode).toBe(200);
    expect(res.json<AgentJson>().agent.avatarUrl).toBeNull();
    expect((await app.inject({ url, headers: { cookie: ann.cookie } })).statusCode).toBe(404);
  });

  it('is shown to signed-in agents only, and uploaded by signed-in agents only', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const url = (await putAvatar(ann.cookie, PNG)).json<AgentJson>().agent.avatarUrl!;
    expect((await app.inject({ url })).statusCode).toBe(401);
    const anonymous = await app.inject({
      method: 'PUT',
      url: '/api/me/avatar',
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
