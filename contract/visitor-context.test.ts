// conversationsApi.visitorContext against the real server: null until the widget reports a page, then the page,
// browser and OS the server derived; a colleague's chat is the same "not found" as any other call.
import { describe, expect, it } from 'vitest';
import { conversationsApi } from '../dashboard/src/api/index.js';
import { cid } from '../server/test/helper.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

describe('conversationsApi.visitorContext', () => {
  it('reads what the widget reported, parsed with the shared schema', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const { socket, conversationId: id } = await visitorChat(app);
    await as(admin, async () => expect(await conversationsApi.visitorContext(id)).toBeNull());

    const page = cid('page');
    socket.send({
      type: 'page.view',
      id: page,
      url: 'https://shop.example/pricing?plan=pro',
      title: 'Pricing',
      referrer: 'https://search.example/',
      timeZone: 'Europe/Ljubljana',
      language: 'sl-SI',
    });
    await socket.waitFor((f) => f.type === 'ack' && f.id === page);
    await as(admin, async () => {
      expect(await conversationsApi.visitorContext(id)).toMatchObject({
        page: { url: 'https://shop.example/pricing?plan=pro', title: 'Pricing' },
        referrer: 'https://search.example/',
        pages: [{ title: 'Pricing' }],
        timeZone: 'Europe/Ljubljana',
        language: 'sl-SI',
      });
    });
    // Assigned to the admin: Ann may not see it.
    await as(admin, () => conversationsApi.assign(id));
    await as(ann.browser, () => failure(conversationsApi.visitorContext(id), 'not_found', 404));
  });
});
