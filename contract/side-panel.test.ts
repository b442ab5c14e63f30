// conversationsApi's side panel calls against the real server: details (saved and read back), leads and deals,
// the agents-only timeline and notes, and the playbook's lead data.
import { describe, expect, it } from 'vitest';
import type { ConversationDetails } from '@livechat/shared/model';
import { conversationsApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

const EMPTY: ConversationDetails = {
  dealValue: null,
  expectedCloseDate: null,
  contactName: '',
  email: '',
  phone: '',
  organizationName: '',
  organizationAddress: '',
  note: '',
};

const FILLED: ConversationDetails = {
  dealValue: { amount: '1250', currency: 'EUR' },
  expectedCloseDate: '2026-12-31',
  contactName: 'Vera Novak',
  email: 'vera@example.com',
  phone: '+386 40 123 456',
  organizationName: 'Acme d.o.o.',
  organizationAddress: 'Slovenska 1, Ljubljana',
  note: 'Wants 20 seats.',
};

describe('conversationsApi: details', () => {
  it('saves the details and reads them back (issue 8: "Save details" always failed)', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const { conversationId: id } = await visitorChat(app);
    await as(ann.browser, async () => {
      await conversationsApi.assign(id);
      expect(await conversationsApi.details(id)).toEqual(EMPTY);
      expect(await conversationsApi.saveDetails(id, FILLED)).toEqual(FILLED);
      // A reload reads what was stored.
      expect(await conversationsApi.details(id)).toEqual(FILLED);
      expect((await conversationsApi.get(id)).visitorName).toBe('Vera Novak');
    });
  });

  it('refuses a bad value with the field path, and the old body shape (details unwrapped) outright', async () => {
    const { app, admin } = await server();
    const { conversationId: id } = await visitorChat(app);
    await as(admin, async () => {
      const error = await failure(
        conversationsApi.saveDetails(id, { ...FILLED, email: 'not-an-email' }),
        'invalid_request',
        400,
      );
      expect(error.details.map((d) => d.path)).toEqual(['body.details.email']);
      expect(await conversationsApi.details(id)).toEqual(EMPTY);
    });
    // What the client sent before the fix: the server never accepted it.
    const res = await admin.fetch(`/api/conversations/${id}/details`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(FILLED),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('body.details');
  });
});

describe('conversationsApi: leads and deals, timeline, notes, lead data', () => {
  it('creates a lead and a deal, lists them, and shows them with a note in the timeline', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const { conversationId: id } = await visitorChat(app);
    await as(ann.browser, async () => {
      await conversationsApi.assign(id);
      expect(await conversationsApi.records(id)).toEqual([]);
      const lead = await conversationsApi.createRecord(id, { kind: 'lead', details: FILLED });
      expect(lead).toMatchObject({
        kind: 'lead',
        conversationId: id,
        contact: { name: 'Vera Novak', email: 'vera@example.com' },
        organization: { name: 'Acme d.o.o.' },
        createdBy: { id: ann.agent.id, name: 'Ann' },
      });
      const deal = await conversationsApi.createRecord(id, {
        kind: 'deal',
        title: 'Acme, 20 seats',
        details: FILLED,
      });
      expect(deal).toMatchObject({
        kind: 'deal',
        title: 'Acme, 20 seats',
        value: { amount: '1250', currency: 'EUR' },
      });
      expect((await conversationsApi.records(id)).map((r) => r.id).sort()).toEqual([lead.id, deal.id].sort());
      // Creating saved the details too.
      expect(await conversationsApi.details(id)).toEqual(FILLED);

      const error = await failure(
        conversationsApi.createRecord(id, { kind: 'deal', details: { ...FILLED, dealValue: null } }),
        'invalid_request',
        400,
      );
      expect(error.details.map((d) => d.path)).toEqual(['body.details.dealValue']);

      const note = await conversationsApi.addNote(id, '  Call back on Monday  ');
      expect(note).toMatchObject({
        conversationId: id,
        kind: 'note',
        text: 'Call back on Monday',
        actor: { id: ann.agent.id },
      });
      await failure(conversationsApi.addNote(id, '   '), 'invalid_request', 400);
      const timeline = await conversationsApi.activities(id);
      expect(timeline.map((a) => a.kind)).toEqual(
        expect.arrayContaining(['assigned', 'lead_created', 'deal_created', 'note']),
      );
      expect(timeline.at(-1)).toEqual(note);
    });
  });

  it("reads the playbook's lead data; a colleague's chat is not found", async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const ben = await teammate(app, admin, 'Ben');
    const { conversationId: id } = await visitorChat(app);
    await as(ann.browser, async () => {
      await conversationsApi.assign(id);
      expect(await conversationsApi.lead(id)).toEqual({
        contact: { name: null, email: null, phone: null, organization: null },
        answers: [],
      });
    });
    await as(ben.browser, async () => {
      await failure(conversationsApi.lead(id), 'not_found', 404);
      await failure(conversationsApi.details(id), 'not_found', 404);
      await failure(conversationsApi.records(id), 'not_found', 404);
      await failure(conversationsApi.activities(id), 'not_found', 404);
      await failure(conversationsApi.addNote(id, 'sneaky'), 'not_found', 404);
    });
  });
});
