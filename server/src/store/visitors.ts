import type { Contact, ContactField } from '@livechat/shared/model';
import type { Visitor, VisitorStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
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
  };
}
