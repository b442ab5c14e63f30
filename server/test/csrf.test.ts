// CSRF (matrix row 17): a state-changing request from a foreign Origin is refused by what it does, not by how its
// path is spelled; a spelling the router does not match is a plain 404 and changes nothing either.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, makeApp } from './helper.js';
import { inbox, visitorChat } from './inbox-helper.js';

const DASHBOARD = 'http://localhost:8787';
/** Same site (another port of localhost), so a SameSite=Strict cookie still rides along: only Origin tells. */
const FOREIGN = 'http://localhost:8081';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const spellings = (id: string) => [
  `/api/conversations/${id}/close`,
  `/%61pi/conversations/${id}/close`,
  `/%61%70%69/conversations/${id}/close`,
  `/API/conversations/${id}/close`,
  `/Api/Conversations/${id}/Close`,
  `/api/../api/conversations/${id}/close`,
  `/api/%2e%2e/api/conversations/${id}/close`,
  `//api/conversations/${id}/close`,
  `/api//conversations/${id}/close`,
  `/api/./conversations/${id}/close`,
  `/api/conversations/${id}/close/`,
  `/api/conversations/${id}/close?x=1`,
  `/api/conversations/${id}/%63lose`,
];

async function status(app: FastifyInstance, cookie: string, id: string) {
  const res = await app.inject({ method: 'GET', url: `/api/conversations/${id}`, headers: { cookie } });
  return res.json<{ conversation: { status: string } }>().conversation.status;
}

describe('the Origin check on state-changing requests', () => {
  it('refuses every spelling of a route from a foreign origin, and nothing changes', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const { conversationId: id } = await visitorChat(app, 'Hello');
    for (const url of spellings(id)) {
      const res = await app.inject({ method: 'POST', url, headers: { cookie: admin, origin: FOREIGN } });
      // Exactly what the canonical path gets, whether or not the router matches this spelling.
      expect(res.statusCode, url).toBe(403);
      expect(res.json(), url).toEqual({
        error: { code: 'origin_not_allowed', message: `Origin ${FOREIGN} is not allowed.` },
      });
      expect(await status(app, admin, id), url).toBe('open');
    }
  });

  it('refuses a foreign origin on every state-changing method, matched route or not', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/api/agents/${ann.id}`, `/%61pi/agents/${ann.id}`, '/no/such/route']) {
        const res = await app.inject({
          method,
          url,
          headers: { cookie: admin, origin: FOREIGN },
          payload: { name: 'Mallory' },
        });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('origin_not_allowed');
      }
    }
    const team = await app.inject({ method: 'GET', url: '/api/agents', headers: { cookie: admin } });
    expect(team.json<{ agents: { name: string }[] }>().agents.map((a) => a.name)).not.toContain('Mallory');
  });

  it('refuses a same-site request without Origin that the browser marks as not same-origin', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const { conversationId: id } = await visitorChat(app, 'Hello');
    for (const site of ['same-site', 'cross-site']) {
      const res = await app.inject({
        method: 'POST',
        url: `/%61pi/conversations/${id}/close`,
        headers: { cookie: admin, 'sec-fetch-site': site },
      });
      expect(res.statusCode, site).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('origin_not_allowed');
    }
    expect(await status(app, admin, id)).toBe('open');
  });

  it('lets the dashboard (and tools without Origin) change state through the matched route', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const first = await visitorChat(app, 'Hello');
    const res = await app.inject({
      method: 'POST',
      url: `/%61pi/conversations/${first.conversationId}/close`,
      headers: { cookie: admin, origin: DASHBOARD, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).toBe(200);
    expect(await status(app, admin, first.conversationId)).toBe('closed');

    const second = await visitorChat(app, 'Hello again');
    const noOrigin = await app.inject({
      method: 'POST',
      url: `/api/conversations/${second.conversationId}/close`,
      headers: { cookie: admin },
    });
    expect(noOrigin.statusCode).toBe(200);
  });

  it('safe methods stay readable cross-origin where the route allows it (the widget status)', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'GET',
      url: '/api/widget/demo-site-key/status',
      headers: { origin: 'http://localhost:8080' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:8080');
  });
});
