import type { Team, TeamRouting } from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { ConfirmButton } from '../../components/confirm-button.js';
import { TeamMembersForm } from './team-members-form.js';
import { TeamNameForm } from './team-name-form.js';
import { TeamRoutingForm } from './team-routing-form.js';

interface Props {
  team: Team;
  agents: Agent[];
  onRename: (name: string) => Promise<void>;
  onSetMembers: (memberIds: string[]) => Promise<void>;
  onSetRouting: (routing: TeamRouting) => Promise<void>;
  /** Resolves to the server's refusal (shown in the question), or null when deleted. */
  onDelete: () => Promise<string | null>;
}

/** One team: its name, members and routing, with Rename, Choose members and Delete. */
export function TeamCard({ team, agents, onRename, onSetMembers, onSetRouting, onDelete }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'members'>('view');
  const titleId = `team-${team.id}-title`;
  const byId = new Map(agents.map((a) => [a.id, a]));
  const members = team.memberIds
    .map((id) => byId.get(id))
    .filter((a): a is Agent => a !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section class="card team-card" aria-labelledby={titleId}>
      <h2 class="card__title" id={titleId}>
        {team.name}
      </h2>
      {members.length === 0 ? (
        <p class="empty">No members yet.</p>
      ) : (
        <ul class="team-card__members" aria-label={`Members of ${team.name}`}>
          {members.map((a) => (
            <li key={a.id}>
              {a.name}
              {!a.active && ' (deactivated)'}
            </li>
          ))}
        </ul>
      )}
      {mode === 'rename' && (
        <TeamNameForm
          title={`Rename ${team.name}`}
          submitLabel="Save name"
          initial={team.name}
          onSave={async (name) => {
            await onRename(name);
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'members' && (
        <TeamMembersForm
          team={team}
          agents={agents}
          onSave={async (ids) => {
            await onSetMembers(ids);
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'view' && <TeamRoutingForm team={team} onSave={onSetRouting} />}
      {mode === 'view' && (
        <div class="form-actions">
          <button type="button" class="button button--small" onClick={() => setMode('rename')}>
            Rename<span class="visually-hidden"> {team.name}</span>
          </button>
          <button type="button" class="button button--small" onClick={() => setMode('members')}>
            Choose members<span class="visually-hidden"> of {team.name}</span>
          </button>
          <ConfirmButton
            class="button button--small"
            label={`Delete ${team.name}`}
            title={`Delete ${team.name}?`}
            confirmLabel="Delete team"
            onConfirm={onDelete}
          >
            <p>The team and its memberships are deleted. Its agents stay, with their chats.</p>
          </ConfirmButton>
        </div>
      )}
    </section>
  );
}
