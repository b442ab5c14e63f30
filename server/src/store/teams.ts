import type { Team } from '@livechat/shared/api';
import type { TeamStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface TeamRow {
  id: string;
  name: string;
  name_key: string;
  created_at: number;
}

/** What names are compared by: computed here rather than by SQL lower(), which SQLite applies to ASCII only. */
export const teamNameKey = (name: string) => name.normalize('NFC').toLowerCase();

export function createTeamStore(sql: Sql): TeamStore {
  const write = writer(sql);
  // PostgreSQL: FOR UPDATE holds the row; the SQLite writer is alone anyway.
  const forUpdate = sql.engine === 'postgres' ? ' FOR UPDATE' : '';
  const withMembers = async (rows: TeamRow[]): Promise<Team[]> => {
    if (rows.length === 0) return [];
    const members = await sql.all<{ team_id: string; agent_id: string }>(
      `SELECT team_id, agent_id FROM team_members WHERE team_id IN (${rows.map(() => '?').join(', ')})`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      memberIds: members
        .filter((m) => m.team_id === r.id)
        .map((m) => m.agent_id)
        .sort(),
      createdAt: Number(r.created_at),
    }));
  };
  const one = async (text: string, param: string) => {
    const row = await sql.get<TeamRow>(text, [param]);
    return row ? (await withMembers([row]))[0]! : null;
  };
  return {
    all: async () => {
      const rows = await sql.all<TeamRow>('SELECT * FROM teams');
      // Sorted here: the engines' collations order non-ASCII names differently.
      rows.sort((a, b) =>
        a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : a.id < b.id ? -1 : 1,
      );
      return withMembers(rows);
    },
    byId: (id) => one('SELECT * FROM teams WHERE id = ?', id),
    byName: (name) => one('SELECT * FROM teams WHERE name_key = ?', teamNameKey(name)),
    lock: async (id) => (await sql.get(`SELECT id FROM teams WHERE id = ?${forUpdate}`, [id])) !== undefined,
    insert: (team) =>
      write('INSERT INTO teams (id, name, name_key, created_at) VALUES (?, ?, ?, ?)', [
        team.id,
        team.name,
        teamNameKey(team.name),
        team.createdAt,
      ]),
    rename: (id, name) =>
      write('UPDATE teams SET name = ?, name_key = ? WHERE id = ?', [name, teamNameKey(name), id]),
    setMembers: async (id, agentIds) => {
      await sql.run('DELETE FROM team_members WHERE team_id = ?', [id]);
      for (const agentId of agentIds)
        await sql.run('INSERT INTO team_members (team_id, agent_id) VALUES (?, ?)', [id, agentId]);
    },
    remove: async (id) => {
      await sql.run('DELETE FROM team_members WHERE team_id = ?', [id]);
      return (await sql.run('DELETE FROM teams WHERE id = ?', [id])) > 0;
    },
  };
}
