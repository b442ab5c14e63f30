// Privacy for data subjects: an admin exports everything stored about a contact (JSON, files' bytes inline), then
// deletes the contact; nothing of them is left in any table or in the blob store, and the audit log records the
// deletion with the contact's id and counts only.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditListBodySchema, ContactExportSchema, UploadResponseSchema } from '@livechat/shared/api';
import { pdf } from '../src/domain/media/fixtures/bytes.js';
import { cid, closeTestSockets, makeApp } from './helper.js';
import { call, inbox } from './inbox-helper.js';
import { webContact } from './contact-crm-helper.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

/** Every table of the database, whatever the engine. */
async function tables(a: FastifyInstance): Promise<string[]> {
  const rows =
    a.sql.engine === 'sqlite'
      ? await a.sql.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await a.sql.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        );
  return rows.map((r) => r.name).sort();
}

/** `table: id` for every row of every table that names one of the ids in any column (bytes included). */
async function referencesTo(a: FastifyInstance, ids: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const table of await tables(a)) {
    for (const row of await a.sql.all<Record<string, unknown>>(`SELECT * FROM "${table}"`)) {
      const text = Object.values(row)
        .map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)))
        .join('\u0000');
      for (const id of ids) if (text.includes(id)) found.add(`${table}: ${id}`);
    }
  }
  return [...found].sort();
}

/** Vera wrote, the admin answered with a PDF, added CRM data and a note: everything an export must carry. */
async function fullContact(a: FastifyInstance, admin: string) {
  const vera = await webContact(a, 'Please send the quote');
  const url = `/api/contacts/${vera.contactId}`;
  await call(a, admin, 'PUT', `${url}/details`, { name: 'Vera Novak', email: 'vera@example.com', phone: '' });
  await call(a, admin, 'PUT', `${url}/attributes`, { attributes: [{ key: 'Plan', value: 'Pro' }] });
  await call(a, admin, 'PUT', `${url}/tags`, { tags: ['vip'] });
  const note = (await call(a, admin, 'POST', `${url}/notes`, { body: 'Renewal in March' })).json<{
    note: { id: string };
  }>().note;
  const bytes = Buffer.from(pdf());
  const upload = await a.inject({
    method: 'POST',
    url: `/api/conversations/${vera.conversationId}/files?name=quote.pdf&upload=${cid('up')}`,
    headers: { cookie: admin, origin: 'http://localhost:8787', 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const file = UploadResponseSchema.parse(upload.json()).file;
  const sent = await call(a, admin, 'POST', `/api/conversations/${vera.conversationId}/messages`, {
    clientId: cid('r'),
    body: 'Here is the quote',
    attachments: [file.id],
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return { ...vera, noteId: note.id, fileId: file.id, bytes };
}

describe('exporting a contact', () => {
  it('gives admins every message, note and file (bytes inline) as a JSON download; agents are refused', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const vera = await fullContact(app, admin);
    await call(app, admin, 'PUT', `/api/conversations/${vera.conversationId}/assignee`, {
      assigneeId: ann.id,
    });

    const res = await call(app, admin, 'GET', `/api/contacts/${vera.contactId}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="contact-${vera.contactId}.json"`);
    const data = ContactExportSchema.parse(res.json());
    expect(data.contact).toMatchObject({ id: vera.contactId, name: 'Vera Novak', email: 'vera@example.com' });
    expect(data.attributes).toEqual([{ key: 'Plan', value: 'Pro' }]);
    expect(data.tags).toEqual(['vip']);
    expect(data.notes.map((n) => n.body)).toEqual(['Renewal in March']);
    expect(data.conversations).toHaveLength(1);
    const [conversation] = data.conversations;
    // Every message in seq order, the system's too ("Ann joined").
    expect(conversation!.messages.map((m) => m.seq)).toEqual(conversation!.messages.map((_, i) => i + 1));
    expect(conversation!.messages.filter((m) => m.author.kind !== 'system').map((m) => m.body)).toEqual([
      'Please send the quote',
      'Here is the quote',
    ]);
    expect(conversation!.activities.map((a) => a.kind)).toContain('assigned');
    expect(data.files).toMatchObject([{ id: vera.fileId, name: 'quote.pdf', messageId: expect.any(String) }]);
    expect(Buffer.from(data.files[0]!.base64!, 'base64').equals(vera.bytes)).toBe(true);

    const asAnn = await call(app, ann.cookie, 'GET', `/api/contacts/${vera.contactId}/export`);
    expect(asAnn.statusCode).toBe(403);
    expect(asAnn.json()).toEqual({
      error: { code: 'forbidden', message: 'Only admins can export a contact.' },
    });
    expect((await call(app, admin, 'GET', `/api/contacts/${randomUUID()}/export`)).statusCode).toBe(404);
  });
});

describe('a contact export and delete', () => {
  it('leaves nothing behind: no row names them, the blob store holds none of their bytes; the audit log has the deletion', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const vera = await fullContact(app, admin);
    const other = await fullContact(app, admin);
    const exported = ContactExportSchema.parse(
      (await call(app, admin, 'GET', `/api/contacts/${vera.contactId}/export`)).json(),
    );
    const gone = [
      vera.contactId,
      vera.noteId,
      ...exported.conversations.flatMap((c) => [c.conversation.id, ...c.messages.map((m) => m.id)]),
      ...exported.files.map((f) => f.id),
    ];
    expect(gone).toContain(vera.fileId);
    expect(await referencesTo(app, gone)).toContain(`file_blobs: ${vera.fileId}`);
    expect(await referencesTo(app, gone)).toContain(`contact_notes: ${vera.noteId}`);

    expect((await call(app, admin, 'DELETE', `/api/contacts/${vera.contactId}`)).statusCode).toBe(204);

    // The audit entry names the contact by id only (no name, no email): the one row allowed to.
    expect(await referencesTo(app, gone)).toEqual([`contact_audit: ${vera.contactId}`]);
    const audit = await app.sql.all<Record<string, unknown>>('SELECT * FROM contact_audit');
    expect(JSON.stringify(audit)).not.toMatch(/Vera|vera@example\.com/);
    expect(await app.sql.value('SELECT COUNT(*) FROM file_blobs WHERE key = ?', [vera.fileId])).toBe(0);
    // Someone else's contact is untouched (the scan finds what exists).
    expect(await referencesTo(app, [other.contactId, other.fileId, other.noteId])).toEqual(
      expect.arrayContaining([`file_blobs: ${other.fileId}`, `contact_notes: ${other.noteId}`]),
    );

    const log = await call(app, admin, 'GET', '/api/audit');
    expect(log.statusCode).toBe(200);
    expect(AuditListBodySchema.parse(log.json()).entries).toMatchObject([
      {
        action: 'contact_deleted',
        actor: { name: 'Admin' },
        contactId: vera.contactId,
        conversations: 1,
        messages: 2,
        files: 1,
      },
    ]);
    expect((await call(app, ann.cookie, 'GET', '/api/audit')).statusCode).toBe(403);
  });
});
