import type { Agent } from '@livechat/shared/model';
import type { CreateAgentBody, InviteLink, UpdateAgentBody } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, agentsApi, errorMessage } from '../../api/index.js';

/** `invite` is set when the agent was created without a password. */
export interface CreateOutcome {
  agent: Agent;
  invite: InviteLink | null;
}
export type InviteOutcome = { invite: InviteLink } | { error: string };

export interface AgentsState {
  agents: Agent[];
  loading: boolean;
  loadError: string | null;
  /** Throws the server's refusal, for the form to show by field. */
  create: (body: CreateAgentBody) => Promise<CreateOutcome>;
  /** Resolves to an error message, or null on success. */
  update: (id: string, patch: UpdateAgentBody) => Promise<string | null>;
  /** A fresh invite link for an invited agent. */
  reissueInvite: (id: string) => Promise<InviteOutcome>;
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

  const create = useCallback(async (body: CreateAgentBody): Promise<CreateOutcome> => {
    const { agent, invite } = await agentsApi.create(body);
    setAgents((list) => [...list, agent]);
    return { agent, invite: invite ?? null };
  }, []);

  const reissueInvite = useCallback(async (id: string): Promise<InviteOutcome> => {
    try {
      return { invite: await agentsApi.reissueInvite(id) };
    } catch (error) {
      // 409: they signed up since the list was loaded, so the row should stop offering links.
      if (error instanceof ApiError && error.code === ErrorCode.Conflict) {
        setAgents((list) => list.map((a) => (a.id === id ? { ...a, invited: false } : a)));
      }
      return { error: errorMessage(error) };
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

  return { agents, loading, loadError, create, update, reissueInvite };
}
