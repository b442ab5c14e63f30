// recordsApi (the Leads page and its CSV link) and savedRepliesApi against the real server.
import { describe, expect, it } from 'vitest';
import { conversationsApi, recordsApi, savedRepliesApi } from '../dashboard/src/api/index.js';
import { as, Browser, failure, server, teammate, visitorChat } from './setup.js';

const details = {
  dealValue: { amount: '99.90', currency: 'EUR' as const },
  expectedCloseDate: null,
  contactName: 'Vera Novak',
  email: 'vera@example.com',
  phone: '+386 40 123 456',
  organizationName: 'Acme',
  organizationAddress: '',
  note: '',
};

describe('recordsApi', () => {
  it('lists leads and deals by kind, only of chats the agent may see, and downloads them as CSV', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const ben = await teammate(app, admin, 'Ben');
    const { conversationId: id } = await visitorChat(app);
    const [lead, deal] = await as(ann.browser, async () => {
      await conversationsApi.assign(id);
      return [
        await conversationsApi.createRecord(id, { kind: 'lead', details }),
        await conversationsApi.createRecord(id, { kind: 'deal', details }),
      ];
    });

    await as(ann.browser, async () => {
      expect((await recordsApi.list(null)).map((r) => r.id).sort()).toEqual([lead.id, deal.id].sort());
      expect((await recordsApi.list('deal')).map((r) => r.id)).toEqual([deal.id]);
      expect((await recordsApi.list('lead')).map((r) => r.id)).toEqual([lead.id]);
    });
    expect(await as(ben.browser, () => recordsApi.list(null))).toEqual([]);

    expect(recordsApi.csvHref('deal')).toBe('/api/records.csv?kind=deal');
    const csv = await ann.browser.fetch(recordsApi.csvHref('deal'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('deals.csv');
    // Quoting is the CSV writer's business (tested beside it); the columns and rows are the contract here.
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .replaceAll('"', '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^type,title,value,currency,/);
    expect(lines[1]).toMatch(/^deal,/);
    expect(lines[1]).toContain('Vera Novak');
    expect((await ann.browser.fetch(recordsApi.csvHref(null))).status).toBe(200);

    await failure(
      as(new Browser(app), () => recordsApi.list(null)),
      'unauthorized',
      401,
    );
  });
});

describe('savedRepliesApi', () => {
  it('lets admins add, change and delete replies that every agent reads; refuses a taken shortcut', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const created = await as(admin, async () => {
      const reply = await savedRepliesApi.create({ shortcut: '/Price', body: 'Our plans start at 10 EUR.' });
      expect(reply).toMatchObject({ shortcut: 'price', body: 'Our plans start at 10 EUR.' });
      await failure(savedRepliesApi.create({ shortcut: 'price', body: 'Again' }), 'conflict', 409);
      await failure(savedRepliesApi.create({ shortcut: 'bad shortcut!', body: 'x' }), 'invalid_request', 400);
      return reply;
    });
    expect(await as(ann.browser, () => savedRepliesApi.list())).toEqual([created]);
    await failure(
      as(ann.browser, () => savedRepliesApi.create({ shortcut: 'mine', body: 'x' })),
      'forbidden',
      403,
    );

    await as(admin, async () => {
      const changed = await savedRepliesApi.update(created.id, { body: 'Plans start at 12 EUR.' });
      expect(changed).toMatchObject({ id: created.id, shortcut: 'price', body: 'Plans start at 12 EUR.' });
      expect(await savedRepliesApi.list()).toEqual([changed]);
      await expect(savedRepliesApi.remove(created.id)).resolves.toBeUndefined();
      expect(await savedRepliesApi.list()).toEqual([]);
      await failure(savedRepliesApi.update(created.id, { body: 'gone' }), 'not_found', 404);
      await failure(savedRepliesApi.remove(created.id), 'not_found', 404);
    });
  });
});
