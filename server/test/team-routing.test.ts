// Teams in the inbox (both engines): a team's queue is seen by its members and admins only, never by other agents,
// in lists, counts, search, reads, sockets and files; automatic assignment gives chats round-robin to available
// members below their maximum, exactly one assignee each, and assigns waiting chats as soon as someone can;
// returning contacts go back to their last agent; a Live Chat card routes to a team.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamBodySchema, TeamListBodySchema, UploadResponseSchema, type Team } from '@livechat/shared/api';
import { MessageSchema } from '@livechat/shared/model';
import {
  cid,
  closeTestSockets,
  connectedAgent,
  connectedVisitor,
  createAgent,
  demoSite,
  login,
  makeApp,
  SITE_ORIGIN,
  updateAgent,
  type TestSocket,
} from './helper.js';
import { call, listIds, visitorChat } from './inbox-helper.js';
import { say, setAvailable, startChat, transcript, waitForMessage } from './playbook-helper.js';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import { png } from '../src/domain/media/fixtures/bytes.js';
import { routedTo } from './team-playbook.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

type Agent = Awaited<ReturnType<typeof createAgent>>;

async function createTeam(admin: string, name: string, members: Agent[], routing: Partial<Team> = {}) {
  const res = await call(app, admin, 'POST', '/api/teams', {
    name,
    memberIds: members.map((m) => m.id),
    ...routing,
  });
  expect(res.statusCode, res.body).toBe(201);
  return TeamBodySchema.parse(res.json()).team;
}

async function routeSiteTo(admin: string, teamId: string) {
  const site = await demoSite(app);
  const res = await call(app, admin, 'PUT', `/api/sites/${site.id}/playbook`, routedTo(teamId));
  expect(res.statusCode, res.body).toBe(200);
}

/** Switched to available with a dashboard connected: automatic assignment may give them chats. */
async function available(agent: Agent): Promise<TestSocket> {
  const socket = await connectedAgent(app, agent.cookie);
  expect((await setAvailable(app, agent.cookie, true)).statusCode).toBe(200);
  return socket;
}

const conversation = async (cookie: string, id: string) =>
  (await call(app, cookie, 'GET', `/api/conversations/${id}`)).json<{
    conversation: { assigneeId: string | null; teamId: string | null; status: string };
  }>().conversation;

const counts = async (cookie: string) =>
  (await call(app, cookie, 'GET', '/api/conversations/counts')).json<{
    counts: { unassigned: number; teams: number; mine: number };
  }>().counts;

/** Open chats each agent holds. */
async function openCounts(agents: Agent[]): Promise<number[]> {
  return Promise.all(
    agents.map(async (a) =>
      Number(
        await app.sql.value("SELECT COUNT(*) FROM conversations WHERE assignee_id = ? AND status = 'open'", [
          a.id,
        ]),
      ),
    ),
  );
}

async function setup() {
  app = await makeApp();
  const admin = await login(app);
  const [ann, ben, cara] = await Promise.all(['Ann', 'Ben', 'Cara'].map((n) => createAgent(app, admin, n)));
  return { admin, ann: ann!, ben: ben!, cara: cara! };
}

describe("a team's queue", () => {
  it('is seen by its members and admins, never by other agents: lists, counts, search, reads, sockets, files', async () => {
    const { admin, ann, ben, cara } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann, cara]);
    await routeSiteTo(admin, sales.id);
    const annSocket = await connectedAgent(app, ann.cookie);
    const benSocket = await connectedAgent(app, ben.cookie);

    const chat = await visitorChat(app, 'Pricing for 40 seats? vera@example.com');
    const id = chat.conversationId;
    const file = UploadResponseSchema.parse(
      (
        await app.inject({
          method: 'POST',
          url: `/api/widget/files?siteKey=${DEMO_SITE_KEY}&name=shot.png&upload=${cid('up')}`,
          headers: {
            origin: SITE_ORIGIN,
            authorization: `Bearer ${chat.token}`,
            'content-type': 'application/octet-stream',
          },
          payload: Buffer.from(png()),
        })
      ).json(),
    ).file;
    const sendId = cid('m');
    chat.socket.send({ type: 'message.send', id: sendId, body: 'my screen', attachments: [file.id] });
    const sent = MessageSchema.parse(
      (await chat.socket.waitFor((f) => f.type === 'ack' && f.id === sendId)).message,
    );
    const fileUrl = sent.attachments![0]!.url;
    await annSocket.waitFor(
      (f) => f.type === 'message.created' && (f.message as { id: string }).id === sent.id,
    );

    expect(await conversation(admin, id)).toMatchObject({ teamId: sales.id, assigneeId: null });
    // The member: My teams and Unassigned, the count, search, the conversation, the file.
    expect(await listIds(app, ann.cookie, '?folder=teams')).toEqual([id]);
    expect(await listIds(app, ann.cookie, '?folder=unassigned')).toEqual([id]);
    const number = (await call(app, admin, 'GET', `/api/conversations/${id}`)).json<{
      conversation: { number: number };
    }>().conversation.number;
    expect(await listIds(app, ann.cookie, `?q=%23${number}`)).toEqual([id]);
    expect(await counts(ann.cookie)).toMatchObject({ unassigned: 1, teams: 1 });
    expect((await call(app, ann.cookie, 'GET', fileUrl)).statusCode).toBe(200);
    // The admin sees it everywhere, though not in a team.
    expect(await listIds(app, admin, '?folder=unassigned')).toEqual([id]);
    expect(await listIds(app, admin, '?folder=all')).toEqual([id]);
    expect(await counts(admin)).toMatchObject({ unassigned: 1, teams: 0 });
    // The non-member: nothing anywhere.
    for (const query of ['', '?folder=unassigned', '?folder=teams', `?q=%23${number}`, '?status=open'])
      expect(await listIds(app, ben.cookie, query), query).toEqual([]);
    expect(await counts(ben.cookie)).toMatchObject({ unassigned: 0, teams: 0 });
    for (const path of ['', '/messages', '/activities', '/gallery'])
      expect((await call(app, ben.cookie, 'GET', `/api/conversations/${id}${path}`)).statusCode, path).toBe(
        404,
      );
    expect((await call(app, ben.cookie, 'POST', `/api/conversations/${id}/assign`)).statusCode).toBe(404);
    expect((await call(app, ben.cookie, 'GET', fileUrl)).statusCode).toBe(403);
    expect(benSocket.frames.some((f) => JSON.stringify(f).includes(id))).toBe(false);
    benSocket.send({ type: 'conversation.watch', id: 'watch-0001', conversationId: id, afterSeq: 0 });
    expect(await benSocket.waitFor((f) => f.type === 'error' && f.id === 'watch-0001')).toMatchObject({
      code: 'not_found',
    });

    // Ann takes it: it is hers alone, even for her teammate Cara.
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${id}/assign`)).statusCode).toBe(200);
    expect(await listIds(app, cara.cookie, '')).toEqual([]);
    expect((await call(app, cara.cookie, 'GET', `/api/conversations/${id}`)).statusCode).toBe(404);
    expect((await call(app, cara.cookie, 'GET', fileUrl)).statusCode).toBe(403);

    // Handed to Support's queue (Ben's team): Ann is told it left her view; Ben now sees it.
    const support = await createTeam(admin, 'Support', [ben]);
    const moved = await call(app, ann.cookie, 'PUT', `/api/conversations/${id}/assignee`, {
      teamId: support.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await annSocket.waitFor((f) => f.type === 'conversation.removed' && f.conversationId === id);
    await benSocket.waitFor(
      (f) => f.type === 'conversation.updated' && (f.conversation as { id: string }).id === id,
    );
    expect(await listIds(app, ben.cookie, '?folder=teams')).toEqual([id]);
    expect(await listIds(app, ann.cookie, '')).toEqual([]);
    expect((await call(app, ben.cookie, 'GET', fileUrl)).statusCode).toBe(200);
    const timeline = (await call(app, admin, 'GET', `/api/conversations/${id}/activities`)).json<{
      activities: { text: string }[];
    }>().activities;
    expect(timeline.map((a) => a.text)).toContain('Ann moved this conversation to the Support queue');
  });

  it("offers a live chat when one of the team's members is available, else runs the offline flow at once", async () => {
    const { admin, ann, ben } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann]);
    await routeSiteTo(admin, sales.id);
    await available(ben); // in no team: Sales is still away
    const away = await visitorChat(app, 'Anyone there?');
    await waitForMessage(away.socket, 'Nobody is around right now');
    expect(transcript(away.socket).join('\n')).not.toContain('Connecting you to the team');

    await available(ann);
    const here = await visitorChat(app, 'Hello?');
    await waitForMessage(here.socket, 'Connecting you to the team');
    expect(transcript(here.socket).join('\n')).not.toContain('Nobody is around right now');
  });

  it('refuses an unknown team, both an agent and a team, and a Live Chat card routing to no team', async () => {
    const { admin } = await setup();
    const { conversationId: id } = await visitorChat(app);
    for (const [payload, message] of [
      [{ teamId: 'deleted-team-id' }, 'No team has this id.'],
      [{ teamId: 'x', assigneeId: null }, 'Choose an agent or a team.'],
      [{}, 'Choose an agent or a team.'],
    ] as const) {
      const res = await call(app, admin, 'PUT', `/api/conversations/${id}/assignee`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).toContain(message);
    }
    const site = await demoSite(app);
    const res = await call(app, admin, 'PUT', `/api/sites/${site.id}/playbook`, routedTo('deleted-team-id'));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/team that no longer exists/);
  });
});

describe('automatic assignment', () => {
  it('shares 20 chats arriving at once round-robin among available members, one assignee each', async () => {
    const { admin, ann, ben, cara } = await setup();
    const dan = await createAgent(app, admin, 'Dan');
    const sales = await createTeam(admin, 'Sales', [ann, ben, cara, dan], {
      autoAssign: true,
      maxOpenChats: 10,
    });
    await routeSiteTo(admin, sales.id);
    const sockets = await Promise.all([ann, ben, cara].map(available)); // Dan stays unavailable
    const chats = await Promise.all(Array.from({ length: 20 }, (_, i) => visitorChat(app, `Hello ${i}`)));
    await app.domain.routing.idle();

    const held = await openCounts([ann, ben, cara, dan]);
    expect(held.reduce((a, b) => a + b)).toBe(20);
    expect(held[3]).toBe(0);
    expect(Math.max(...held.slice(0, 3)) - Math.min(...held.slice(0, 3))).toBeLessThanOrEqual(1);
    for (const { conversationId, socket } of chats) {
      const c = await conversation(admin, conversationId);
      expect(c.assigneeId).not.toBeNull();
      // Exactly one agent joined, and the visitor saw it once.
      const joined = (await app.sql.all<{ body: string }>(
        "SELECT body FROM messages WHERE conversation_id = ? AND body LIKE '% joined the chat'",
        [conversationId],
      )) as { body: string }[];
      expect(joined).toHaveLength(1);
      await socket.waitFor((f) => f.type === 'message.created' && /joined the chat/.test(JSON.stringify(f)));
    }
    const activity = (
      await call(app, admin, 'GET', `/api/conversations/${chats[0]!.conversationId}/activities`)
    )
      .json<{ activities: { text: string; actor: unknown }[] }>()
      .activities.find((a) => /automatically/.test(a.text));
    expect(activity).toMatchObject({
      actor: null,
      text: expect.stringMatching(/^Sales assigned this conversation to/),
    });
    expect(sockets).toHaveLength(3);
  });

  it('gives out a chat only once the visitor wrote in it, not when they merely opened the widget', async () => {
    const { admin, ann } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann], { autoAssign: true, maxOpenChats: 5 });
    await routeSiteTo(admin, sales.id);
    await available(ann);
    const { socket } = await connectedVisitor(app);
    const id = await startChat(socket); // the Live Chat card runs on open: the chat is in Sales' queue
    await waitForMessage(socket, 'Connecting you to the team');
    await app.domain.routing.idle();
    expect(await conversation(admin, id)).toMatchObject({ teamId: sales.id, assigneeId: null });
    expect(await openCounts([ann])).toEqual([0]);

    await say(socket, 'Hello, anyone?');
    await app.domain.routing.idle();
    await expect.poll(async () => (await conversation(admin, id)).assigneeId).toBe(ann.id);
    await waitForMessage(socket, 'Ann joined the chat');
  });

  it('never gives an agent more than the maximum; the rest wait and are assigned as places free up', async () => {
    const { admin, ann, ben, cara } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann, ben], { autoAssign: true, maxOpenChats: 3 });
    await routeSiteTo(admin, sales.id);
    await Promise.all([ann, ben].map(available));
    await Promise.all(Array.from({ length: 20 }, (_, i) => visitorChat(app, `Hi ${i}`)));
    await app.domain.routing.idle();
    expect(await openCounts([ann, ben])).toEqual([3, 3]);
    expect(await listIds(app, ann.cookie, '?folder=teams')).toHaveLength(14);
    expect(await counts(ann.cookie)).toMatchObject({ teams: 14, mine: 3 });

    // Ann closes one: the oldest waiting chat is hers at once.
    const annChats = await listIds(app, ann.cookie, '?folder=mine');
    const oldestWaiting = (await listIds(app, admin, '?folder=teams')).length; // admin is in no team: 0
    expect(oldestWaiting).toBe(0);
    const waitingBefore = new Set(await listIds(app, ann.cookie, '?folder=teams'));
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${annChats[0]}/close`)).statusCode).toBe(
      200,
    );
    await app.domain.routing.idle();
    await expect.poll(() => openCounts([ann, ben])).toEqual([3, 3]);
    // Exactly one waiting chat was taken: the one queued first.
    const waited = await Promise.all(
      [...waitingBefore].map(async (id) => {
        const c = (await call(app, admin, 'GET', `/api/conversations/${id}`)).json<{
          conversation: { id: string; number: number; queuedAt: number; assigneeId: string | null };
        }>().conversation;
        return c;
      }),
    );
    waited.sort((x, y) => x.queuedAt - y.queuedAt || x.number - y.number);
    expect(waited.filter((c) => c.assigneeId !== null).map((c) => c.id)).toEqual([waited[0]!.id]);

    // A higher maximum: the queue is worked again at once.
    const raised = await call(app, admin, 'PATCH', `/api/teams/${sales.id}`, { maxOpenChats: 5 });
    expect(raised.statusCode, raised.body).toBe(200);
    await app.domain.routing.idle();
    expect(await openCounts([ann, ben])).toEqual([5, 5]);

    // A new member who becomes available takes their share.
    await call(app, admin, 'PATCH', `/api/teams/${sales.id}`, { memberIds: [ann.id, ben.id, cara.id] });
    await available(cara);
    await app.domain.routing.idle();
    await expect.poll(() => openCounts([ann, ben, cara])).toEqual([5, 5, 5]);
  });

  it('leaves a manual team to "Assign to me", and an unavailable team waiting', async () => {
    const { admin, ann } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann]); // automatic assignment off
    await routeSiteTo(admin, sales.id);
    await available(ann);
    const { conversationId: id } = await visitorChat(app);
    await app.domain.routing.idle();
    expect((await conversation(admin, id)).assigneeId).toBeNull();

    // Turned on while Ann is away: it waits; she switches to available and gets it.
    expect((await setAvailable(app, ann.cookie, false)).statusCode).toBe(200);
    await call(app, admin, 'PATCH', `/api/teams/${sales.id}`, { autoAssign: true });
    await app.domain.routing.idle();
    expect((await conversation(admin, id)).assigneeId).toBeNull();
    expect((await setAvailable(app, ann.cookie, true)).statusCode).toBe(200);
    await expect.poll(async () => (await conversation(admin, id)).assigneeId).toBe(ann.id);
  });

  it('returns a deactivated member’s chats to the team queue and takes them out of the team', async () => {
    const { admin, ann, ben } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann, ben], { autoAssign: true, maxOpenChats: 5 });
    await routeSiteTo(admin, sales.id);
    await available(ann);
    const { conversationId: id } = await visitorChat(app);
    await expect.poll(async () => (await conversation(admin, id)).assigneeId).toBe(ann.id);
    await available(ben);
    expect((await updateAgent(app, admin, ann.id, { active: false })).statusCode).toBe(200);
    // Back in Sales' queue, then automatic assignment gives it to Ben.
    await expect.poll(async () => (await conversation(admin, id)).assigneeId).toBe(ben.id);
    expect((await conversation(admin, id)).teamId).toBe(sales.id);
    const teams = TeamListBodySchema.parse((await call(app, admin, 'GET', '/api/teams')).json()).teams;
    expect(teams.map((t) => t.memberIds)).toEqual([[ben.id]]);
  });
});

describe('returning contacts', () => {
  it("gives a returning contact's new chat to the agent who had their last one, when that agent can take it", async () => {
    const { admin, ann, ben } = await setup();
    const sales = await createTeam(admin, 'Sales', [ann, ben], { returningContacts: true });
    await routeSiteTo(admin, sales.id);
    await Promise.all([ann, ben].map(available));
    const first = await visitorChat(app, 'First visit');
    expect(
      (await call(app, ben.cookie, 'POST', `/api/conversations/${first.conversationId}/assign`)).statusCode,
    ).toBe(200);
    expect(
      (await call(app, ben.cookie, 'POST', `/api/conversations/${first.conversationId}/close`)).statusCode,
    ).toBe(200);

    // The same visitor comes back: Ben has it at once, though the team assigns manually.
    const again = cid('v');
    first.socket.send({ type: 'message.send', id: again, body: 'Back again' });
    const ack = await first.socket.waitFor((f) => f.type === 'ack' && f.id === again);
    const second = (ack.message as { conversationId: string }).conversationId;
    expect(second).not.toBe(first.conversationId);
    await app.domain.routing.idle();
    await expect.poll(async () => (await conversation(admin, second)).assigneeId).toBe(ben.id);

    // When Ben is away, the next one takes the normal route (here: the queue, for "Assign to me").
    expect((await call(app, ben.cookie, 'POST', `/api/conversations/${second}/close`)).statusCode).toBe(200);
    expect((await setAvailable(app, ben.cookie, false)).statusCode).toBe(200);
    const third = cid('v');
    first.socket.send({ type: 'message.send', id: third, body: 'Third time' });
    const thirdId = (
      (await first.socket.waitFor((f) => f.type === 'ack' && f.id === third)).message as {
        conversationId: string;
      }
    ).conversationId;
    await app.domain.routing.idle();
    expect(await conversation(admin, thirdId)).toMatchObject({ assigneeId: null, teamId: sales.id });
  });
});
