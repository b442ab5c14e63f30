import type { Team, TeamRouting } from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { agentsApi, teamsApi } from '../../api/index.js';
import { useList } from '../../components/use-list.js';
import { useLoad } from '../../components/use-load.js';

const byName = (a: Team, b: Team) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** The teams by name and every agent (for members' names); changes throw the server's refusal to the caller. */
export function useTeams() {
  const { items, loading, loadError, put, drop } = useList(() => teamsApi.list(), byName);
  const agents = useLoad(() => agentsApi.list(), []);
  const agentList: Agent[] = agents.state.status === 'ready' ? agents.state.data : [];
  return {
    teams: items,
    agents: agentList,
    loading: loading || agents.state.status === 'loading',
    loadError: loadError ?? (agents.state.status === 'error' ? agents.state.message : null),
    create: async (name: string) => {
      const team = await teamsApi.create({ name });
      put(team);
      return team;
    },
    rename: async (id: string, name: string) => put(await teamsApi.update(id, { name })),
    setMembers: async (id: string, memberIds: string[]) => put(await teamsApi.update(id, { memberIds })),
    setRouting: async (id: string, routing: TeamRouting) => put(await teamsApi.update(id, routing)),
    remove: async (id: string) => {
      await teamsApi.remove(id);
      drop(id);
    },
  };
}
