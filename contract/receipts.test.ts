// receiptsApi against the real server: read positions, reading, "Mark as unread", and the agent's unread counts
// (only what they may see); sitesApi.update's typing preview switch.
import { describe, expect, it } from 'vitest';
import { conversationsApi, receiptsApi, sitesApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('seen receipts and unread', () => {
  it('reads, marks unread and counts per agent, within the privacy rules', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const ben = await teammate(app, admin, 'Ben');
    const { conversationId: id } = await visitorChat(app, 'Hello');

    expect(await as(ann.browser, () => receiptsApi.unread())).toEqual({
      conversations: { [id]: 1 },
      folders: { unassigned: 1, mine: 0, teams: 0, all: null, bot: null },
    });
    expect(await as(ann.browser, () => receiptsApi.reads(id))).toEqual({
      visitor: null,
      team: null,
      mine: null,
    });

    const read = await as(ann.browser, () => receiptsApi.read(id, 1));
    expect(read).toMatchObject({ visitor: null, team: { seq: 1 }, mine: { seq: 1 } });
    expect((await as(ann.browser, () => receiptsApi.unread())).conversations).toEqual({});
    // Ben's own position is untouched by Ann's read.
    expect((await as(ben.browser, () => receiptsApi.unread())).conversations).toEqual({ [id]: 1 });

    expect(await as(ann.browser, () => receiptsApi.markUnread(id))).toMatchObject({
      mine: { seq: 0 },
      team: { seq: 1 },
    });
    expect((await as(ann.browser, () => receiptsApi.unread())).conversations).toEqual({ [id]: 1 });

    // Once Ann has it, Ben learns nothing of it.
    await as(ann.browser, () => conversationsApi.assign(id));
    expect(await as(ben.browser, () => receiptsApi.unread())).toEqual({
      conversations: {},
      folders: { unassigned: 0, mine: 0, teams: 0, all: null, bot: null },
    });
    await failure(
      as(ben.browser, () => receiptsApi.reads(id)),
      'not_found',
      404,
    );
    await failure(
      as(ben.browser, () => receiptsApi.read(id, 1)),
      'not_found',
      404,
    );
    await failure(
      as(ben.browser, () => receiptsApi.markUnread(id)),
      'not_found',
      404,
    );
  });

  it('switches the site’s typing preview', async () => {
    const { admin } = await server();
    const [site] = await as(admin, () => sitesApi.list());
    expect(site!.typingPreview).toBe(false);
    expect((await as(admin, () => sitesApi.update(site!.id, { typingPreview: true }))).typingPreview).toBe(
      true,
    );
    expect((await as(admin, () => sitesApi.list()))[0]!.typingPreview).toBe(true);
  });
});
