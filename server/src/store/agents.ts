import type { Role } from '@livechat/shared/model';
import type { AgentStore, AgentWithHash, AvatarType } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  active: 0 | 1;
  available: 0 | 1;
  avatar_version: number | null;
  language: AgentWithHash['language'];
  created_at: number;
}

/** Where an agent's picture is served; the version changes with each upload, so caches refresh. */
export const avatarUrl = (agentId: string, version: number) => `/api/agents/${agentId}/avatar?v=${version}`;

const toAgent = (r: AgentRow): AgentWithHash => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  available: r.available === 1,
  avatarUrl: r.avatar_version === null ? null : avatarUrl(r.id, r.avatar_version),
  language: r.language ?? null,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});

const INSERT =
  'INSERT INTO agents (id, email, name, role, password_hash, active, created_at) VALUES (@id, @email, @name, @role, @passwordHash, @active, @createdAt)';
const UPDATE =
  'UPDATE agents SET name = @name, role = @role, active = @active, password_hash = @passwordHash WHERE id = @id';
const PUT_AVATAR = `INSERT INTO agent_avatars (agent_id, content_type, data) VALUES (@id, @contentType, @data)
  ON CONFLICT (agent_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data`;
/** Strictly increasing, even for two uploads in the same millisecond. */
const BUMP_AVATAR_VERSION = `UPDATE agents SET avatar_version = CASE
    WHEN COALESCE(avatar_version, 0) + 1 > @now THEN COALESCE(avatar_version, 0) + 1 ELSE @now END
  WHERE id = @id`;

export function createAgentStore(sql: Sql): AgentStore {
  const write = writer(sql);
  const toRow = (a: AgentWithHash) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    passwordHash: a.passwordHash,
    active: a.active ? 1 : 0,
    createdAt: a.createdAt,
  });
  const one = async (text: string, param: string) => {
    const row = await sql.get<AgentRow>(text, [param]);
    return row ? toAgent(row) : null;
  };
  return {
    byId: (id) => one('SELECT * FROM agents WHERE id = ?', id),
    byEmail: (email) => one('SELECT * FROM agents WHERE email = ?', email),
    all: async () =>
      (await sql.all<AgentRow>('SELECT * FROM agents ORDER BY created_at, email')).map(toAgent),
    insert: (a) => write(INSERT, toRow(a)),
    update: (a) => write(UPDATE, toRow(a)),
    setAvailable: (id, available) =>
      write('UPDATE agents SET available = ? WHERE id = ?', [available ? 1 : 0, id]),
    setLanguage: (id, language) => write('UPDATE agents SET language = ? WHERE id = ?', [language, id]),
    notificationSettings: async (id) =>
      (await sql.value<string | null>('SELECT notification_settings FROM agents WHERE id = ?', [id])) ?? null,
    setNotificationSettings: (id, json) =>
      write('UPDATE agents SET notification_settings = ? WHERE id = ?', [json, id]),
    async avatar(id) {
      const row = await sql.get<{ content_type: AvatarType; data: Buffer }>(
        'SELECT content_type, data FROM agent_avatars WHERE agent_id = ?',
        [id],
      );
      return row ? { contentType: row.content_type, data: row.data } : null;
    },
    setAvatar: (id, picture, now) =>
      sql.transaction(async () => {
        await write(PUT_AVATAR, { id, contentType: picture.contentType, data: picture.data });
        await write(BUMP_AVATAR_VERSION, { id, now });
      }),
    removeAvatar: (id) =>
      sql.transaction(async () => {
        await write('DELETE FROM agent_avatars WHERE agent_id = ?', [id]);
        await write('UPDATE agents SET avatar_version = NULL WHERE id = ?', [id]);
      }),
    activeAdminCount: async () =>
      (await sql.value<number>("SELECT COUNT(*) FROM agents WHERE role = 'admin' AND active = 1")) ?? 0,
    count: async () => (await sql.value<number>('SELECT COUNT(*) FROM agents')) ?? 0,
    lock: (id) => write('UPDATE agents SET active = active WHERE id = ?', [id]),
    lockActiveAdmins: () => write("UPDATE agents SET active = active WHERE role = 'admin' AND active = 1"),
  };
}
