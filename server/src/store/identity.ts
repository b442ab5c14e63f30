import type { IdentityStore } from '../domain/identity.js';
import type { Visitor } from '../domain/store.js';
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
  createdAt: Number(r.created_at),
});

const UPSERT_SECRET = `INSERT INTO site_identity_secrets (site_id, secret, created_at) VALUES (?, ?, ?)
  ON CONFLICT (site_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at`;
// "identity:<id>" is never a hash of a widget token (those are hex): no widget token opens the contact directly.
const INSERT_CONTACT = `INSERT INTO visitors (id, site_id, token_hash, name, created_at, last_seen_at, external_user_id)
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const LINK = `INSERT INTO identity_links (token_hash, site_id, visitor_id, expires_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (token_hash) DO UPDATE SET site_id = excluded.site_id, visitor_id = excluded.visitor_id,
    expires_at = excluded.expires_at`;

export function createIdentityStore(sql: Sql): IdentityStore {
  const write = writer(sql);
  return {
    async secret(siteId) {
      const row = await sql.get<{ secret: string; created_at: number }>(
        'SELECT secret, created_at FROM site_identity_secrets WHERE site_id = ?',
        [siteId],
      );
      return row ? { secret: row.secret, createdAt: Number(row.created_at) } : null;
    },
    replaceSecret: (siteId, secret, createdAt) =>
      sql.transaction(async () => {
        await write(UPSERT_SECRET, [siteId, secret, createdAt]);
        await write('DELETE FROM identity_links WHERE site_id = ?', [siteId]);
      }),
    async contactOf(siteId, userId) {
      const row = await sql.get<VisitorRow>(
        'SELECT id, site_id, name, created_at FROM visitors WHERE site_id = ? AND external_user_id = ?',
        [siteId, userId],
      );
      return row ? toVisitor(row) : null;
    },
    insertContact: (v, userId) =>
      write(INSERT_CONTACT, [v.id, v.siteId, `identity:${v.id}`, v.name, v.createdAt, v.createdAt, userId]),
    link: (tokenHash, siteId, visitorId, expiresAt) => write(LINK, [tokenHash, siteId, visitorId, expiresAt]),
    unlink: (tokenHash) => write('DELETE FROM identity_links WHERE token_hash = ?', [tokenHash]),
    async linked(tokenHash, siteId, now) {
      const row = await sql.get<VisitorRow>(
        `SELECT v.id, v.site_id, v.name, v.created_at FROM identity_links l JOIN visitors v ON v.id = l.visitor_id
          WHERE l.token_hash = ? AND l.site_id = ? AND l.expires_at > ?`,
        [tokenHash, siteId, now],
      );
      return row ? toVisitor(row) : null;
    },
  };
}
