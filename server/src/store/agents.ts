import type { Agent, Role } from '@livechat/shared/model';
import type { Database } from './database.js';

interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  active: 0 | 1;
  available: 0 | 1;
  avatar_version: number | null;
  created_at: number;
}

/** An agent's picture as stored: its bytes and the type sniffed from them. */
export interface StoredAvatar {
  contentType: AvatarType;
  data: Buffer;
}
export type AvatarType = 'image/png' | 'image/jpeg' | 'image/webp';

/** Where an agent's picture is served; the version changes with each upload, so caches refresh. */
export const avatarUrl = (agentId: string, version: number) => `/api/agents/${agentId}/avatar?v=${version}`;

export type AgentWithHash = Agent & { passwordHash: string };

const toAgent = (r: AgentRow): AgentWithHash => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  available: r.available === 1,
  avatarUrl: r.avatar_version === null ? null : avatarUrl(r.id, r.avatar_version),
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});

/** The password hash of an invited agent who has not chosen a password yet: matches no password. */
export const NO_PASSWORD = '';

/** Strips the password hash before an agent leaves the server. */
export const publicAgent = ({ passwordHash, ...agent }: AgentWithHash): Agent => ({
  ...agent,
  invited: passwordHash === NO_PASSWORD,
});

export function createAgentStore(db: Database) {
  const byId = db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE id = ?');
  const byEmail = db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE email = ?');
  const all = db.prepare<[], AgentRow>('SELECT * FROM agents ORDER BY created_at, email');
  const insert = db.prepare(
    'INSERT INTO agents (id, email, name, role, password_hash, active, created_at) VALUES (@id, @email, @name, @role, @passwordHash, @active, @createdAt)',
  );
  const update = db.prepare(
    'UPDATE agents SET name = @name, role = @role, active = @active, password_hash = @passwordHash WHERE id = @id',
  );
  const setAvailable = db.prepare('UPDATE agents SET available = ? WHERE id = ?');
  const settings = db
    .prepare<[string], string | null>('SELECT notification_settings FROM agents WHERE id = ?')
    .pluck();
  const setSettings = db.prepare('UPDATE agents SET notification_settings = ? WHERE id = ?');
  const avatar = db.prepare<[string], { content_type: AvatarType; data: Buffer }>(
    'SELECT content_type, data FROM agent_avatars WHERE agent_id = ?',
  );
  const putAvatar = db.prepare(
    `INSERT INTO agent_avatars (agent_id, content_type, data) VALUES (@id, @contentType, @data)
     ON CONFLICT (agent_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data`,
  );
  // Strictly increasing, even for two uploads in the same millisecond.
  const bumpAvatarVersion = db.prepare(
    'UPDATE agents SET avatar_version = MAX(@now, COALESCE(avatar_version, 0) + 1) WHERE id = @id',
  );
  const deleteAvatar = db.prepare('DELETE FROM agent_avatars WHERE agent_id = ?');
  const clearAvatarVersion = db.prepare('UPDATE agents SET avatar_version = NULL WHERE id = ?');
  const activeAdmins = db.prepare("SELECT COUNT(*) FROM agents WHERE role = 'admin' AND active = 1").pluck();
  const count = db.prepare('SELECT COUNT(*) FROM agents').pluck();
  const toRow = (a: AgentWithHash) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    passwordHash: a.passwordHash,
    active: a.active ? 1 : 0,
    createdAt: a.createdAt,
  });
  return {
    byId: (id: string) => {
      const row = byId.get(id);
      return row ? toAgent(row) : null;
    },
    byEmail: (email: string) => {
      const row = byEmail.get(email);
      return row ? toAgent(row) : null;
    },
    all: () => all.all().map(toAgent),
    insert: (a: AgentWithHash) => void insert.run(toRow(a)),
    update: (a: AgentWithHash) => void update.run(toRow(a)),
    /** The agent's "Available" switch. */
    setAvailable: (id: string, available: boolean) => void setAvailable.run(available ? 1 : 0, id),
    /** Stored notification settings (JSON), or null for the defaults. */
    notificationSettings: (id: string): string | null => settings.get(id) ?? null,
    setNotificationSettings: (id: string, json: string) => void setSettings.run(json, id),
    avatar: (id: string): StoredAvatar | null => {
      const row = avatar.get(id);
      return row ? { contentType: row.content_type, data: row.data } : null;
    },
    /** Stores the agent's picture and gives it a new version; call inside a transaction. */
    setAvatar: (id: string, picture: StoredAvatar, now: number) => {
      putAvatar.run({ id, contentType: picture.contentType, data: picture.data });
      bumpAvatarVersion.run({ id, now });
    },
    removeAvatar: (id: string) => {
      deleteAvatar.run(id);
      clearAvatarVersion.run(id);
    },
    activeAdminCount: () => activeAdmins.get() as number,
    count: () => count.get() as number,
  };
}
export type AgentStore = ReturnType<typeof createAgentStore>;
