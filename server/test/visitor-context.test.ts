// Visitor context (issue 13.4): the widget's `page.view` frames are kept with the visitor's open conversation, with
// browser and OS from the socket's User-Agent; agents who may see the conversation get `visitor.context.updated`.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { VisitorContext } from '@livechat/shared/model';
import { VisitorServerFrameSchema } from '@livechat/shared/protocol';
import { PROTOCOL_VERSION, VISITOR_SOCKET_PATH } from '@livechat/shared/protocol/constants';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import { SESSION_GAP_MS } from '../src/domain/visitor-context/next-context.js';
import { SITE_ORIGIN, TestSocket, cid, closeTestSockets, connectedAgent, login, makeApp } from './helper.js';
import { call, inbox } from './inbox-helper.js';

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let app: FastifyInstance;
let clock = Date.UTC(2026, 5, 1, 9, 0);
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

async function visitor(userAgent = CHROME_ON_WINDOWS, token?: string) {
  const ws = await app.injectWS(`${VISITOR_SOCKET_PATH}?siteKey=${DEMO_SITE_KEY}`, {
    headers: { origin: SITE_ORIGIN, 'user-agent': userAgent, 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.5' },
  });
  const socket = new TestSocket(ws, VisitorServerFrameSchema);
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, ...(token && { token }) });
  const welcome = await socket.waitFor((f) => f.type === 'welcome');
  return { socket, token: (welcome.token as string | undefined) ?? token! };
}

/** Sends a page.view and waits for its answer (ack or error). */
async function view(socket: TestSocket, page: Record<string, unknown>) {
  const id = cid('page');
  socket.send({ type: 'page.view', id, ...page });
  return socket.waitFor((f) => (f.type === 'ack' || f.type === 'error') && f.id === id);
}

async function write(socket: TestSocket, body = 'Hello') {
  const id = cid('msg');
  socket.send({ type: 'message.send', id, body });
  const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
  return (ack.message as { conversationId: string }).conversationId;
}

async function contextOf(cookie: string, conversationId: string): Promise<VisitorContext | null> {
  const res = await call(app, cookie, 'GET', `/api/conversations/${conversationId}/visitor-context`);
  expect(res.statusCode).toBe(200);
  return res.json<{ context: VisitorContext | null }>().context;
}

const HOME = {
  url: 'https://shop.example/',
  title: '  Home \n page ',
  referrer: 'https://search.example/?q=shoes',
};

describe('visitor context', () => {
  it('keeps the page, referrer, browser, OS, language and time zone with the conversation', async () => {
    app = await makeApp({}, { now: () => clock });
    const admin = await login(app);
    const { socket } = await visitor();
    // Before a conversation: acked, kept for the conversation the visitor starts on this page.
    expect(await view(socket, { ...HOME, timeZone: 'Europe/Istanbul' })).toMatchObject({ type: 'ack' });
    const id = await write(socket);
    await expect.poll(() => contextOf(admin, id)).not.toBeNull();
    expect(await contextOf(admin, id)).toEqual({
      page: { url: 'https://shop.example/', title: 'Home page', at: clock },
      referrer: 'https://search.example/?q=shoes',
      pages: [{ url: 'https://shop.example/', title: 'Home page', at: clock }],
      browser: 'Chrome 131',
      os: 'Windows 10',
      language: 'tr-TR',
      timeZone: 'Europe/Istanbul',
      updatedAt: clock,
    });

    // In-page navigation: the current page moves, the session's pages grow, the first referrer stays.
    clock += 60_000;
    await view(socket, {
      url: 'https://shop.example/shoes#red',
      title: 'Shoes',
      referrer: 'https://shop.example/',
      language: 'de',
    });
    const after = (await contextOf(admin, id))!;
    expect(after.page).toEqual({ url: 'https://shop.example/shoes#red', title: 'Shoes', at: clock });
    expect(after.pages.map((p) => p.title)).toEqual(['Home page', 'Shoes']);
    expect(after).toMatchObject({
      referrer: 'https://search.example/?q=shoes',
      language: 'de',
      timeZone: 'Europe/Istanbul',
    });

    // A reconnect on the same page (another tab, a new socket) is not a new visit; a new browser is noticed.
    const { socket: again } = await visitor(FIREFOX_ON_LINUX, (await visitorToken(socket)) ?? undefined);
    await view(again, { url: 'https://shop.example/shoes#red', title: 'Shoes' });
    expect(await contextOf(admin, id)).toMatchObject({
      pages: [{ title: 'Home page' }, { title: 'Shoes' }],
      browser: 'Firefox 133',
      os: 'Linux',
    });

    // The list is bounded.
    for (let i = 0; i < 25; i++) await view(socket, { url: `https://shop.example/p/${i}`, title: `P${i}` });
    const many = (await contextOf(admin, id))!;
    expect(many.pages).toHaveLength(20);
    expect(many.page?.title).toBe('P24');

    // Half an hour later a new session starts: a fresh list and referrer.
    clock += SESSION_GAP_MS + 1;
    await view(socket, {
      url: 'https://shop.example/back',
      title: 'Back',
      referrer: 'https://news.example/',
    });
    expect(await contextOf(admin, id)).toMatchObject({
      referrer: 'https://news.example/',
      pages: [{ title: 'Back' }],
    });
  });

  it('refuses bad pages with a clear error and keeps the stored context as it was', async () => {
    app = await makeApp({}, { now: () => clock });
    const admin = await login(app);
    const { socket } = await visitor();
    const id = await write(socket);
    await view(socket, { ...HOME, timeZone: 'Europe/Istanbul' });
    const before = await contextOf(admin, id);
    expect(before).not.toBeNull();

    const bad: [Record<string, unknown>, RegExp][] = [
      [{ url: 'javascript:alert(1)', title: 'x' }, /url: must be an http or https URL/],
      [{ url: 'data:text/html,<script>alert(1)</script>', title: 'x' }, /url: must be an http or https URL/],
      [{ url: `https://shop.example/${'a'.repeat(2100)}`, title: 'x' }, /url: at most 2048 characters/],
      [
        { url: 'https://shop.example/', title: 'x', timeZone: 'Mars/Olympus' },
        /timeZone: not a known time zone/,
      ],
      [{ url: 'https://shop.example/', title: 'x', language: '<script>' }, /language: not a language tag/],
      [{ url: 'https://shop.example/', title: 42 }, /title/],
      [{ url: 'https://shop.example/', title: 'x', __proto__: { polluted: true }, referrer: 7 }, /referrer/],
    ];
    for (const [page, reason] of bad) {
      const answer = await view(socket, page);
      expect(answer, JSON.stringify(page)).toMatchObject({ type: 'error', code: 'invalid_frame' });
      expect(answer.message).toMatch(reason);
    }
    // A referrer that is not http(s) is not refused, only not kept.
    clock += SESSION_GAP_MS + 1;
    expect(
      await view(socket, {
        url: 'https://shop.example/x',
        title: 'X',
        referrer: 'android-app://com.example',
      }),
    ).toMatchObject({ type: 'ack' });
    expect((await contextOf(admin, id))?.referrer).toBeNull();
    // The socket still works, and nothing bad was stored.
    expect(JSON.stringify(await contextOf(admin, id))).not.toMatch(/javascript:|data:|Mars|script/);
    expect(before?.referrer).toBe(HOME.referrer);
  });

  it('pushes the new page to agents who may see the conversation, and to no one else', async () => {
    app = await makeApp({}, { now: () => clock });
    const { admin, ann, ben } = await inbox(app);
    const { socket } = await visitor();
    const id = await write(socket);
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`)).statusCode).toBe(200);
    const annSocket = await connectedAgent(app, ann.cookie);
    const benSocket = await connectedAgent(app, ben.cookie);
    const adminSocket = await connectedAgent(app, admin);

    await view(socket, { url: 'https://shop.example/pricing', title: 'Pricing', timeZone: 'Asia/Tokyo' });
    for (const watcher of [annSocket, adminSocket]) {
      const frame = await watcher.waitFor((f) => f.type === 'visitor.context.updated');
      expect(frame).toMatchObject({
        conversationId: id,
        context: { page: { url: 'https://shop.example/pricing', title: 'Pricing' }, timeZone: 'Asia/Tokyo' },
      });
    }
    // Ben may not see Ann's chat: no event, and the panel's read is the same 404 as an unknown id.
    await new Promise((r) => setTimeout(r, 100));
    expect(benSocket.ofType('visitor.context.updated')).toEqual([]);
    const res = await call(app, ben.cookie, 'GET', `/api/conversations/${id}/visitor-context`);
    expect(res.statusCode).toBe(404);
    expect(await contextOf(ann.cookie, id)).toMatchObject({ page: { title: 'Pricing' } });
  });

  it('is erased with the conversation', async () => {
    app = await makeApp({}, { now: () => clock });
    const admin = await login(app);
    const { socket } = await visitor();
    const id = await write(socket);
    await view(socket, HOME);
    expect(await contextOf(admin, id)).not.toBeNull();
    expect((await call(app, admin, 'DELETE', `/api/conversations/${id}`)).statusCode).toBeLessThan(300);
    expect(await app.store.visitorContexts.of(id)).toBeNull();
  });
});

/** The token the first welcome on this socket issued. */
function visitorToken(socket: TestSocket): Promise<string | null> {
  const welcome = socket.frames.find((f) => f.type === 'welcome');
  return Promise.resolve((welcome?.token as string | undefined) ?? null);
}
