// The agent inbox over HTTP and WebSocket: assignment changes in the timeline, closing, the side panel, leads and
// deals, CSV, notes, tags, saved replies, search, counts and settings.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { cid, closeTestSockets, connectedAgent, connectedVisitor, makeApp } from './helper.js';
import { EMPTY_DETAILS, call, inbox, listIds, visitorChat } from './inbox-helper.js';
import { waitForMessage, transcript } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const activityTexts = async (cookie: string, id: string) =>
  (await call(app, cookie, 'GET', `/api/conversations/${id}/activities`))
    .json<{ activities: { kind: string; text: string }[] }>()
    .activities.map((a) => `${a.kind}: ${a.text}`);

describe('assignment', () => {
  it('records every change in the timeline; the visitor sees who joined; lists follow', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const annSocket = await connectedAgent(app, ann.cookie);
    const { socket: visitor, conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);
    await waitForMessage(visitor, 'Ann joined the chat');
    const handOver = await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/assignee`, {
      assigneeId: ben.id,
    });
    expect(handOver.json()).toMatchObject({ conversation: { assigneeId: ben.id } });
    await waitForMessage(visitor, 'Ben joined the chat');
    await annSocket.waitFor((f) => f.type === 'conversation.removed' && f.conversationId === id);
    expect(await listIds(app, ben.cookie, '?folder=mine')).toEqual([id]);
    await call(app, ben.cookie, 'PUT', `/api/conversations/${id}/assignee`, { assigneeId: null });
    expect(await activityTexts(admin, id)).toEqual([
      'assigned: Ann assigned this conversation to themselves',
      'assigned: Ann assigned this conversation to Ben',
      'unassigned: Ben moved this conversation back to Unassigned',
    ]);
    // Unknown or deactivated assignees are refused.
    const bad = await call(app, admin, 'PUT', `/api/conversations/${id}/assignee`, { assigneeId: 'nobody' });
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

describe('closing', () => {
  it('closes for good, keeps the side panel working, and starts a new conversation when the visitor writes', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const { socket: visitor, token, conversationId: id } = await visitorChat(app, 'First question');
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`);
    const closed = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`);
    expect(closed.json()).toMatchObject({ conversation: { status: 'closed', closedAt: expect.any(Number) } });
    await waitForMessage(visitor, 'The chat was closed.');
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`)).json()).toMatchObject({
      error: { code: 'conversation_closed' },
    });
    const reply = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/messages`, {
      clientId: cid(),
      body: 'x',
    });
    expect(reply.json()).toMatchObject({ error: { code: 'conversation_closed' } });
    expect(await listIds(app, ann.cookie, '?folder=closed')).toEqual([id]);
    expect(await listIds(app, ann.cookie, '?folder=mine')).toEqual([]);
    // Leads and deals can still be made from it.
    const deal = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, {
      kind: 'deal',
      details: { ...EMPTY_DETAILS, contactName: 'Vera', dealValue: { amount: '500', currency: 'EUR' } },
    });
    expect(deal.statusCode).toBe(201);

    // The visitor writes again: a new conversation, and the agent can find the earlier one.
    const again = await connectedVisitor(app, { token });
    const sendId = cid();
    again.socket.send({ type: 'message.send', id: sendId, body: 'Second question' });
    const ack = await again.socket.waitFor((f) => f.type === 'ack' && f.id === sendId);
    const next = (ack.message as { conversationId: string }).conversationId;
    expect(next).not.toBe(id);
    const view = await call(app, ann.cookie, 'GET', `/api/conversations/${next}`);
    const visitorId = view.json<{ conversation: { visitorId: string; number: number } }>().conversation
      .visitorId;
    expect(await listIds(app, ann.cookie, `?visitorId=${visitorId}`)).toEqual([next, id]);
  });
});

describe('side panel, leads and deals', () => {
  it('pre-fills from the contact, validates, saves, and creates linked leads and deals without closing', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    const visitorId = (await app.store.conversations.byId(id))!.visitorId;
    await app.store.visitors.setContactField(visitorId, 'email', 'vera@example.com');
    await app.store.visitors.setContactField(visitorId, 'organization', 'Acme');
    const url = `/api/conversations/${id}/details`;
    expect((await call(app, ann.cookie, 'GET', url)).json()).toEqual({
      details: { ...EMPTY_DETAILS, email: 'vera@example.com', organizationName: 'Acme' },
    });
    const bad = await call(app, ann.cookie, 'PUT', url, {
      details: {
        ...EMPTY_DETAILS,
        email: 'nope',
        phone: 'call me',
        dealValue: { amount: '12.345', currency: 'EUR' },
        expectedCloseDate: '2026-13-40',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ error: { details: { path: string }[] } }>()
        .error.details.map((d) => d.path)
        .sort(),
    ).toEqual([
      'body.details.dealValue.amount',
      'body.details.email',
      'body.details.expectedCloseDate',
      'body.details.phone',
    ]);
    const details = {
      dealValue: { amount: '1250.50', currency: 'EUR' },
      expectedCloseDate: '2026-12-31',
      contactName: 'Vera Visitor',
      email: 'Vera@Example.com',
      phone: '+386 40 123 456',
      organizationName: 'Acme',
      organizationAddress: 'Trg 1, Ljubljana',
      note: 'Wants 20 seats',
    };
    const saved = await call(app, ann.cookie, 'PUT', url, { details });
    expect(saved.json()).toEqual({ details: { ...details, email: 'vera@example.com' } });
    // The inbox shows the contact's name now.
    expect((await call(app, ann.cookie, 'GET', `/api/conversations/${id}`)).json()).toMatchObject({
      conversation: { visitorName: 'Vera Visitor' },
    });

    const noValue = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, {
      kind: 'deal',
      details: { ...details, dealValue: null },
    });
    expect(
      noValue.json<{ error: { details: { path: string; message: string }[] } }>().error.details,
    ).toContainEqual({
      path: 'body.details.dealValue',
      message: 'Enter the deal value to create a deal.',
    });
    const lead = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, {
      kind: 'lead',
      details,
    });
    const deal = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, {
      kind: 'deal',
      title: 'Acme — 20 seats',
      details,
    });
    expect(lead.json()).toMatchObject({
      record: {
        kind: 'lead',
        title: 'Acme lead',
        contact: { name: 'Vera Visitor', email: 'vera@example.com' },
        organization: { name: 'Acme', address: 'Trg 1, Ljubljana' },
      },
    });
    const dealRecord = deal.json<{
      record: { organization: { id: string }; value: unknown; title: string };
    }>().record;
    expect(dealRecord).toMatchObject({
      title: 'Acme — 20 seats',
      value: { amount: '1250.50', currency: 'EUR' },
    });
    // Same organization, found again by name.
    expect(dealRecord.organization.id).toBe(
      lead.json<{ record: { organization: { id: string } } }>().record.organization.id,
    );
    // The chat stays open, and the timeline says what happened.
    expect((await app.store.conversations.byId(id))!.status).toBe('open');
    expect(await activityTexts(ann.cookie, id)).toEqual([
      'lead_created: Ann created the lead "Acme lead"',
      'deal_created: Ann created the deal "Acme — 20 seats"',
    ]);
    expect(
      (await call(app, ann.cookie, 'GET', `/api/conversations/${id}/records`)).json().records,
    ).toHaveLength(2);
  });

  it('exports leads and deals as CSV that spreadsheets cannot run as formulas', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, {
      kind: 'lead',
      details: {
        ...EMPTY_DETAILS,
        contactName: '=HYPERLINK("http://evil")',
        phone: '+386 40 123 456',
        organizationName: 'Bob;=1+1;',
        organizationAddress: '\uFF1D1+1',
        note: 'line 1\nline "2"',
      },
    });
    const csv = await call(app, ann.cookie, 'GET', '/api/records.csv?kind=lead');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="leads.csv"');
    const [header, row] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    // Every cell quoted: one cell whatever separator the reader's locale splits on (`;` in Turkish or Slovenian Excel).
    expect(header).toBe(
      '"type","title","value","currency","expected_close_date","contact_name","contact_email","contact_phone","organization","organization_address","conversation","note","created_by","created_at"',
    );
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain(',"+386 40 123 456",');
    expect(row).toContain(',"Bob;=1+1;",');
    expect(row).toContain('"lead","Bob;=1+1; lead",');
    expect(row).toContain(`,"'\uFF1D1+1",`);
    expect(csv.body).toContain('"line 1\nline ""2"""');
    expect(
      (await call(app, ann.cookie, 'GET', '/api/records.csv?kind=deal')).body.trim().split('\r\n'),
    ).toHaveLength(1);
  });
});

describe('notes and tags', () => {
  it('keeps notes from the visitor, and tags the conversation', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const annSocket = await connectedAgent(app, ann.cookie);
    const { socket: visitor, conversationId: id } = await visitorChat(app);
    const seenByVisitor = visitor.frames.length;
    const note = await call(app, ann.cookie, 'POST', `/api/conversations/${id}/notes`, {
      body: 'Big fish, be nice',
    });
    expect(note.statusCode).toBe(201);
    await annSocket.waitFor(
      (f) => f.type === 'activity.created' && (f.activity as { text: string }).text === 'Big fish, be nice',
    );
    const tagged = await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/tags`, {
      tags: ['VIP', 'pricing', 'vip'],
    });
    expect(tagged.json()).toMatchObject({ conversation: { tags: ['vip', 'pricing'] } });
    await annSocket.waitFor(
      (f) => f.type === 'conversation.updated' && (f.conversation as { tags: string[] }).tags.length === 2,
    );
    expect(
      (await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/tags`, { tags: ['<b>'] })).statusCode,
    ).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    expect(visitor.frames.slice(seenByVisitor)).toEqual([]);
    expect(transcript(visitor).join()).not.toContain('Big fish');
  });
});

describe('saved replies', () => {
  it('admins manage them, every agent reads them, shortcuts are unique', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const created = await call(app, admin, 'POST', '/api/saved-replies', {
      shortcut: 'Pricing',
      body: 'Our plans start at 19 EUR.',
    });
    expect(created.statusCode).toBe(201);
    const reply = created.json<{ reply: { id: string; shortcut: string } }>().reply;
    expect(reply.shortcut).toBe('pricing');
    expect(
      (await call(app, admin, 'POST', '/api/saved-replies', { shortcut: 'pricing', body: 'x' })).json(),
    ).toMatchObject({
      error: { code: 'conflict' },
    });
    expect(
      (await call(app, ann.cookie, 'POST', '/api/saved-replies', { shortcut: 'mine', body: 'x' })).statusCode,
    ).toBe(403);
    expect((await call(app, ann.cookie, 'DELETE', `/api/saved-replies/${reply.id}`)).statusCode).toBe(403);
    expect((await call(app, ann.cookie, 'GET', '/api/saved-replies')).json()).toMatchObject({
      replies: [{ shortcut: 'pricing', body: 'Our plans start at 19 EUR.' }],
    });
    const edited = await call(app, admin, 'PATCH', `/api/saved-replies/${reply.id}`, {
      body: 'From 19 EUR a month.',
    });
    expect(edited.json()).toMatchObject({ reply: { body: 'From 19 EUR a month.' } });
    expect((await call(app, admin, 'DELETE', `/api/saved-replies/${reply.id}`)).statusCode).toBe(204);
    expect((await call(app, admin, 'DELETE', `/api/saved-replies/${reply.id}`)).statusCode).toBe(404);
  });
});

describe('search, filters and counts', () => {
  it('finds by number or contact, filters by status, assignee and date, and counts folders per viewer', async () => {
    let clock = 1_800_000_000_000;
    app = await makeApp({}, { now: () => clock });
    const { admin, ann, ben } = await inbox(app);
    const first = await visitorChat(app);
    await call(app, ann.cookie, 'POST', `/api/conversations/${first.conversationId}/assign`);
    clock += 60_000;
    const second = await visitorChat(app);
    await call(app, ben.cookie, 'POST', `/api/conversations/${second.conversationId}/assign`);
    await call(app, ben.cookie, 'POST', `/api/conversations/${second.conversationId}/close`);
    clock += 60_000;
    const third = await visitorChat(app);
    const visitorOf = async (id: string) => (await app.store.conversations.byId(id))!.visitorId;
    await app.store.visitors.setContactField(
      await visitorOf(second.conversationId),
      'email',
      'zoe_smith@example.com',
    );
    await app.store.visitors.setContactField(await visitorOf(third.conversationId), 'name', 'Zoë Adams');
    const number = async (id: string) => (await app.store.conversations.byId(id))!.number;

    expect(await listIds(app, admin, `?q=%23${await number(third.conversationId)}`)).toEqual([
      third.conversationId,
    ]);
    expect(await listIds(app, admin, `?q=${await number(first.conversationId)}`)).toEqual([
      first.conversationId,
    ]);
    expect(await listIds(app, admin, '?q=ZOE_')).toEqual([second.conversationId]); // "_" is literal, not a wildcard
    expect(await listIds(app, admin, '?q=Zo%C3%AB')).toEqual([third.conversationId]);
    expect(await listIds(app, admin, '?q=%25')).toEqual([]); // "%" is literal too
    expect(await listIds(app, admin, '?status=closed')).toEqual([second.conversationId]);
    expect(await listIds(app, admin, `?assigneeId=${ann.id}`)).toEqual([first.conversationId]);
    expect(await listIds(app, admin, '?assigneeId=none')).toEqual([third.conversationId]);
    const at = async (id: string) => (await app.store.conversations.byId(id))!.updatedAt;
    expect(await listIds(app, admin, `?from=${await at(third.conversationId)}`)).toEqual([
      third.conversationId,
    ]);
    expect(await listIds(app, admin, `?to=${await at(first.conversationId)}`)).toEqual([
      first.conversationId,
    ]);
    expect(await listIds(app, ann.cookie, '?folder=closed')).toEqual([]); // Ben's closed chat is Ben's

    const counts = async (cookie: string) =>
      (await call(app, cookie, 'GET', '/api/conversations/counts')).json();
    expect(await counts(admin)).toEqual({
      counts: { unassigned: 1, mine: 0, teams: 0, all: 2, bot: 0, closed: 1, teamIds: [] },
    });
    expect(await counts(ann.cookie)).toEqual({
      counts: { unassigned: 1, mine: 1, teams: 0, all: null, bot: null, closed: 0, teamIds: [] },
    });
    expect(await counts(ben.cookie)).toEqual({
      counts: { unassigned: 1, mine: 0, teams: 0, all: null, bot: null, closed: 1, teamIds: [] },
    });
    expect((await call(app, admin, 'GET', '/api/conversations?from=soon')).statusCode).toBe(400);
  });
});

describe('colleagues and settings', () => {
  it('lists active colleagues for any agent and keeps each agent’s notification settings', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const colleagues = (await call(app, ann.cookie, 'GET', '/api/colleagues')).json<{
      agents: { name: string }[];
    }>();
    expect(colleagues.agents.map((a) => a.name).sort()).toEqual(['Admin', 'Ann', 'Ben']);
    expect((await call(app, ann.cookie, 'GET', '/api/me/settings')).json()).toEqual({
      settings: { newChat: true, assignedToMe: true, newMessage: true, sound: false },
    });
    const settings = { newChat: false, assignedToMe: true, newMessage: false, sound: true };
    expect((await call(app, ann.cookie, 'PUT', '/api/me/settings', { settings })).json()).toEqual({
      settings,
    });
    expect((await call(app, ann.cookie, 'GET', '/api/me/settings')).json()).toEqual({ settings });
    expect(
      (await call(app, ann.cookie, 'PUT', '/api/me/settings', { settings: { newChat: 'no' } })).statusCode,
    ).toBe(400);
  });
});
