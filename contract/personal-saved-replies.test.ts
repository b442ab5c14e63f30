// savedRepliesApi with personal replies and variables against the real server: an agent's own replies are theirs
// alone (admins included), and a reply using an unknown variable is refused with the known ones named.
import { describe, expect, it } from 'vitest';
import { savedRepliesApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate } from './setup.js';

describe('savedRepliesApi: personal replies and variables', () => {
  it("keeps an agent's own replies beside the team's, hidden from colleagues and admins", async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const ben = await teammate(app, admin, 'Ben');
    const team = await as(admin, () => savedRepliesApi.create({ shortcut: 'hi', body: 'Hello!' }));
    expect(team.personal).toBe(false);
    const mine = await as(ann.browser, () =>
      savedRepliesApi.create({ shortcut: 'hi', body: 'Hi {{contact.first_name}}!', personal: true }),
    );
    expect(mine).toMatchObject({ shortcut: 'hi', personal: true });

    expect(await as(ann.browser, () => savedRepliesApi.list())).toEqual([team, mine]);
    expect(await as(ben.browser, () => savedRepliesApi.list())).toEqual([team]);
    expect(await as(admin, () => savedRepliesApi.list())).toEqual([team]);
    await failure(
      as(admin, () => savedRepliesApi.update(mine.id, { body: 'x' })),
      'not_found',
      404,
    );
    await failure(
      as(ben.browser, () => savedRepliesApi.remove(mine.id)),
      'not_found',
      404,
    );

    await as(ann.browser, async () => {
      const changed = await savedRepliesApi.update(mine.id, { body: 'Hi {{contact.name}}.' });
      expect(changed).toMatchObject({ id: mine.id, body: 'Hi {{contact.name}}.', personal: true });
      const bad = await failure(
        savedRepliesApi.create({ shortcut: 'bad', body: 'Hi {{first}}', personal: true }),
        'invalid_request',
        400,
      );
      expect(bad.details).toEqual([
        {
          path: 'body.body',
          message: expect.stringMatching(/^Unknown variable \{\{first\}\}\. Use \{\{contact\.name\}\}/),
        },
      ]);
      await expect(savedRepliesApi.remove(mine.id)).resolves.toBeUndefined();
      expect(await savedRepliesApi.list()).toEqual([team]);
    });
  });
});
