import type { SessionRow, SessionStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

export function createSessionStore(sql: Sql): SessionStore {
  const write = writer(sql);
  return {
    insert: (tokenHash, agentId, createdAt, expiresAt) =>
      write('INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        tokenHash,
        agentId,
        createdAt,
        expiresAt,
      ]),
    byHash: async (tokenHash) =>
      (await sql.get<SessionRow>('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash])) ?? null,
    remove: (tokenHash) => write('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]),
    removeForAgent: (agentId) => write('DELETE FROM sessions WHERE agent_id = ?', [agentId]),
    removeForAgentExcept: (agentId, keepHash) =>
      write('DELETE FROM sessions WHERE agent_id = ? AND token_hash <> ?', [agentId, keepHash]),
    removeExpired: (now) => sql.run('DELETE FROM sessions WHERE expires_at <= ?', [now]),
  };
}
