// Moving up: a SQLite database in use (chats, notes, tags, a lead, a webhook and its delivery) copied into an empty
// PostgreSQL database, which a server then serves exactly as the SQLite one did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  ConversationListBodySchema,
  MessageListBodySchema,
  UploadResponseSchema,
} from '@livechat/shared/api';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import { createDiskBlobs } from '../src/store/blobs/disk-blobs.js';
import { png } from '../src/domain/media/fixtures/bytes.js';
import { CopyError, copyToPostgres, TABLES } from '../src/store/copy/copy-to-postgres.js';
import { migratePostgres, migrateSqlite, openPostgres, openSqlite } from '../src/store/index.js';
import { closeTestSockets, makeApp, SITE_ORIGIN } from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';
import { freshSchema, testDatabaseUrl } from './engine.js';

let apps: FastifyInstance[] = [];
afterEach(async () => {
  closeTestSockets();
  for (const app of apps) await app.close();
  apps = [];
});

/** What an admin sees of the inbox: every conversation with its messages, activities and records. */
async function everything(app: FastifyInstance, admin: string) {
  const list = ConversationListBodySchema.parse(
    (await call(app, admin, 'GET', '/api/conversations?folder=all')).json(),
  ).conversations;
  return Promise.all(
    list.map(async (c) => ({
      conversation: c,
      // File URLs are signed at each read (they expire): compared by their file.
      messages: MessageListBodySchema.parse(
        (await call(app, admin, 'GET', `/api/conversations/${c.id}/messages`)).json(),
      ).messages.map((m) => ({
        ...m,
        attachments: m.attachments?.map((a) => ({ ...a, url: a.url.split('?')[0] })),
      })),
      activities: (await call(app, admin, 'GET', `/api/conversations/${c.id}/activities`)).json(),
      records: (await call(app, admin, 'GET', `/api/conversations/${c.id}/records`)).json(),
    })),
  );
}

describe('copy-to-postgres', () => {
  it(
    'copies every row of a SQLite database in use, and the server then shows the same inbox',
    { timeout: 30_000 },
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lc-copy-')), 'chat.sqlite');
      const filesDir = path.join(path.dirname(file), 'files');
      const sqliteApp = await makeApp({
        databasePath: file,
        databaseUrl: null,
        redisUrl: null,
        fileStore: { kind: 'disk', dir: filesDir },
      });
      apps.push(sqliteApp);
      const { admin, ann } = await inbox(sqliteApp);
      const first = await visitorChat(sqliteApp, 'Hello, I need a quote');
      const second = await visitorChat(sqliteApp, 'Ünïcode and emoji 👋');
      expect(
        (await call(sqliteApp, ann.cookie, 'POST', `/api/conversations/${first.conversationId}/assign`))
          .statusCode,
      ).toBe(200);
      await call(sqliteApp, admin, 'POST', `/api/conversations/${first.conversationId}/notes`, {
        body: 'Call back Monday',
      });
      await call(sqliteApp, admin, 'PUT', `/api/conversations/${second.conversationId}/tags`, {
        tags: ['pricing'],
      });
      await call(sqliteApp, admin, 'POST', `/api/webhooks`, {
        url: 'http://127.0.0.1:9/hook',
        events: ['conversation.closed'],
      });
      await call(sqliteApp, admin, 'POST', '/api/teams', { name: 'Sales', memberIds: [ann.id] });
      // The team's saved reply and Ann's own with the same shortcut.
      await call(sqliteApp, admin, 'POST', '/api/saved-replies', { shortcut: 'hi', body: 'Hello!' });
      await call(sqliteApp, ann.cookie, 'POST', '/api/saved-replies', {
        shortcut: 'hi',
        body: 'Ann.',
        personal: true,
      });
      await call(sqliteApp, admin, 'POST', `/api/conversations/${second.conversationId}/close`);
      // A text to a contact, waiting in the outbox (the account's API does not answer here).
      const site = (await sqliteApp.domain.sites.list())[0]!;
      await sqliteApp.store.sms.saveAccount(
        { accountSid: `AC${'0'.repeat(32)}`, authToken: 'token-1234', apiBaseUrl: 'http://127.0.0.1:9' },
        1,
      );
      await sqliteApp.store.sms.saveSettings(site.id, { number: '+12025550100' }, 1);
      const texted = await call(sqliteApp, admin, 'POST', '/api/conversations', {
        siteId: site.id,
        channel: 'sms',
        to: '+14155550123',
        clientId: 'copy-test-sms-1',
        body: 'Your quote is ready',
      });
      expect(texted.statusCode, texted.body).toBe(201);
      // A picture the visitor sent, its bytes on the disk.
      const picture = await sqliteApp.inject({
        method: 'POST',
        url: `/api/widget/files?siteKey=${DEMO_SITE_KEY}&name=shot.png&upload=copy-upload-1`,
        headers: { origin: SITE_ORIGIN, authorization: `Bearer ${first.token}` },
        payload: png(),
      });
      expect(picture.statusCode, picture.body).toBe(201);
      const fileId = UploadResponseSchema.parse(picture.json()).file.id;
      first.socket.send({
        type: 'message.send',
        id: 'copy-test-file-1',
        body: 'my screen',
        attachments: [fileId],
      });
      await first.socket.waitFor((f) => f.type === 'ack' && f.id === 'copy-test-file-1');
      expect(fs.existsSync(filesDir)).toBe(true);
      const before = await everything(sqliteApp, admin);
      await sqliteApp.close();
      apps = [];

      const source = openSqlite(file);
      migrateSqlite(source);
      const schema = await freshSchema();
      const target = openPostgres(testDatabaseUrl(), { schema });
      await migratePostgres(target);
      const disk = createDiskBlobs(filesDir);
      const counts = await copyToPostgres(source, target, { readDiskFile: (id) => disk.get(id) });
      expect(counts.map((c) => c.table)).toEqual([...TABLES]);
      for (const c of counts) expect(c.postgres, c.table).toBe(c.sqlite);
      const copied = Object.fromEntries(counts.map((c) => [c.table, c.postgres]));
      expect(copied).toMatchObject({
        conversations: 3,
        agents: 3,
        webhooks: 1,
        webhook_deliveries: 1,
        sms_account: 1,
        sms_settings: 1,
        sms_messages: 1,
        files: 1,
        file_blobs: 1,
        teams: 1,
        team_members: 1,
        saved_replies: 2,
      });
      expect(copied.messages).toBeGreaterThanOrEqual(3);
      expect(copied.activities).toBeGreaterThanOrEqual(3);

      // Copying again is refused: the target is in use now.
      await expect(copyToPostgres(source, target)).rejects.toBeInstanceOf(CopyError);
      await source.close();
      await target.close();

      const postgresApp = await makeApp(
        { databaseUrl: testDatabaseUrl(), databaseSchema: schema, redisUrl: null },
        { playbook: null },
      );
      apps.push(postgresApp);
      const adminThere = (
        await postgresApp.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'admin@example.com', password: 'admin-password' },
        })
      ).cookies.find((c) => c.name === 'lc_session')!;
      const after = await everything(postgresApp, `lc_session=${adminThere.value}`);
      expect(after).toEqual(before);
      // Ann's own reply is still hers alone.
      const annThere = (
        await postgresApp.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'ann@example.com', password: 'password-123' },
        })
      ).cookies.find((c) => c.name === 'lc_session')!;
      const replies = async (cookie: string) =>
        (await call(postgresApp, cookie, 'GET', '/api/saved-replies'))
          .json<{ replies: { body: string; personal: boolean }[] }>()
          .replies.map((r) => `${r.personal ? 'mine' : 'team'}: ${r.body}`);
      expect(await replies(`lc_session=${annThere.value}`)).toEqual(['team: Hello!', 'mine: Ann.']);
      expect(await replies(`lc_session=${adminThere.value}`)).toEqual(['team: Hello!']);
      // The picture's bytes moved from the disk into the database, and are served from there.
      const sent = after.flatMap((c) => c.messages).find((m) => m.attachments?.length)!;
      const fetched = await postgresApp.inject({
        url: (await postgresApp.store.messages.byId(sent.conversationId, sent.id))!.attachments![0]!.url,
        headers: { cookie: `lc_session=${adminThere.value}` },
      });
      expect(fetched.statusCode).toBe(200);
      expect(fetched.rawPayload.equals(png())).toBe(true);
      // New conversations continue the numbering.
      const next = await visitorChat(postgresApp, 'After the move');
      const list = ConversationListBodySchema.parse(
        (
          await call(postgresApp, `lc_session=${adminThere.value}`, 'GET', '/api/conversations?folder=all')
        ).json(),
      ).conversations;
      // Two web chats and the text came before it.
      expect(list.find((c) => c.id === next.conversationId)?.number).toBe(4);
    },
  );
});
