import type { InviteRow, InviteStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

export function createInviteStore(sql: Sql): InviteStore {
  const write = writer(sql);
  return {
    insert: (tokenHash, agentId, createdAt, expiresAt) =>
      write('INSERT INTO invites (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        tokenHash,
        agentId,
        createdAt,
        expiresAt,
      ]),
    byHash: async (tokenHash) =>
      (await sql.get<InviteRow>('SELECT * FROM invites WHERE token_hash = ?', [tokenHash])) ?? null,
    removeForAgent: (agentId) => write('DELETE FROM invites WHERE agent_id = ?', [agentId]),
  };
}
