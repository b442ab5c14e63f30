// Agent availability: the "Available" switch AND a live dashboard connection; widgets hear when it changes.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { AGENT_SOCKET_PATH, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import {
  SITE_ORIGIN,
  closeTestSockets,
  connectedAgent,
  connectedVisitor,
  createAgent,
  login,
  makeApp,
  updateAgent,
} from './helper.js';
import { setAvailable, sleep } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const status = (origin = SITE_ORIGIN, siteKey = DEMO_SITE_KEY) =>
  app.inject({ url: `/api/widget/${siteKey}/status`, headers: { origin } });
const online = async () => (await status()).json<{ online: boolean }>().online;

describe('agent availability', () => {
  it('counts an agent only while the switch is on and a dashboard is connected, and tells the widgets', async () => {
    app = await makeApp();
    const cookie = await login(app);
    const { socket: visitor } = await connectedVisitor(app);

    expect(await online()).toBe(false);
    const switched = await setAvailable(app, cookie, true);
    expect(switched.json()).toMatchObject({ agent: { available: true } });
    expect(await online()).toBe(false); // the switch alone is not enough: no dashboard is open

    const dashboard = await connectedAgent(app, cookie);
    expect(await online()).toBe(true);
    await visitor.waitFor((f) => f.type === 'presence' && f.online === true);

    await setAvailable(app, cookie, false);
    expect(await online()).toBe(false);
    await visitor.waitFor((f) => f.type === 'presence' && f.online === false);
    await setAvailable(app, cookie, true);
    await visitor.waitFor((f) => f.type === 'presence' && f.online === true, 3);

    dashboard.close(); // the browser closed
    await visitor.waitFor((f) => f.type === 'presence' && f.online === false, 4);
    expect(await online()).toBe(false);
    // The switch is remembered for the next time the dashboard opens.
    await connectedAgent(app, cookie);
    expect(await online()).toBe(true);
  });

  it('stops counting an agent whose browser vanished without closing, within the timeout', async () => {
    // Over real TCP: protocol pings and pongs are what this is about.
    app = await makeApp({ agentTimeoutMs: 300 });
    const cookie = await login(app);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const dashboard = new WebSocket(`${url.replace('http', 'ws')}${AGENT_SOCKET_PATH}`, {
      headers: { cookie, origin: 'http://localhost:8787' },
    });
    const welcomed = new Promise((resolve) => dashboard.once('message', resolve));
    await new Promise((resolve) => dashboard.once('open', resolve));
    dashboard.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION }));
    await welcomed;
    await setAvailable(app, cookie, true);
    expect(await online()).toBe(true);
    await sleep(600); // pings are answered: still there
    expect(await online()).toBe(true);

    dashboard.pause(); // stops reading, so no pongs: a laptop that lost its network
    await sleep(700);
    expect(await online()).toBe(false);
    dashboard.terminate();
  });

  it('stops counting a deactivated agent', async () => {
    app = await makeApp();
    const admin = await login(app);
    const bob = await createAgent(app, admin, 'Bob');
    await connectedAgent(app, bob.cookie);
    await setAvailable(app, bob.cookie, true);
    expect(await online()).toBe(true);
    await updateAgent(app, admin, bob.id, { active: false });
    await sleep(50);
    expect(await online()).toBe(false);
  });

  it('answers the launcher only on the site’s allowed origins, with CORS, and refuses unknown sites', async () => {
    app = await makeApp();
    const ok = await status();
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ online: false, locale: 'en' });
    expect(ok.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    const foreign = await status('https://evil.example');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect((await status(SITE_ORIGIN, 'no-such-key')).json()).toMatchObject({
      error: { code: 'unknown_site' },
    });
  });

  it('needs a signed-in agent for the switch and validates it', async () => {
    app = await makeApp();
    expect((await setAvailable(app, '', true)).statusCode).toBe(401);
    const cookie = await login(app);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/me/availability',
      headers: { cookie },
      payload: { available: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
