import type { Team } from '@livechat/shared/api';
import type { TeamStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface TeamRow {
  id: string;
  name: string;
  name_key: string;
  created_at: number;
  auto_assign: number;
  max_open_chats: number;
  returning_contacts: number;
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
      autoAssign: r.auto_assign === 1,
      maxOpenChats: r.max_open_chats,
      returningContacts: r.returning_contacts === 1,
    }));
  };
  const ids = async (text: string, params?: string[]) =>
    (await sql.all<{ id: string }>(text, params)).map((r) => r.id);
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
      write(
        `INSERT INTO teams (id, name, name_key, created_at, auto_assign, max_open_chats, returning_contacts)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          team.id,
          team.name,
          teamNameKey(team.name),
          team.createdAt,
          team.autoAssign ? 1 : 0,
          team.maxOpenChats,
          team.returningContacts ? 1 : 0,
        ],
      ),
    setRouting: (id, r) =>
      write('UPDATE teams SET auto_assign = ?, max_open_chats = ?, returning_contacts = ? WHERE id = ?', [
        r.autoAssign ? 1 : 0,
        r.maxOpenChats,
        r.returningContacts ? 1 : 0,
        id,
      ]),
    isMember: async (teamId, agentId) =>
      (await sql.get('SELECT 1 AS x FROM team_members WHERE team_id = ? AND agent_id = ?', [
        teamId,
        agentId,
      ])) !== undefined,
    memberIds: (teamId) =>
      ids('SELECT agent_id AS id FROM team_members WHERE team_id = ? ORDER BY agent_id', [teamId]),
    teamIdsOf: (agentId) =>
      ids('SELECT team_id AS id FROM team_members WHERE agent_id = ? ORDER BY team_id', [agentId]),
    roundOrder: (teamId) =>
      ids(
        `SELECT m.agent_id AS id FROM team_members m JOIN agents a ON a.id = m.agent_id
          WHERE m.team_id = ? AND a.active = 1
          ORDER BY CASE WHEN m.last_turn IS NULL THEN 0 ELSE 1 END, m.last_turn, m.agent_id`,
        [teamId],
      ),
    markAssigned: async (teamId, agentId) => {
      const turn = await sql.value<number>(
        'UPDATE teams SET turns = turns + 1 WHERE id = ? RETURNING turns',
        [teamId],
      );
      await write('UPDATE team_members SET last_turn = ? WHERE team_id = ? AND agent_id = ?', [
        turn!,
        teamId,
        agentId,
      ]);
    },
    autoTeamsWithQueue: () =>
      ids(
        `SELECT t.id FROM teams t WHERE t.auto_assign = 1 AND EXISTS (SELECT 1 FROM conversations c
          WHERE c.team_id = t.id AND c.status = 'open' AND c.assignee_id IS NULL AND c.queued_at IS NOT NULL
            AND c.visitor_wrote_at IS NOT NULL)
          ORDER BY t.id`,
      ),
    removeAgent: (agentId) => write('DELETE FROM team_members WHERE agent_id = ?', [agentId]),
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
