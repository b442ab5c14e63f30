// The playbook and site settings over HTTP: admins only, every save a version, invalid ones refused field by field
// with the stored playbook unchanged, and rich text that can never carry script.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, connectedVisitor, createAgent, demoSite, login, makeApp } from './helper.js';
import { startChat, testPlaybook, text, transcript } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const put = async (cookie: string, payload: unknown) =>
  app.inject({
    method: 'PUT',
    url: `/api/sites/${(await demoSite(app)).id}/playbook`,
    headers: { cookie },
    payload: payload as object,
  });
const get = async (cookie: string) =>
  app.inject({ url: `/api/sites/${(await demoSite(app)).id}/playbook`, headers: { cookie } });

describe('playbook routes', () => {
  it('lets admins read and save; every save is a new version', async () => {
    app = await makeApp();
    const admin = await login(app);
    const before = (await get(admin)).json<{ playbook: { version: number } }>().playbook.version;
    const saved = await put(admin, testPlaybook(5));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      playbook: {
        version: before + 1,
        botName: 'Ava',
        steps: [{ id: 'hi' }, { id: 'topic' }, { id: 'card', waitSeconds: 5 }],
      },
    });
    expect((await get(admin)).json()).toEqual(saved.json());
  });

  it('refuses agents without the admin role (403) on every site and playbook route', async () => {
    app = await makeApp();
    const admin = await login(app);
    const bob = await createAgent(app, admin, 'Bob');
    const id = (await demoSite(app)).id;
    const calls = [
      app.inject({ url: '/api/sites', headers: { cookie: bob.cookie } }),
      app.inject({
        method: 'PATCH',
        url: `/api/sites/${id}`,
        headers: { cookie: bob.cookie },
        payload: { name: 'x' },
      }),
      get(bob.cookie),
      put(bob.cookie, testPlaybook()),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await get(admin)).json<{ playbook: { steps: unknown[] } }>().playbook.steps).toEqual([]);
  });

  it('refuses invalid playbooks with field-level errors and keeps the stored one', async () => {
    app = await makeApp();
    const admin = await login(app);
    const stored = (await get(admin)).json();
    const good = testPlaybook();
    const [hi, topic, card] = good.steps;
    const cases: [unknown, string][] = [
      [{ ...good, botName: '' }, 'body.botName'],
      [{ ...good, steps: [hi, { ...topic, choices: ['Only one'] }, card] }, 'body.steps.1.choices'],
      [{ ...good, steps: [hi, { ...topic, field: 'custom.Bad Name' }, card] }, 'body.steps.1.field'],
      [{ ...good, steps: [card, hi] }, 'body.steps.0.kind'],
      [{ ...good, steps: [hi, { ...hi, text: text('dup') }] }, 'body.steps.1.id'],
      [{ ...good, steps: [{ ...card, waitSeconds: 0 }] }, 'body.steps.0.waitSeconds'],
      [{ ...good, steps: [{ ...hi, text: [] }] }, 'body.steps.0.text'],
      [{ ...good, botAvatarUrl: 'http://insecure.example/a.png' }, 'body.botAvatarUrl'],
      [{ ...good, locale: 'xx' }, 'body.locale'],
    ];
    for (const [payload, path] of cases) {
      const res = await put(admin, payload);
      expect(res.statusCode, path).toBe(400);
      const body = res.json<{ error: { code: string; details: { path: string }[] } }>();
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details.map((d) => d.path)).toContain(path);
    }
    expect((await get(admin)).json()).toEqual(stored);
  });

  it('refuses links and images that could run script, naming the field; script-like text stays text', async () => {
    app = await makeApp();
    const admin = await login(app);
    const link = (href: string) => [
      { type: 'paragraph', children: [{ type: 'link', href, children: [{ type: 'text', text: 'click' }] }] },
    ];
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/relative',
      'vbscript:x',
    ]) {
      const res = await put(admin, {
        ...testPlaybook(),
        steps: [{ id: 'm', kind: 'message', text: link(href) }],
      });
      expect(res.statusCode, href).toBe(400);
      expect(
        res.json<{ error: { details: { path: string; message: string }[] } }>().error.details,
      ).toContainEqual({
        path: 'body.steps.0.text.0.children.0.href',
        message: 'Links must be http://, https:// or mailto: addresses.',
      });
    }
    const image = [{ type: 'image', src: 'javascript:alert(1)', alt: 'x' }];
    expect(
      (await put(admin, { ...testPlaybook(), steps: [{ id: 'm', kind: 'message', text: image }] }))
        .statusCode,
    ).toBe(400);
    // Unknown node types (raw HTML) do not exist in the tree at all.
    const html = [{ type: 'html', value: '<img src=x onerror=alert(1)>' }];
    expect(
      (await put(admin, { ...testPlaybook(), steps: [{ id: 'm', kind: 'message', text: html }] })).statusCode,
    ).toBe(400);

    // Markup typed as text is stored and sent as text (rendered as a text node by the widget).
    const script = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const ok = await put(admin, {
      ...testPlaybook(),
      steps: [{ id: 'm', kind: 'message', text: text(script) }],
    });
    expect(ok.statusCode).toBe(200);
    const { socket } = await connectedVisitor(app);
    await startChat(socket);
    expect(transcript(socket)).toEqual([`bot:rich:${script}`]);
  });

  it('lets admins change the allowed origins; the widget follows at once', async () => {
    app = await makeApp();
    const admin = await login(app);
    const site = await demoSite(app);
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/sites/${site.id}`, headers: { cookie: admin }, payload });
    const bad = await patch({ allowedOrigins: ['shop.example.com'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { path: string }[] } }>().error.details[0]!.path).toBe(
      'body.allowedOrigins.0',
    );
    const ok = await patch({ allowedOrigins: ['https://Shop.Example.com'] });
    expect(ok.json()).toMatchObject({ site: { allowedOrigins: ['https://shop.example.com'] } });
    const list = await app.inject({ url: '/api/sites', headers: { cookie: admin } });
    expect(list.json()).toMatchObject({
      sites: [{ key: site.key, allowedOrigins: ['https://shop.example.com'] }],
    });
    const status = await app.inject({
      url: `/api/widget/${site.key}/status`,
      headers: { origin: 'https://shop.example.com' },
    });
    expect(status.statusCode).toBe(200);
  });
});
