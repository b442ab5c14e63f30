// The list's filters over HTTP: a bad combination is refused in words, each filter narrows the list (the property test
// in inbox-rules.test.ts holds the SQL to the shared rules), and an agent's "New" is recorded as agent-started.
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestSockets, createAgent } from './helper.js';
import { call, listIds, visitorChat } from './inbox-helper.js';
import { smsContact } from './contact-crm-helper.js';
import { startSmsApp, textNumber, type SmsSetup } from './sms-helper.js';

let setup: SmsSetup | undefined;
afterEach(async () => {
  closeTestSockets();
  await setup?.close();
  setup = undefined;
});

interface Refusal {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

describe('conversation list filters', () => {
  it('refuses a date range that ends before it starts, and unknown values, in words', async () => {
    setup = await startSmsApp({ connect: false });
    const { app, admin } = setup;
    const refused = async (query: string) => {
      const res = await call(app, admin, 'GET', `/api/conversations?${query}`);
      expect(res.statusCode).toBe(400);
      const { error } = res.json<Refusal>();
      expect(error.code).toBe('invalid_request');
      return [error.message, ...(error.details ?? []).map((d) => d.message)].join(' ');
    };
    expect(await refused('createdFrom=2000&createdTo=1000')).toMatch(
      /created date range ends before it starts/,
    );
    expect(await refused('from=2000&to=1000')).toMatch(/last message date range ends before it starts/);
    expect(await refused('attributeValue=Pro')).toMatch(/Choose the attribute/);
    await refused('type=robot');
    await refused('channel=fax');
    await refused('tag=%21%21');
    await refused('createdFrom=yesterday');
    // Equal ends are a one-moment range, not a mistake.
    expect((await call(app, admin, 'GET', '/api/conversations?createdFrom=5&createdTo=5')).statusCode).toBe(
      200,
    );
  });

  it('narrows by channel, type, tag, contact attribute and created time, together, as the viewer may see', async () => {
    setup = await startSmsApp();
    const { app, admin } = setup;
    const ann = await createAgent(app, admin, 'Ann');
    const web = await visitorChat(app);
    const webContact = (await app.store.conversations.byId(web.conversationId))!.visitorId;
    const texted = await smsContact(app, '+14155550177');
    const res = await textNumber(setup, admin, '+14155550199', 'Hello from the shop');
    expect(res.statusCode).toBe(201);
    const started = res.json<{ conversation: { id: string; startedByAgent: boolean } }>().conversation;
    expect(started.startedByAgent).toBe(true);

    await call(app, admin, 'PUT', `/api/contacts/${webContact}/tags`, { tags: ['vip'] });
    await call(app, admin, 'PUT', `/api/contacts/${webContact}/attributes`, {
      attributes: [{ key: 'Plan', value: 'Pro' }],
    });
    await call(app, admin, 'PUT', `/api/conversations/${texted.conversationId}/tags`, { tags: ['billing'] });

    const list = (query: string, cookie = admin) => listIds(app, cookie, `?${query}`);
    expect(await list('type=agent_started')).toEqual([started.id]);
    expect(await list('type=sms')).toEqual([texted.conversationId]);
    expect(await list('type=live')).toEqual([web.conversationId]);
    expect(await list('type=bot')).toEqual([]);
    expect((await list('channel=sms')).sort()).toEqual([started.id, texted.conversationId].sort());
    expect(await list('channel=web&teamId=none')).toEqual([web.conversationId]);
    expect(await list('tag=VIP')).toEqual([web.conversationId]);
    expect(await list('tag=billing')).toEqual([texted.conversationId]);
    expect(await list('attribute=PLAN&attributeValue=Pro')).toEqual([web.conversationId]);
    expect(await list('attribute=plan&attributeValue=pro')).toEqual([]);
    expect(await list('attribute=plan&channel=sms')).toEqual([]);
    expect(await list(`createdFrom=${Date.now() + 60_000}`)).toEqual([]);
    expect((await list(`createdTo=${Date.now()}&channel=sms`)).length).toBe(2);
    // The admin's own text stays out of an agent's sight, whatever the filters.
    expect(await list('type=agent_started', ann.cookie)).toEqual([]);
    expect((await list('channel=sms', ann.cookie)).includes(started.id)).toBe(false);
  });
});
