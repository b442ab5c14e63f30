import type { Agent } from '@livechat/shared/model';
import { useCallback, useState } from 'preact/hooks';
import { AddAgentForm } from './add-agent-form.js';
import { AgentRow } from './agent-row.js';
import { useAgents } from './use-agents.js';

interface Props {
  agent: Agent;
  /** The signed-in agent was changed here (e.g. demoted themselves). */
  onSelfChanged: (agent: Agent) => void;
}

export function TeamPage({ agent, onSelfChanged }: Props) {
  if (agent.role !== 'admin') {
    return (
      <main class="page">
        <h1 class="page__title">Team</h1>
        <p class="empty">Only admins can manage the team.</p>
      </main>
    );
  }
  return <TeamAdmin self={agent} onSelfChanged={onSelfChanged} />;
}

function TeamAdmin({ self, onSelfChanged }: { self: Agent; onSelfChanged: (agent: Agent) => void }) {
  const { agents, loading, loadError, create, update } = useAgents(
    useCallback((a: Agent) => a.id === self.id && onSelfChanged(a), [self.id, onSelfChanged]),
  );
  const [rowError, setRowError] = useState<string | null>(null);

  return (
    <main class="page">
      <h1 class="page__title">Team</h1>
      <AddAgentForm onCreate={create} />
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
