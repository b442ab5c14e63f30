import type { Agent } from '@livechat/shared/model';
import type { CreateAgentBody, UpdateAgentBody } from '@livechat/shared/api';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { agentsApi, errorMessage } from '../../api/index.js';

export interface AgentsState {
  agents: Agent[];
  loading: boolean;
  loadError: string | null;
  /** Both resolve to an error message, or null on success. */
  create: (body: CreateAgentBody) => Promise<string | null>;
  update: (id: string, patch: UpdateAgentBody) => Promise<string | null>;
}

/** `onChanged` hears about every agent the server changed, so the app can refresh the signed-in agent's role. */
export function useAgents(onChanged?: (agent: Agent) => void): AgentsState {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    agentsApi.list().then(
      (list) => {
        if (!live) return;
        setAgents(list);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(errorMessage(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const replace = (agent: Agent) => setAgents((list) => list.map((a) => (a.id === agent.id ? agent : a)));

  const create = useCallback(async (body: CreateAgentBody) => {
    try {
      const agent = await agentsApi.create(body);
      setAgents((list) => [...list, agent]);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }, []);

  const update = useCallback(
    async (id: string, patch: UpdateAgentBody) => {
      try {
        const agent = await agentsApi.update(id, patch);
        replace(agent);
        onChanged?.(agent);
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },
    [onChanged],
  );

  return { agents, loading, loadError, create, update };
}
