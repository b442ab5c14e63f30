// The "Assignee" combobox: everyone's Unassigned, every active agent and every team (its queue), with a search box
// that narrows the choices by name. A native select: keyboard, screen readers and phones know it.
import { useState } from 'preact/hooks';
import type { AssigneeBody, Team } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { Field } from '../../components/field.js';

/** A choice's value: '' (everyone's Unassigned), `agent:<id>` or `team:<id>`. */
type Choice = string;

export interface AssigneeGroups {
  agents: { value: Choice; label: string }[];
  teams: { value: Choice; label: string }[];
}

const agentChoice = (id: string) => `agent:${id}`;
const teamChoice = (id: string) => `team:${id}`;

/** Where the conversation is now: its agent, else the team whose queue it waits in, else everyone's Unassigned. */
export const currentChoice = (c: Pick<Conversation, 'assigneeId' | 'teamId'>): Choice =>
  c.assigneeId ? agentChoice(c.assigneeId) : c.teamId ? teamChoice(c.teamId) : '';

/** What the server is asked for a choice. */
export function assigneeBody(choice: Choice): AssigneeBody {
  if (choice.startsWith('agent:')) return { assigneeId: choice.slice(6) };
  if (choice.startsWith('team:')) return { teamId: choice.slice(5) };
  return { assigneeId: null };
}

/**
 * The choices whose name contains the search (ignoring case), agents then teams. The current one always stays (a
 * select shows its value), as "Another agent" when it is not among them (deactivated since).
 */
export function assigneeGroups(
  colleagues: readonly Colleague[],
  teams: readonly Pick<Team, 'id' | 'name'>[],
  current: Choice,
  search: string,
): AssigneeGroups {
  const q = search.trim().toLowerCase();
  const keep = (value: Choice, label: string) => value === current || label.toLowerCase().includes(q);
  const agents = colleagues
    .map((c) => ({ value: agentChoice(c.id), label: c.name }))
    .filter((o) => keep(o.value, o.label));
  const teamOptions = teams
    .map((t) => ({ value: teamChoice(t.id), label: t.name }))
    .filter((o) => keep(o.value, o.label));
  if (current.startsWith('agent:') && !agents.some((o) => o.value === current))
    agents.push({ value: current, label: 'Another agent' });
  if (current.startsWith('team:') && !teamOptions.some((o) => o.value === current))
    teamOptions.push({ value: current, label: 'A deleted team' });
  return { agents, teams: teamOptions };
}

interface Props {
  conversation: Conversation;
  colleagues: readonly Colleague[];
  teams: readonly Pick<Team, 'id' | 'name'>[];
  disabled: boolean;
  onChoose: (body: AssigneeBody) => void;
}

export function AssigneePicker({ conversation, colleagues, teams, disabled, onChoose }: Props) {
  const [search, setSearch] = useState('');
  const current = currentChoice(conversation);
  const groups = assigneeGroups(colleagues, teams, current, search);
  const q = search.trim().toLowerCase();
  const nothing =
    q !== '' && ![...groups.agents, ...groups.teams].some((o) => o.label.toLowerCase().includes(q));
  return (
    <div class="assignee-picker">
      <input
        type="search"
        class="input assignee-picker__search"
        aria-label="Search assignees"
        placeholder="Search assignees"
        value={search}
        disabled={disabled}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      <Field
        class="field--inline"
        label="Assignee"
        hint={nothing ? 'No agent or team has that name.' : undefined}
      >
        {(control) => (
          <select
            class="input"
            {...control}
            disabled={disabled}
            value={current}
            onChange={(e) => {
              const choice = e.currentTarget.value;
              if (choice !== current) onChoose(assigneeBody(choice));
            }}
          >
            <option value="">Unassigned</option>
            {groups.agents.length > 0 && (
              <optgroup label="Agents">
                {groups.agents.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
            {groups.teams.length > 0 && (
              <optgroup label="Teams">
                {groups.teams.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
    </div>
  );
}
