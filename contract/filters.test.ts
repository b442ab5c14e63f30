// conversationsApi.list with the list's filters against the real server: every parameter the dashboard sends is
// one the server reads (channel, team, type, tag, contact attribute, created and last activity ranges), applied
// together; a range that ends before it starts is refused in words.
import { describe, expect, it } from 'vitest';
import { contactsApi, conversationsApi, teamsApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('conversationsApi.list: filters', () => {
  it('sends every filter, which the server applies together and within what the agent may see', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const tagged = await visitorChat(app, 'Hello from a VIP');
    const other = await visitorChat(app, 'Just browsing');
    const contactId = (await app.store.conversations.byId(tagged.conversationId))!.visitorId;
    const start = Date.now() - 60_000;

    const sales = await as(admin, async () => {
      const team = await teamsApi.create({ name: 'Sales', memberIds: [ann.agent.id] });
      await conversationsApi.setAssignee(tagged.conversationId, { teamId: team.id });
      await contactsApi.saveTags(contactId, ['vip']);
      await contactsApi.saveAttributes(contactId, [{ key: 'Plan', value: 'Pro' }]);
      return team;
    });

    await as(ann.browser, async () => {
      const ids = async (query: Parameters<typeof conversationsApi.list>[0]) =>
        (await conversationsApi.list(query)).map((c) => c.id);
      expect(await ids({ folder: 'unassigned', teamId: sales.id })).toEqual([tagged.conversationId]);
      expect(await ids({ folder: 'unassigned', teamId: 'none' })).toEqual([other.conversationId]);
      expect(
        await ids({
          channel: 'web',
          type: 'live',
          tag: 'vip',
          attribute: 'plan',
          attributeValue: 'Pro',
          createdFrom: start,
          createdTo: Date.now() + 60_000,
          from: start,
        }),
      ).toEqual([tagged.conversationId]);
      expect(await ids({ channel: 'sms' })).toEqual([]);
      expect(await ids({ type: 'agent_started' })).toEqual([]);
      expect(await ids({ createdTo: start })).toEqual([]);
      const refused = await failure(
        conversationsApi.list({ createdFrom: Date.now(), createdTo: start }),
        'invalid_request',
        400,
      );
      expect(JSON.stringify(refused.details ?? refused.message)).toMatch(
        /created date range ends before it starts/,
      );
    });
  });
});
