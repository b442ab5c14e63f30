import type { Contact, ContactField } from '@livechat/shared/model';
import type { StoredContact, Visitor, VisitorStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { containing } from './sql/like.js';
import { VISIBLE_TO_VIEWER } from './conversations.js';
import { writer } from './write.js';

interface VisitorRow {
  id: string;
  site_id: string;
  name: string;
  created_at: number;
}

const toVisitor = (r: VisitorRow): Visitor => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  createdAt: r.created_at,
});

/** One statement per field, so the column name is never built from input. */
const SET_CONTACT_FIELD: Record<ContactField, string> = {
  name: 'UPDATE visitors SET contact_name = ? WHERE id = ?',
  email: 'UPDATE visitors SET email = ? WHERE id = ?',
  phone: 'UPDATE visitors SET phone = ? WHERE id = ?',
  organization: 'UPDATE visitors SET organization = ? WHERE id = ?',
};

interface ContactRow {
  id: string;
  site_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  sms_address: string | null;
  sms_opted_out_at: number | null;
  web: number;
  created_at: number;
  last_activity_at: number | null;
}

const toContact = (r: ContactRow): StoredContact => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  email: r.email,
  phone: r.sms_address ?? r.phone,
  smsAddress: r.sms_address,
  smsOptedOutAt: r.sms_opted_out_at,
  web: Number(r.web) === 1,
  createdAt: r.created_at,
  lastActivityAt: r.last_activity_at ?? r.created_at,
});

/**
 * A contact is a visitor someone has talked with (a conversation the visitor wrote in, or any SMS contact): visitors
 * who only opened a page are not people the team knows.
 */
const CONTACT = `SELECT v.id, v.site_id, COALESCE(v.contact_name, v.name) AS name, v.email, v.phone, v.sms_address,
    v.sms_opted_out_at, v.created_at,
    -- SMS contacts get "sms:<id>" (see insertSmsContact), never a hash of a widget token.
    CASE WHEN substr(v.token_hash, 1, 4) = 'sms:' THEN 0 ELSE 1 END AS web,
    (SELECT MAX(c.updated_at) FROM conversations c WHERE c.visitor_id = v.id) AS last_activity_at
  FROM visitors v`;
/**
 * A contact the viewer may see: one of their conversations that reached someone (the visitor wrote, it was queued or
 * assigned) is visible to the viewer (the inbox's rule), so a colleague's customer is as invisible as their chat.
 * Admins see every contact, SMS contacts included.
 */
const IS_CONTACT = `((@admin = 1 AND v.sms_address IS NOT NULL) OR EXISTS (SELECT 1 FROM conversations c
  WHERE c.visitor_id = v.id AND (c.visitor_wrote_at IS NOT NULL OR c.queued_at IS NOT NULL OR c.assignee_id IS NOT NULL)
  AND ${VISIBLE_TO_VIEWER}))`;
const SEARCH_CONTACTS = `${CONTACT} WHERE ${IS_CONTACT} AND (CAST(@text AS TEXT) IS NULL
    OR lower(COALESCE(v.contact_name, v.name)) LIKE lower(@text) ESCAPE '\\'
    OR lower(v.email) LIKE lower(@text) ESCAPE '\\'
    OR replace(COALESCE(v.sms_address, v.phone, ''), ' ', '') LIKE @digits ESCAPE '\\')
  ORDER BY last_activity_at DESC, v.id LIMIT @limit`;

const NO_CONTACT: Contact = { name: null, email: null, phone: null, organization: null };

export function createVisitorStore(sql: Sql): VisitorStore {
  const write = writer(sql);
  return {
    insert: (v, tokenHash) =>
      write(
        'INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
        [v.id, v.siteId, tokenHash, v.name, v.createdAt, v.createdAt],
      ),
    async byToken(tokenHash, siteId) {
      const row = await sql.get<VisitorRow>('SELECT * FROM visitors WHERE token_hash = ? AND site_id = ?', [
        tokenHash,
        siteId,
      ]);
      return row ? toVisitor(row) : null;
    },
    async byId(id) {
      const row = await sql.get<VisitorRow>('SELECT * FROM visitors WHERE id = ?', [id]);
      return row ? toVisitor(row) : null;
    },
    touch: (id, at) => write('UPDATE visitors SET last_seen_at = ? WHERE id = ?', [at, id]),
    contact: async (id) =>
      (await sql.get<Contact>(
        'SELECT contact_name AS name, email, phone, organization FROM visitors WHERE id = ?',
        [id],
      )) ?? { ...NO_CONTACT },
    setContactField: (id, field, value) => write(SET_CONTACT_FIELD[field], [value || null, id]),
    async bySmsAddress(siteId, address) {
      const row = await sql.get<VisitorRow>('SELECT * FROM visitors WHERE site_id = ? AND sms_address = ?', [
        siteId,
        address,
      ]);
      return row ? toVisitor(row) : null;
    },
    insertSmsContact: (v, address, phone) =>
      write(
        `INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at, sms_address, phone)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        // Never a hash of a widget token (those are hex): nobody can open this contact from a widget.
        [v.id, v.siteId, `sms:${v.id}`, v.name, v.createdAt, v.createdAt, address, phone],
      ),
    setSmsOptedOut: (id, at) => write('UPDATE visitors SET sms_opted_out_at = ? WHERE id = ?', [at, id]),
    async contactById(id, viewer) {
      const row = await sql.get<ContactRow>(
        viewer ? `${CONTACT} WHERE v.id = @id AND ${IS_CONTACT}` : `${CONTACT} WHERE v.id = @id`,
        { id, ...(viewer && { me: viewer.agentId, admin: viewer.admin ? 1 : 0 }) },
      );
      return row ? toContact(row) : null;
    },
    searchContacts: async (text, limit, viewer) =>
      (
        await sql.all<ContactRow>(SEARCH_CONTACTS, {
          me: viewer.agentId,
          admin: viewer.admin ? 1 : 0,
          text: text === null ? null : containing(text),
          digits: text === null ? null : containing(text.replace(/[\s().-]/g, '')),
          limit,
        })
      ).map(toContact),
  };
}
