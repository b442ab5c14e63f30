import type { Database } from './database.js';

export interface SessionRow {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

export function createSessionStore(db: Database) {
  const insert = db.prepare(
    'INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForAgent = db.prepare('DELETE FROM sessions WHERE agent_id = ?');
  const removeForAgentExcept = db.prepare('DELETE FROM sessions WHERE agent_id = ? AND token_hash <> ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    insert: (tokenHash: string, agentId: string, createdAt: number, expiresAt: number) =>
      void insert.run(tokenHash, agentId, createdAt, expiresAt),
    byHash: (tokenHash: string) => byHash.get(tokenHash) ?? null,
    remove: (tokenHash: string) => void remove.run(tokenHash),
    removeForAgent: (agentId: string) => void removeForAgent.run(agentId),
    /** Every session of the agent but one (theirs, after they changed their password). */
    removeForAgentExcept: (agentId: string, keepHash: string) =>
      void removeForAgentExcept.run(agentId, keepHash),
    removeExpired: (now: number) => removeExpired.run(now).changes,
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
