// Erasure (GDPR): an admin deletes a conversation, or a contact with all of theirs. Every table is scanned afterwards
// for rows that still name what was deleted; what belongs to others stays. Agents who could see it are told, the
// visitor's widget is closed, and the files' bytes go after COMMIT.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { createDomain, seed } from '../src/domain/index.js';
import type { Store, StoredFile } from '../src/domain/store.js';
import type { BlobStore } from '../src/domain/media/blob-store.js';
import {
  cid,
  closeTestSockets,
  connectedAgent,
  connectedVisitor,
  demoSite,
  makeApp,
  visitorSocket,
} from './helper.js';
import { call, EMPTY_DETAILS, inbox, visitorChat } from './inbox-helper.js';
import { openTestStore } from './test-store.js';

const DASHBOARD = 'http://localhost:8787';

let app: FastifyInstance | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

/** Every table of the database, whatever the engine. */
async function tables(app: FastifyInstance): Promise<string[]> {
  const { sql } = app;
  const rows =
    sql.engine === 'sqlite'
      ? await sql.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await sql.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        );
  return rows.map((r) => r.name).sort();
}

/** `table: id` for every row of every table that names one of the ids in any column (JSON bodies included). */
async function referencesTo(app: FastifyInstance, ids: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  // The audit log keeps a deleted contact's id (and counts only): contact-export.test.ts checks it.
  for (const table of (await tables(app)).filter((t) => t !== 'contact_audit')) {
    for (const row of await app.sql.all<Record<string, unknown>>(`SELECT * FROM "${table}"`)) {
      const text = Object.values(row)
        .map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)))
        .join('\u0000');
      for (const id of ids) if (text.includes(id)) found.add(`${table}: ${id}`);
    }
  }
  return [...found].sort();
}

const tablesIn = (references: string[]) => [...new Set(references.map((r) => r.split(':')[0]))].sort();

function file(over: Partial<StoredFile> & Pick<StoredFile, 'siteId' | 'uploader'>): StoredFile {
  return {
    id: randomUUID(),
    uploadId: cid('up'),
    conversationId: null,
    messageId: null,
    name: 'photo.png',
    mime: 'image/png',
    kind: 'image',
    size: 10,
    voice: false,
    createdAt: Date.now(),
    ...over,
  };
}

async function messageIds(app: FastifyInstance, cookie: string, conversationId: string) {
  const res = await call(app, cookie, 'GET', `/api/conversations/${conversationId}/messages`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ messages: { id: string }[] }>().messages.map((m) => m.id);
}

/**
 * A conversation with something in every table that can point at it: messages (one of them a text, with an early
 * delivery report), a note, tags, details, a lead (and its webhook delivery), answers, the playbook's run, a sent
 * file and an unsent agent upload, then closed (another webhook delivery). Resolves with every id that names it.
 */
async function fullConversation(app: FastifyInstance, admin: string, store: Store, conversationId: string) {
  const site = await demoSite(app);
  const reply = await call(app, admin, 'POST', `/api/conversations/${conversationId}/messages`, {
    clientId: cid('r'),
    body: 'How can I help?',
  });
  expect(reply.statusCode, reply.body).toBe(201);
  const messages = await messageIds(app, admin, conversationId);
  expect(
    (await call(app, admin, 'POST', `/api/conversations/${conversationId}/notes`, { body: 'VIP' }))
      .statusCode,
  ).toBe(201);
  expect(
    (await call(app, admin, 'PUT', `/api/conversations/${conversationId}/tags`, { tags: ['vip'] }))
      .statusCode,
  ).toBe(200);
  const details = {
    ...EMPTY_DETAILS,
    contactName: 'Vera Visitor',
    email: 'vera@example.com',
    organizationName: 'Acme',
  };
  expect(
    (await call(app, admin, 'PUT', `/api/conversations/${conversationId}/details`, { details })).statusCode,
  ).toBe(200);
  const lead = await call(app, admin, 'POST', `/api/conversations/${conversationId}/records`, {
    kind: 'lead',
    details,
  });
  expect(lead.statusCode, lead.body).toBe(201);

  await store.answers.save(conversationId, {
    stepId: 'email',
    question: 'Your email?',
    field: 'contact.email',
    value: 'vera@example.com',
    answeredAt: Date.now(),
  });
  const playbook = (await store.playbooks.latest(site.id))!;
  await store.playbookRuns.save(
    {
      conversationId,
      siteId: site.id,
      version: playbook.version,
      branch: 'main',
      position: 0,
      phase: 'human',
      deadline: null,
    },
    Date.now(),
  );
  const providerId = `SM${randomUUID().replaceAll('-', '')}`;
  await store.sms.insertInbound({
    messageId: messages[0]!,
    conversationId,
    siteId: site.id,
    from: '+14155550123',
    to: '+12025550100',
    body: 'Hello there',
    createdAt: Date.now(),
    providerId,
  });
  await store.sms.keepEarlyReport(providerId, 'delivered', null, Date.now());
  const agentId = (await store.agents.byEmail('admin@example.com'))!.id;
  const sent = file({ siteId: site.id, uploader: { kind: 'agent', id: agentId }, conversationId });
  const unsent = file({ siteId: site.id, uploader: { kind: 'agent', id: agentId }, conversationId });
  await store.files.insert(sent);
  await store.files.insert(unsent);
  expect(await store.files.attach([sent.id], conversationId, messages[1]!)).toBe(1);

  expect((await call(app, admin, 'POST', `/api/conversations/${conversationId}/close`)).statusCode).toBe(200);
  return {
    ids: [conversationId, ...messages, sent.id, unsent.id, providerId],
    fileIds: [sent.id, unsent.id],
  };
}

/** A webhook subscribed to every event, so leads and closings leave deliveries that name the conversation. */
async function subscribe(store: Store) {
  await store.webhooks.insert(
    {
      id: randomUUID(),
      url: 'http://127.0.0.1:9/hook',
      events: ['lead.created', 'deal.created', 'conversation.closed'],
      active: true,
      createdAt: Date.now(),
    },
    'secret',
  );
}

/** Every table that keeps something of a conversation: erasure must reach each of them. */
const CONVERSATION_TABLES = [
  'activities',
  'answers',
  'conversation_details',
  'conversations',
  'crm_records',
  'files',
  'messages',
  'playbook_runs',
  'sms_early_reports',
  'sms_messages',
  'webhook_deliveries',
];

describe('deleting a conversation', () => {
  it('deletes every row of it in every table, and nothing of anyone else', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const store = app.store;
    await subscribe(store);
    const site = await demoSite(app);
    const vera = await visitorChat(app, 'Hello there');
    const gone = await fullConversation(app, admin, store, vera.conversationId);
    // Vera's next conversation, her unsent upload, and another visitor's conversation stay.
    const later = await visitorChat(app, 'Another question');
    const veraId = (await store.conversations.byId(vera.conversationId))!.visitorId;
    const veraUpload = file({ siteId: site.id, uploader: { kind: 'visitor', id: veraId } });
    await store.files.insert(veraUpload);
    const other = await visitorChat(app, 'Someone else');
    const kept = await fullConversation(app, admin, store, other.conversationId);

    const before = await referencesTo(app, gone.ids);
    expect(tablesIn(before)).toEqual(CONVERSATION_TABLES);

    const res = await call(app, admin, 'DELETE', `/api/conversations/${vera.conversationId}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');

    expect(await referencesTo(app, gone.ids)).toEqual([]);
    // The scan finds what was kept, so finding nothing above means something.
    expect(tablesIn(await referencesTo(app, kept.ids))).toEqual(CONVERSATION_TABLES);
    expect(await store.conversations.byId(later.conversationId)).not.toBeNull();
    expect(await store.visitors.byId(veraId)).not.toBeNull();
    expect(await store.files.byId(veraUpload.id)).not.toBeNull();
    expect((await call(app, admin, 'GET', `/api/conversations/${vera.conversationId}`)).statusCode).toBe(404);
    const records = await call(app, admin, 'GET', '/api/records');
    expect(
      records.json<{ records: { conversationId: string }[] }>().records.map((r) => r.conversationId),
    ).toEqual([other.conversationId]);
  });

  it('takes it out of the lists of agents who could see it, and closes its visitor’s widget', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const vera = await visitorChat(app, 'Hello there');
    expect(
      (
        await call(app, admin, 'PUT', `/api/conversations/${vera.conversationId}/assignee`, {
          assigneeId: ann.id,
        })
      ).statusCode,
    ).toBe(200);
    const adminSocket = await connectedAgent(app, admin);
    const annSocket = await connectedAgent(app, ann.cookie);
    const benSocket = await connectedAgent(app, ben.cookie);
    const other = await visitorChat(app, 'Someone else');

    expect((await call(app, admin, 'DELETE', `/api/conversations/${vera.conversationId}`)).statusCode).toBe(
      204,
    );
    const removed = (f: { type: string; conversationId?: unknown; reason?: unknown }) =>
      f.type === 'conversation.removed' && f.conversationId === vera.conversationId && f.reason === 'deleted';
    await adminSocket.waitFor(removed);
    await annSocket.waitFor(removed);
    expect(await vera.socket.waitForClose()).toBe(CloseCode.ConversationDeleted);
    expect(other.socket.closeCode).toBeNull();
    // Ben could not see Ann's chat: he hears nothing of it. An event after it proves his socket is live.
    await call(app, admin, 'POST', `/api/conversations/${other.conversationId}/notes`, { body: 'Later' });
    await benSocket.waitFor((f) => f.type === 'activity.created');
    expect(benSocket.frames.filter((f) => f.type === 'conversation.removed')).toEqual([]);

    // The widget comes back without it: its resume position is refused, its other history replays.
    const again = await connectedVisitor(app, {
      token: vera.token,
      resume: { conversationId: vera.conversationId, afterSeq: 1 },
    });
    expect(again.welcome.conversationId).toBeNull();
    expect(again.welcome.history).toEqual([]);
  });
});

describe('deleting a contact', () => {
  it('deletes them with every conversation of theirs, on every channel, and their files', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const store = app.store;
    await subscribe(store);
    const site = await demoSite(app);
    const vera = await visitorChat(app, 'Hello there');
    const veraId = (await store.conversations.byId(vera.conversationId))!.visitorId;
    await store.visitors.setContactField(veraId, 'email', 'vera@example.com');
    const first = await fullConversation(app, admin, store, vera.conversationId);
    // Writing again after the close opens her second conversation; a text thread is her third.
    const id = cid('v');
    vera.socket.send({ type: 'message.send', id, body: 'Me again' });
    const ack = await vera.socket.waitFor((f) => f.type === 'ack' && f.id === id);
    const second = (ack.message as { conversationId: string }).conversationId;
    const texts = randomUUID();
    await store.conversations.create({
      id: texts,
      siteId: site.id,
      visitorId: veraId,
      now: Date.now(),
      channel: 'sms',
    });
    const unsent = file({ siteId: site.id, uploader: { kind: 'visitor', id: veraId } });
    const mms = file({ siteId: site.id, uploader: { kind: 'provider', id: veraId }, conversationId: texts });
    await store.files.insert(unsent);
    await store.files.insert(mms);
    const other = await visitorChat(app, 'Someone else');
    const kept = await fullConversation(app, admin, store, other.conversationId);
    const gone = [
      veraId,
      ...first.ids,
      second,
      ...(await messageIds(app, admin, second)),
      texts,
      unsent.id,
      mms.id,
    ];
    expect(tablesIn(await referencesTo(app, gone))).toEqual([...CONVERSATION_TABLES, 'visitors'].sort());

    const res = await call(app, admin, 'DELETE', `/api/contacts/${veraId}`);
    expect(res.statusCode, res.body).toBe(204);

    expect(await referencesTo(app, gone)).toEqual([]);
    expect(tablesIn(await referencesTo(app, kept.ids))).toEqual(CONVERSATION_TABLES);
    expect((await call(app, admin, 'GET', `/api/contacts/${veraId}`)).statusCode).toBe(404);
    // Her widget is signed out: its token is unknown now, so it starts over as a new visitor.
    expect(await vera.socket.waitForClose()).toBe(CloseCode.Unauthorized);
    expect(other.socket.closeCode).toBeNull();
    const back = await visitorSocket(app);
    back.send({ type: 'hello', v: PROTOCOL_VERSION, token: vera.token });
    expect(await back.waitForClose()).toBe(CloseCode.Unauthorized);
  });

  it('deletes a contact who has no conversation yet', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const { socket, welcome } = await connectedVisitor(app);
    const res = await call(app, admin, 'DELETE', `/api/contacts/${welcome.visitorId}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await socket.waitForClose()).toBe(CloseCode.Unauthorized);
    expect(await referencesTo(app, [welcome.visitorId])).toEqual([]);
  });
});

describe('who may delete', () => {
  it('refuses agents in words, unknown ids as not found, and foreign origins; nothing is deleted', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const vera = await visitorChat(app, 'Hello there');
    const veraId = (await app.store.conversations.byId(vera.conversationId))!.visitorId;
    // Even the agent whose chat it is may not delete it.
    expect(
      (
        await call(app, admin, 'PUT', `/api/conversations/${vera.conversationId}/assignee`, {
          assigneeId: ann.id,
        })
      ).statusCode,
    ).toBe(200);

    const asAnn = await call(app, ann.cookie, 'DELETE', `/api/conversations/${vera.conversationId}`);
    expect(asAnn.statusCode).toBe(403);
    expect(asAnn.json()).toEqual({
      error: { code: 'forbidden', message: 'Only admins can delete conversations.' },
    });
    const contactAsAnn = await call(app, ann.cookie, 'DELETE', `/api/contacts/${veraId}`);
    expect(contactAsAnn.statusCode).toBe(403);
    expect(contactAsAnn.json()).toEqual({
      error: { code: 'forbidden', message: 'Only admins can delete contacts.' },
    });

    for (const url of [`/api/conversations/${vera.conversationId}`, `/api/contacts/${veraId}`]) {
      const foreign = await app.inject({
        method: 'DELETE',
        url,
        headers: { cookie: admin, origin: 'http://localhost:8081' },
      });
      expect(foreign.statusCode, url).toBe(403);
      expect(foreign.json<{ error: { code: string } }>().error.code).toBe('origin_not_allowed');
      const signedOut = await app.inject({ method: 'DELETE', url, headers: { origin: DASHBOARD } });
      expect(signedOut.statusCode, url).toBe(401);
    }

    const unknown = randomUUID();
    const noConversation = await call(app, admin, 'DELETE', `/api/conversations/${unknown}`);
    expect(noConversation.statusCode).toBe(404);
    expect(noConversation.json<{ error: { code: string } }>().error.code).toBe('not_found');
    expect((await call(app, admin, 'DELETE', `/api/contacts/${unknown}`)).statusCode).toBe(404);

    expect(await app.store.conversations.byId(vera.conversationId)).not.toBeNull();
    expect(await app.store.visitors.byId(veraId)).not.toBeNull();
    expect(vera.socket.closeCode).toBeNull();
  });
});

describe("the files' bytes", () => {
  /** A store with its first admin, a site, and a contact; `blobs` records what is deleted and how things stood. */
  async function setup(blobs: Partial<BlobStore> = {}) {
    const { store } = await openTestStore();
    const deleted: { id: string; inTransaction: boolean; rowLeft: boolean }[] = [];
    const onError = vi.fn();
    const domain = createDomain(store, {
      onError,
      blobs: {
        put: () => Promise.resolve(),
        get: () => Promise.resolve(null),
        delete: async (id) => {
          deleted.push({
            id,
            inTransaction: store.inTransaction(),
            rowLeft: (await store.files.byId(id)) !== null,
          });
        },
        ...blobs,
      },
    });
    await seed(store, {
      adminEmail: 'admin@example.com',
      adminPassword: 'admin-password',
      demoOrigins: [],
      now: Date.now(),
    });
    const site = (await store.sites.all())[0]!;
    const { passwordHash: _, ...admin } = (await store.agents.all())[0]!;
    const contact = async () => {
      const visitor = { id: randomUUID(), siteId: site.id, name: 'Vera', createdAt: Date.now() };
      await store.visitors.insert(visitor, randomUUID());
      return visitor;
    };
    return { store, domain, site, admin, contact, deleted, onError };
  }

  it('are deleted after COMMIT, exactly those of the deleted files', async () => {
    const { store, domain, site, admin, contact, deleted } = await setup();
    try {
      const vera = await contact();
      const conversationId = randomUUID();
      await store.conversations.create({
        id: conversationId,
        siteId: site.id,
        visitorId: vera.id,
        now: Date.now(),
      });
      const inConversation = file({
        siteId: site.id,
        uploader: { kind: 'agent', id: admin.id },
        conversationId,
      });
      const unsent = file({ siteId: site.id, uploader: { kind: 'visitor', id: vera.id } });
      const someoneElses = file({ siteId: site.id, uploader: { kind: 'visitor', id: (await contact()).id } });
      for (const f of [inConversation, unsent, someoneElses]) await store.files.insert(f);

      await domain.erasure.deleteConversation(admin, conversationId);
      expect(deleted).toEqual([{ id: inConversation.id, inTransaction: false, rowLeft: false }]);
      await domain.erasure.deleteContact(admin, vera.id);
      expect(deleted.slice(1)).toEqual([{ id: unsent.id, inTransaction: false, rowLeft: false }]);
      expect(await store.files.byId(someoneElses.id)).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it('that fail to go are reported; the deletion stands', async () => {
    const failure = new Error('disk gone');
    const { store, domain, site, admin, contact, onError } = await setup({
      delete: () => Promise.reject(failure),
    });
    try {
      const vera = await contact();
      await store.files.insert(file({ siteId: site.id, uploader: { kind: 'visitor', id: vera.id } }));
      await domain.erasure.deleteContact(admin, vera.id);
      expect(onError).toHaveBeenCalledWith(failure);
      expect(await store.visitors.byId(vera.id)).toBeNull();
    } finally {
      await store.close();
    }
  });
});
