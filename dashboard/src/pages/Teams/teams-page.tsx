// Teams (work groups), admins only: add a team, rename it, choose its members among the active agents, set how its
// queue is worked (by hand or round-robin, each agent's maximum, returning contacts), delete it.
import type { Team } from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { errorMessage } from '../../api/index.js';
import { AdminOnly } from '../../components/admin-only.js';
import { TeamCard } from './team-card.js';
import { TeamNameForm } from './team-name-form.js';
import { useTeams } from './use-teams.js';

export function TeamsPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title="Teams" refusal="Only admins can manage teams.">
      <TeamsAdmin />
    </AdminOnly>
  );
}

function TeamsAdmin() {
  const { teams, agents, loading, loadError, create, rename, setMembers, setRouting, remove } = useTeams();
  const [notice, setNotice] = useState<string | null>(null);

  const removeTeam = async (team: Team): Promise<string | null> => {
    try {
      await remove(team.id);
    } catch (err) {
      return errorMessage(err);
    }
    setNotice(`Deleted ${team.name}.`);
    return null;
  };

  return (
    <main class="page">
      <h1 class="page__title">Teams</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section class="card" aria-labelledby="new-team-title">
        <h2 class="card__title" id="new-team-title">
          Add a team
        </h2>
        <TeamNameForm
          title="Add a team"
          submitLabel="New team"
          onSave={async (name) => {
            setNotice(null);
            const team = await create(name);
            setNotice(`Added ${team.name}.`);
          }}
        />
      </section>
      {loadError && (
        <p class="form-error" role="alert">
          {loadError}
        </p>
      )}
      {loading && <p class="empty">Loading…</p>}
      {!loading && !loadError && teams.length === 0 && (
        <p class="empty">No teams yet. Add one (Sales, Support, …) and choose its members.</p>
      )}
      {!loading &&
        teams.map((team) => (
          <TeamCard
            key={team.id}
            team={team}
            agents={agents}
            onRename={async (name) => {
              setNotice(null);
              await rename(team.id, name);
              setNotice(`Renamed ${team.name} to ${name}.`);
            }}
            onSetMembers={async (ids) => {
              setNotice(null);
              await setMembers(team.id, ids);
              setNotice(`Saved the members of ${team.name}.`);
            }}
            onSetRouting={(routing) => setRouting(team.id, routing)}
            onDelete={() => removeTeam(team)}
          />
        ))}
    </main>
  );
}
