import type { Team } from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { CheckboxField } from '../../components/checkbox-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';

interface Props {
  team: Team;
  /** Every agent; only active ones can be chosen. */
  agents: Agent[];
  /** Throws the server's refusal, shown above the boxes. */
  onSave: (memberIds: string[]) => Promise<void>;
  onCancel: () => void;
}

/** A checkbox per active agent; saving replaces the team's members with the ones checked. */
export function TeamMembersForm({ team, agents, onSave, onCancel }: Props) {
  const [chosen, setChosen] = useState(() => new Set(team.memberIds));
  const active = agents.filter((a) => a.active);
  const { busy, error, submit } = useFormSubmit(async () => {
    // Members who were deactivated since cannot be kept: the server takes active agents only.
    await onSave(active.filter((a) => chosen.has(a.id)).map((a) => a.id));
  });
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <form class="team-members-form" aria-label={`Members of ${team.name}`} onSubmit={(e) => void submit(e)}>
      <fieldset class="fieldset">
        <legend>Members of {team.name}</legend>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {active.length === 0 && <p class="empty">No active agents yet.</p>}
        {active.map((a) => (
          <CheckboxField key={a.id} checked={chosen.has(a.id)} onValue={(on) => toggle(a.id, on)}>
            {a.name}
          </CheckboxField>
        ))}
      </fieldset>
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          Save members
        </button>
        <button class="button" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
