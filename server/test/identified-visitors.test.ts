// Identified visitors: a hello carrying an identity signed with the site's current secret makes the connection the
// contact of that user id, on any device; anything that does not verify is ignored with an identity_not_verified
// error frame and the visitor chats anonymously (the socket stays open). The secret is shown once; admins only.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { IdentitySecretCreatedSchema, IdentitySecretStatusSchema } from '@livechat/shared/api';
import type { Message } from '@livechat/shared/model';
import { identitySignature } from '../src/domain/identity.js';
import {
  SITE_ORIGIN,
  cid,
  closeTestSockets,
  connectedVisitor,
  createAgent,
  demoSite,
  login,
  makeApp,
  type TestSocket,
} from './helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function start() {
  app = await makeApp();
  const admin = await login(app);
  const site = await demoSite(app);
  return { admin, site, secret: await rotate(admin, site.id) };
}

async function rotate(cookie: string, siteId: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/sites/${siteId}/identity-secret`,
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(201);
  return IdentitySecretCreatedSchema.parse(res.json()).secret;
}

const identity = (secret: string, userId = 'user-42', expiresAt = inAnHour(), extra = {}) => ({
  userId,
  expiresAt,
  signature: identitySignature(secret, userId, expiresAt),
  ...extra,
});

async function say(socket: TestSocket, body: string): Promise<Message> {
  const id = cid('v');
  socket.send({ type: 'message.send', id, body });
  const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
  return ack.message as Message;
}

/** A device that identifies: its welcome, and whether the server said the identity did not verify. */
async function device(hello: Record<string, unknown>) {
  const { socket, welcome } = await connectedVisitor(app, hello);
  // A ping answered means every frame of the hello (an error before the welcome included) has arrived.
  socket.send({ type: 'ping' });
  await socket.waitFor((f) => f.type === 'pong');
  const refused = socket.frames.find((f) => f.type === 'error' && f.code === 'identity_not_verified');
  return { socket, welcome, refused };
}

/** A device that identifies with something that must not verify: anonymous, told so, the socket still open. */
async function expectIgnored(hello: Record<string, unknown>, userConversationId: string) {
  const { socket, welcome, refused } = await device(hello);
  expect(refused, JSON.stringify(socket.frames)).toBeDefined();
  expect(socket.closeCode).toBeNull();
  expect(welcome.conversationId).toBeNull();
  expect((welcome as unknown as { history: string[] }).history).not.toContain(userConversationId);
  expect(socket.ofType('message.created')).toEqual([]);
  // Still a working anonymous chat.
  const own = await say(socket, 'anonymous question');
  expect(own.conversationId).not.toBe(userConversationId);
  return { socket, welcome };
}

/** Device A identifies as user-42 and writes: the conversation the others must or must not see. */
async function userChat(secret: string) {
  const a = await device({
    identity: identity(secret, 'user-42', inAnHour(), { email: 'ann@example.com', name: 'Ann' }),
  });
  expect(a.refused).toBeUndefined();
  const message = await say(a.socket, 'Hello from my laptop');
  return { a, conversationId: message.conversationId };
}

describe('identified visitors', () => {
  it('valid: a second browser that identifies as the same user gets their conversations; the contact is updated', async () => {
    const { site, secret } = await start();
    const { a, conversationId } = await userChat(secret);

    // Browser B: a fresh token (no token in its hello), the same user.
    const b = await device({ identity: identity(secret) });
    expect(b.refused).toBeUndefined();
    expect(b.welcome.token).toBeDefined();
    expect(b.welcome.visitorId).toBe(a.welcome.visitorId);
    expect(b.welcome.conversationId).toBe(conversationId);
    await b.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).body === 'Hello from my laptop',
    );
    // B writes into the same conversation, and A sees it live.
    expect((await say(b.socket, 'And from my phone')).conversationId).toBe(conversationId);
    await a.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).body === 'And from my phone',
    );

    // The contact carries what the site's backend vouched for; B's token acts for it over HTTP too (files).
    expect(await app.store.visitors.contact(a.welcome.visitorId)).toMatchObject({
      name: 'Ann',
      email: 'ann@example.com',
    });
    expect((await app.domain.visitors.ofToken(site.id, b.welcome.token!))?.id).toBe(a.welcome.visitorId);

    // The same browser without identify (the user signed out) is its anonymous visitor again, everywhere.
    const signedOut = await device({ token: b.welcome.token });
    expect(signedOut.refused).toBeUndefined();
    expect(signedOut.welcome.visitorId).not.toBe(a.welcome.visitorId);
    expect(signedOut.welcome.conversationId).toBeNull();
    expect(signedOut.socket.ofType('message.created')).toEqual([]);
    expect((await app.domain.visitors.ofToken(site.id, b.welcome.token!))?.id).not.toBe(a.welcome.visitorId);
  });

  it('an anonymous chat from before identifying stays with the anonymous visitor, not in the account', async () => {
    const { secret } = await start();
    const { conversationId } = await userChat(secret);
    const anonymous = await device({});
    const before = await say(anonymous.socket, 'Asked before signing in');
    anonymous.socket.close();

    const signedIn = await device({ token: anonymous.welcome.token, identity: identity(secret) });
    expect(signedIn.welcome.conversationId).toBe(conversationId);
    const history = (signedIn.welcome as unknown as { history: string[] }).history;
    expect(history).not.toContain(before.conversationId);
    await signedIn.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).body === 'Hello from my laptop',
    );
    expect(signedIn.socket.ofType('message.created').map((f) => (f.message as Message).body)).not.toContain(
      'Asked before signing in',
    );

    // Signed out again, the browser has its own chat back.
    const signedOut = await device({ token: anonymous.welcome.token });
    expect(signedOut.welcome.conversationId).toBe(before.conversationId);
  });

  it("merging the user's contact into another keeps their conversations following them", async () => {
    const { admin, secret } = await start();
    const { conversationId } = await userChat(secret);
    const other = await device({});
    const theirs = await say(other.socket, 'Hi, I am also Ann');
    const close = await app.inject({
      method: 'POST',
      url: `/api/conversations/${theirs.conversationId}/close`,
      headers: { cookie: admin },
    });
    expect(close.statusCode, close.body).toBe(200);
    const userContact = (await device({ identity: identity(secret) })).welcome.visitorId;
    const merged = await app.inject({
      method: 'POST',
      url: `/api/contacts/${other.welcome.visitorId}/merge`,
      headers: { cookie: admin },
      payload: { otherId: userContact },
    });
    expect(merged.statusCode, merged.body).toBe(200);

    const phone = await device({ identity: identity(secret) });
    expect(phone.refused).toBeUndefined();
    expect(phone.welcome.visitorId).toBe(other.welcome.visitorId);
    expect(phone.welcome.conversationId).toBe(conversationId);
  });

  it('expired: a signature whose expiresAt has passed is ignored', async () => {
    const { secret } = await start();
    const { conversationId } = await userChat(secret);
    await expectIgnored(
      { identity: identity(secret, 'user-42', Math.floor(Date.now() / 1000) - 1) },
      conversationId,
    );
    // Nor may a signature live for longer than 30 days.
    await expectIgnored(
      { identity: identity(secret, 'user-42', Math.floor(Date.now() / 1000) + 31 * 24 * 3600) },
      conversationId,
    );
  });

  it('forged: a signature not made with the secret, or over another user id, is ignored', async () => {
    const { secret } = await start();
    const { conversationId } = await userChat(secret);
    await expectIgnored({ identity: identity('f'.repeat(64)) }, conversationId);
    const expiresAt = inAnHour();
    await expectIgnored(
      {
        identity: {
          userId: 'user-42',
          expiresAt,
          signature: identitySignature(secret, 'user-43', expiresAt),
        },
      },
      conversationId,
    );
    // Nor over another expiry (extending a signature's life).
    await expectIgnored(
      {
        identity: {
          userId: 'user-42',
          expiresAt: expiresAt + 60,
          signature: identitySignature(secret, 'user-42', expiresAt),
        },
      },
      conversationId,
    );
  });

  it("wrong site: a signature made with another site's secret is ignored", async () => {
    const { admin, secret } = await start();
    const { conversationId } = await userChat(secret);
    await app.store.sites.insert({
      id: 'site-b',
      key: 'site-b-key',
      name: 'B',
      allowedOrigins: [SITE_ORIGIN],
      botFolderForAgents: false,
      allowReopen: false,
      createdAt: Date.now(),
    });
    const otherSecret = await rotate(admin, 'site-b');
    await expectIgnored({ identity: identity(otherSecret) }, conversationId);
  });

  it('old secret after rotation: signatures made before stop verifying at once, new ones verify', async () => {
    const { admin, site, secret } = await start();
    const { a, conversationId } = await userChat(secret);
    const b = await device({ identity: identity(secret) });
    expect(b.welcome.visitorId).toBe(a.welcome.visitorId);

    const fresh = await rotate(admin, site.id);
    expect(fresh).not.toBe(secret);
    // The device links made with the old secret end with it.
    expect((await app.domain.visitors.ofToken(site.id, b.welcome.token!))?.id).not.toBe(a.welcome.visitorId);
    await expectIgnored({ token: b.welcome.token, identity: identity(secret) }, conversationId);

    const again = await device({ token: b.welcome.token, identity: identity(fresh) });
    expect(again.refused).toBeUndefined();
    expect(again.welcome.conversationId).toBe(conversationId);
  });

  it('unverified identify (no signature) never merges histories', async () => {
    const { secret } = await start();
    const { conversationId } = await userChat(secret);
    await expectIgnored({ identity: { userId: 'user-42', expiresAt: inAnHour() } }, conversationId);
    await expectIgnored(
      { identity: { userId: 'user-42', expiresAt: inAnHour(), signature: '' } },
      conversationId,
    );
    await expectIgnored({ identity: 'user-42' }, conversationId);
  });

  it('the secret is shown once, later reads say only when it was made; only admins read or rotate it', async () => {
    const { admin, site } = await start();
    const read = async (cookie: string) =>
      app.inject({ url: `/api/sites/${site.id}/identity-secret`, headers: { cookie } });
    const status = await read(admin);
    expect(status.statusCode).toBe(200);
    expect(IdentitySecretStatusSchema.strict().parse(status.json()).createdAt).toEqual(expect.any(Number));
    expect(status.body).not.toMatch(/[0-9a-f]{64}/);

    const agentCookie = (await createAgent(app, admin, 'Ann')).cookie;
    expect((await read(agentCookie)).statusCode).toBe(403);
    const rotate = await app.inject({
      method: 'POST',
      url: `/api/sites/${site.id}/identity-secret`,
      headers: { cookie: agentCookie },
    });
    expect(rotate.statusCode).toBe(403);
    expect(rotate.body).not.toMatch(/[0-9a-f]{64}/);
  });
});
