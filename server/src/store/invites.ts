import type { Database } from './database.js';

export interface InviteRow {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

export function createInviteStore(db: Database) {
  const insert = db.prepare(
    'INSERT INTO invites (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?');
  const removeForAgent = db.prepare('DELETE FROM invites WHERE agent_id = ?');
  return {
    insert: (tokenHash: string, agentId: string, createdAt: number, expiresAt: number) =>
      void insert.run(tokenHash, agentId, createdAt, expiresAt),
    byHash: (tokenHash: string) => byHash.get(tokenHash) ?? null,
    removeForAgent: (agentId: string) => void removeForAgent.run(agentId),
  };
}
export type InviteStore = ReturnType<typeof createInviteStore>;
