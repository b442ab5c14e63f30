import type { Contact, ContactField } from '@livechat/shared/model';
import type { Database } from './database.js';

export interface Visitor {
  id: string;
  siteId: string;
  name: string;
  createdAt: number;
}

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

export function createVisitorStore(db: Database) {
  const insert = db.prepare(
    'INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byToken = db.prepare<[string, string], VisitorRow>(
    'SELECT * FROM visitors WHERE token_hash = ? AND site_id = ?',
  );
  const byId = db.prepare<[string], VisitorRow>('SELECT * FROM visitors WHERE id = ?');
  const touch = db.prepare('UPDATE visitors SET last_seen_at = ? WHERE id = ?');
  const contact = db.prepare<[string], Contact>(
    'SELECT contact_name AS name, email, phone, organization FROM visitors WHERE id = ?',
  );
  // One statement per field, so the column name is never built from input.
  const setContactField: Record<ContactField, ReturnType<typeof db.prepare<[string | null, string]>>> = {
    name: db.prepare('UPDATE visitors SET contact_name = ? WHERE id = ?'),
    email: db.prepare('UPDATE visitors SET email = ? WHERE id = ?'),
    phone: db.prepare('UPDATE visitors SET phone = ? WHERE id = ?'),
    organization: db.prepare('UPDATE visitors SET organization = ? WHERE id = ?'),
  };
  return {
    insert: (v: Visitor, tokenHash: string) =>
      void insert.run(v.id, v.siteId, tokenHash, v.name, v.createdAt, v.createdAt),
    /** A token only opens a visitor of the site it was issued for. */
    byToken: (tokenHash: string, siteId: string) => {
      const row = byToken.get(tokenHash, siteId);
      return row ? toVisitor(row) : null;
    },
    byId: (id: string) => {
      const row = byId.get(id);
      return row ? toVisitor(row) : null;
    },
    touch: (id: string, at: number) => void touch.run(at, id),
    /** What the visitor told us about themselves (all null until the playbook captures something). */
    contact: (id: string): Contact =>
      contact.get(id) ?? { name: null, email: null, phone: null, organization: null },
    /** null (or "") clears the field. */
    setContactField: (id: string, field: ContactField, value: string | null) =>
      void setContactField[field].run(value || null, id),
  };
}
export type VisitorStore = ReturnType<typeof createVisitorStore>;
