import type { Agent } from '@livechat/shared/model';
import type { CreateAgentBody, InviteLink } from '@livechat/shared/api';
import { useCallback, useState } from 'preact/hooks';
import { AdminOnly } from '../../components/admin-only.js';
import { AddAgentForm } from './add-agent-form.js';
import { AgentRow } from './agent-row.js';
import { InviteLinkBox } from './invite-link-box.js';
import { useAgents } from './use-agents.js';

interface Props {
  agent: Agent;
  /** The signed-in agent was changed here (e.g. demoted themselves). */
  onSelfChanged: (agent: Agent) => void;
}

export function TeamPage({ agent, onSelfChanged }: Props) {
  return (
    <AdminOnly agent={agent} title="Team" refusal="Only admins can manage the team.">
      <TeamAdmin self={agent} onSelfChanged={onSelfChanged} />
    </AdminOnly>
  );
}

function TeamAdmin({ self, onSelfChanged }: { self: Agent; onSelfChanged: (agent: Agent) => void }) {
  const { agents, loading, loadError, create, update, reissueInvite } = useAgents(
    useCallback((a: Agent) => a.id === self.id && onSelfChanged(a), [self.id, onSelfChanged]),
  );
  const [rowError, setRowError] = useState<string | null>(null);
  /** The last invite link issued here, from the add form or a row. */
  const [shownInvite, setShownInvite] = useState<{ name: string; invite: InviteLink } | null>(null);

  const createAgent = async (body: CreateAgentBody) => {
    const outcome = await create(body);
    setShownInvite(outcome.invite && { name: outcome.agent.name, invite: outcome.invite });
    return outcome;
  };

  const newInvite = async (id: string) => {
    const outcome = await reissueInvite(id);
    if ('error' in outcome) return outcome.error;
    const name = agents.find((a) => a.id === id)?.name ?? 'the agent';
    setShownInvite({ name, invite: outcome.invite });
    return null;
  };

  return (
    <main class="page">
      <h1 class="page__title">Team</h1>
      <AddAgentForm onCreate={createAgent} />
      {shownInvite && <InviteLinkBox name={shownInvite.name} invite={shownInvite.invite} />}
      <section class="card" aria-label="Agents">
        <h2 class="card__title">Agents</h2>
        {(loadError ?? rowError) && (
          <p class="form-error" role="alert">
            {loadError ?? rowError}
          </p>
        )}
        {loading ? (
          <p class="empty">Loading…</p>
        ) : (
          <table class="agents">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <AgentRow
                  key={a.id}
                  agent={a}
                  isSelf={a.id === self.id}
                  onUpdate={update}
                  onReissueInvite={newInvite}
                  onError={setRowError}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
