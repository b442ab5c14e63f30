// Contacts' CRM data (attributes, tags, notes), finding likely duplicates, merging two contacts, what deleting one
// deletes (the audit log), and the rows a contact's export lists. See migrations 017 (SQLite) / 008 (PostgreSQL).
import { attributeKeyNorm, type AuditEntry, type ContactNote } from '@livechat/shared/api';
import type { ContactIdentity, ContactProfileStore, ExportFileRow } from '../domain/contact-profiles.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface NoteRow {
  id: string;
  visitor_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: number;
}

const toNote = (r: NoteRow): ContactNote => ({
  id: r.id,
  contactId: r.visitor_id,
  author: { id: r.author_id, name: r.author_name },
  body: r.body,
  createdAt: Number(r.created_at),
});

interface AuditRow {
  id: string;
  action: AuditEntry['action'];
  actor_id: string;
  actor_name: string;
  contact_id: string;
  conversations: number;
  messages: number;
  files: number;
  created_at: number;
}

const toAudit = (r: AuditRow): AuditEntry => ({
  id: r.id,
  action: r.action,
  actor: { id: r.actor_id, name: r.actor_name },
  contactId: r.contact_id,
  conversations: Number(r.conversations),
  messages: Number(r.messages),
  files: Number(r.files),
  createdAt: Number(r.created_at),
});

/** The phone as digits, in SQL: the separators people type removed. */
const PHONE_DIGITS = `replace(replace(replace(replace(replace(replace(v.phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '')`;

/** Conversations of a contact, as a subquery; `@id` is the contact. */
const THEIR_CONVERSATIONS = 'SELECT id FROM conversations WHERE visitor_id = @id';

interface MergedRow {
  token_hash: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  organization: string | null;
  sms_address: string | null;
  sms_opted_out_at: number | null;
  last_seen_at: number;
  external_user_id: string | null;
}

export function createContactProfileStore(sql: Sql): ContactProfileStore {
  const write = writer(sql);
  const lock = sql.engine === 'postgres' ? ' FOR UPDATE' : '';

  return {
    attributes: (visitorId) =>
      sql.all<{ key: string; value: string }>(
        'SELECT key, value FROM contact_attributes WHERE visitor_id = ? ORDER BY position, key_norm',
        [visitorId],
      ),
    async setAttributes(visitorId, attributes) {
      await sql.run('DELETE FROM contact_attributes WHERE visitor_id = ?', [visitorId]);
      let position = 0;
      for (const a of attributes)
        await sql.run(
          'INSERT INTO contact_attributes (visitor_id, key, key_norm, value, position) VALUES (?, ?, ?, ?, ?)',
          [visitorId, a.key, attributeKeyNorm(a.key), a.value, position++],
        );
    },
    tags: async (visitorId) =>
      (
        await sql.all<{ tag: string }>('SELECT tag FROM contact_tags WHERE visitor_id = ? ORDER BY tag', [
          visitorId,
        ])
      ).map((r) => r.tag),
    async setTags(visitorId, tags) {
      await sql.run('DELETE FROM contact_tags WHERE visitor_id = ?', [visitorId]);
      for (const tag of tags)
        await sql.run('INSERT INTO contact_tags (visitor_id, tag) VALUES (?, ?)', [visitorId, tag]);
    },
    notes: async (visitorId) =>
      (
        await sql.all<NoteRow>('SELECT * FROM contact_notes WHERE visitor_id = ? ORDER BY created_at, id', [
          visitorId,
        ])
      ).map(toNote),
    async note(id) {
      const row = await sql.get<NoteRow>('SELECT * FROM contact_notes WHERE id = ?', [id]);
      return row ? toNote(row) : null;
    },
    insertNote: (n) =>
      write(
        'INSERT INTO contact_notes (id, visitor_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [n.id, n.contactId, n.author.id, n.author.name, n.body, n.createdAt],
      ),
    removeNote: (id) => write('DELETE FROM contact_notes WHERE id = ?', [id]),

    idsWithEmail: async (siteId, email, exceptId) =>
      (
        await sql.all<{ id: string }>(
          'SELECT id FROM visitors WHERE site_id = ? AND id <> ? AND lower(email) = lower(?) ORDER BY id',
          [siteId, exceptId, email],
        )
      ).map((r) => r.id),
    idsWithSmsAddress: async (siteId, address, exceptId) =>
      (
        await sql.all<{ id: string }>(
          'SELECT id FROM visitors WHERE site_id = ? AND id <> ? AND sms_address = ?',
          [siteId, exceptId, address],
        )
      ).map((r) => r.id),
    givenPhonesEndingWith: (siteId, digits, exceptId) =>
      sql.all<{ id: string; phone: string }>(
        `SELECT v.id, v.phone FROM visitors v WHERE v.site_id = ? AND v.id <> ? AND v.sms_address IS NULL
          AND v.phone IS NOT NULL AND ${PHONE_DIGITS} LIKE ? ORDER BY v.id`,
        // Digits only: nothing in them means anything to LIKE.
        [siteId, exceptId, `%${digits.replace(/\D/g, '')}`],
      ),

    conversationIds: async (visitorId) =>
      (
        await sql.all<{ id: string }>(`${THEIR_CONVERSATIONS} ORDER BY created_at, number`, { id: visitorId })
      ).map((r) => r.id),
    async lockContacts(ids) {
      const marks = ids.map(() => '?').join(', ');
      await sql.all(`SELECT id FROM visitors WHERE id IN (${marks}) ORDER BY id${lock}`, ids);
      await sql.all(`SELECT id FROM conversations WHERE visitor_id IN (${marks}) ORDER BY id${lock}`, ids);
    },
    async identity(visitorId): Promise<ContactIdentity | null> {
      const row = await sql.get<{
        token_hash: string;
        sms_address: string | null;
        sms_opted_out_at: number | null;
      }>('SELECT token_hash, sms_address, sms_opted_out_at FROM visitors WHERE id = ?', [visitorId]);
      if (!row) return null;
      return {
        // SMS contacts get "sms:<id>", never a hash of a widget token (see insertSmsContact).
        hasWidget: !row.token_hash.startsWith('sms:'),
        smsAddress: row.sms_address,
        smsOptedOutAt: row.sms_opted_out_at === null ? null : Number(row.sms_opted_out_at),
      };
    },

    async merge(intoId, fromId, moveToken) {
      const from = await sql.get<MergedRow>('SELECT * FROM visitors WHERE id = ?', [fromId]);
      if (!from) return;
      const ids = { into: intoId, from: fromId };
      await sql.run('UPDATE conversations SET visitor_id = @into WHERE visitor_id = @from', ids);
      // Their messages name the survivor, so a command resent by their widget (its token moved) finds its row.
      await sql.run(
        `UPDATE messages SET author_id = @into WHERE conversation_id IN (SELECT id FROM conversations
          WHERE visitor_id = @into) AND author_kind = 'visitor' AND author_id = @from`,
        ids,
      );
      await sql.run('UPDATE crm_records SET visitor_id = @into WHERE visitor_id = @from', ids);
      await sql.run(
        "UPDATE files SET uploader_id = @into WHERE uploader_kind IN ('visitor', 'provider') AND uploader_id = @from",
        ids,
      );
      // Attributes after the survivor's own, which win on a key.
      const offset =
        (await sql.value<number>(
          'SELECT COALESCE(MAX(position), -1) + 1 FROM contact_attributes WHERE visitor_id = ?',
          [intoId],
        )) ?? 0;
      await sql.run(
        `INSERT INTO contact_attributes (visitor_id, key, key_norm, value, position)
          SELECT @into, key, key_norm, value, position + @offset FROM contact_attributes WHERE visitor_id = @from
          ON CONFLICT (visitor_id, key_norm) DO NOTHING`,
        { ...ids, offset: Number(offset) },
      );
      await sql.run('DELETE FROM contact_attributes WHERE visitor_id = @from', ids);
      await sql.run(
        `INSERT INTO contact_tags (visitor_id, tag) SELECT @into, tag FROM contact_tags WHERE visitor_id = @from
          ON CONFLICT (visitor_id, tag) DO NOTHING`,
        ids,
      );
      await sql.run('DELETE FROM contact_tags WHERE visitor_id = @from', ids);
      await sql.run('UPDATE contact_notes SET visitor_id = @into WHERE visitor_id = @from', ids);
      // Its row goes before its unique values (SMS address, token) are given to the survivor.
      await sql.run('DELETE FROM visitors WHERE id = ?', [fromId]);
      await sql.run(
        `UPDATE visitors SET contact_name = COALESCE(contact_name, @name), email = COALESCE(email, @email),
          phone = COALESCE(phone, @phone), organization = COALESCE(organization, @organization),
          last_seen_at = CASE WHEN last_seen_at < @seen THEN @seen ELSE last_seen_at END WHERE id = @into`,
        {
          into: intoId,
          name: from.contact_name,
          email: from.email,
          phone: from.phone,
          organization: from.organization,
          seen: Number(from.last_seen_at),
        },
      );
      if (from.sms_address !== null)
        await sql.run('UPDATE visitors SET sms_address = ?, sms_opted_out_at = ? WHERE id = ?', [
          from.sms_address,
          from.sms_opted_out_at === null ? null : Number(from.sms_opted_out_at),
          intoId,
        ]);
      if (moveToken)
        await sql.run('UPDATE visitors SET token_hash = ? WHERE id = ?', [from.token_hash, intoId]);
      // An identified user's id (domain/identity.ts) goes with their conversations, unless the survivor has its own.
      if (from.external_user_id !== null)
        await sql.run('UPDATE visitors SET external_user_id = ? WHERE id = ? AND external_user_id IS NULL', [
          from.external_user_id,
          intoId,
        ]);
    },

    async counts(visitorId) {
      const id = { id: visitorId };
      const count = async (text: string) => Number((await sql.value<number>(text, id)) ?? 0);
      return {
        conversations: await count('SELECT COUNT(*) FROM conversations WHERE visitor_id = @id'),
        messages: await count(
          `SELECT COUNT(*) FROM messages WHERE conversation_id IN (${THEIR_CONVERSATIONS})`,
        ),
        files: await count(
          `SELECT COUNT(*) FROM files WHERE conversation_id IN (${THEIR_CONVERSATIONS})
            OR (uploader_kind IN ('visitor', 'provider') AND uploader_id = @id)`,
        ),
      };
    },
    insertAudit: (e) =>
      write(
        `INSERT INTO contact_audit (id, action, actor_id, actor_name, contact_id, conversations, messages, files,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          e.action,
          e.actor.id,
          e.actor.name,
          e.contactId,
          e.conversations,
          e.messages,
          e.files,
          e.createdAt,
        ],
      ),
    audit: async (limit) =>
      (
        await sql.all<AuditRow>('SELECT * FROM contact_audit ORDER BY created_at DESC, id LIMIT ?', [limit])
      ).map(toAudit),

    files: async (visitorId) =>
      (
        await sql.all<{
          id: string;
          conversation_id: string | null;
          message_id: string | null;
          name: string;
          mime: string;
          size: number;
          created_at: number;
        }>(
          `SELECT id, conversation_id, message_id, name, mime, size, created_at FROM files
            WHERE conversation_id IN (${THEIR_CONVERSATIONS})
              OR (uploader_kind IN ('visitor', 'provider') AND uploader_id = @id)
            ORDER BY created_at, id`,
          { id: visitorId },
        )
      ).map((r): ExportFileRow => ({
        id: r.id,
        conversationId: r.conversation_id,
        messageId: r.message_id,
        name: r.name,
        mime: r.mime,
        size: Number(r.size),
        createdAt: Number(r.created_at),
      })),
    records: (visitorId) =>
      sql.all<Record<string, unknown>>(
        `SELECT * FROM crm_records WHERE visitor_id = @id OR conversation_id IN (${THEIR_CONVERSATIONS})
          ORDER BY created_at, id`,
        { id: visitorId },
      ),
    smsDeliveries: (conversationId) =>
      sql.all<Record<string, unknown>>(
        `SELECT message_id, direction, provider_id, from_address, to_address, body, status, error, created_at
          FROM sms_messages WHERE conversation_id = ? ORDER BY created_at, message_id`,
        [conversationId],
      ),
  };
}
