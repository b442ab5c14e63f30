// Texts to a site's number follow the team routing too (both engines): with "Route texts to team" set, a new text
// conversation waits in that team's queue, seen by its members only, and its automatic assignment gives it out.
import { afterEach, describe, expect, it } from 'vitest';
import { SmsSettingsBodySchema, TeamBodySchema } from '@livechat/shared/api';
import { closeTestSockets, connectedAgent, createAgent } from './helper.js';
import { call, listIds } from './inbox-helper.js';
import { setAvailable } from './playbook-helper.js';
import { CUSTOMER, startSmsApp, type SmsSetup } from './sms-helper.js';

let setup: SmsSetup | undefined;
afterEach(async () => {
  closeTestSockets();
  await setup?.close();
  setup = undefined;
});

describe('texts routed to a team', () => {
  it("wait in the team's queue for its members, and automatic assignment gives them out", async () => {
    setup = await startSmsApp();
    const { app, admin, siteId } = setup;
    const [ann, ben] = [await createAgent(app, admin, 'Ann'), await createAgent(app, admin, 'Ben')];
    const created = await call(app, admin, 'POST', '/api/teams', { name: 'Support', memberIds: [ann.id] });
    const support = TeamBodySchema.parse(created.json()).team;

    // An unknown team is refused in words; Support is saved and read back.
    const unknown = await call(app, admin, 'PATCH', `/api/sites/${siteId}/sms`, {
      teamId: 'deleted-team-id',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { message: 'No team has this id; choose another.' } });
    const saved = await call(app, admin, 'PATCH', `/api/sites/${siteId}/sms`, { teamId: support.id });
    expect(SmsSettingsBodySchema.parse(saved.json()).sms.teamId).toBe(support.id);

    await setup.fake.textFromPhone({ from: CUSTOMER, to: setup.number, body: 'My order is late' });
    const [id] = await listIds(app, admin, '?folder=unassigned');
    expect((await call(app, admin, 'GET', `/api/conversations/${id}`)).json()).toMatchObject({
      conversation: { channel: 'sms', teamId: support.id, assigneeId: null },
    });
    expect(await listIds(app, ann.cookie, '?folder=teams')).toEqual([id]);
    expect(await listIds(app, ben.cookie, '')).toEqual([]);

    // Support assigns automatically now: Ann (available) gets the text conversation.
    await call(app, admin, 'PATCH', `/api/teams/${support.id}`, { autoAssign: true });
    await connectedAgent(app, ann.cookie);
    expect((await setAvailable(app, ann.cookie, true)).statusCode).toBe(200);
    await expect
      .poll(async () => (await call(app, admin, 'GET', `/api/conversations/${id}`)).json())
      .toMatchObject({ conversation: { assigneeId: ann.id } });

    // Back to everyone's: the next new text conversation is in Unassigned for all.
    const cleared = await call(app, admin, 'PATCH', `/api/sites/${siteId}/sms`, { teamId: null });
    expect(SmsSettingsBodySchema.parse(cleared.json()).sms.teamId).toBeNull();
    await setup.fake.textFromPhone({ from: '+14155550199', to: setup.number, body: 'Hello?' });
    expect(await listIds(app, ben.cookie, '?folder=unassigned')).toHaveLength(1);
  });
});
