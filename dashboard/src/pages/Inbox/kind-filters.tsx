// Channel, Team and Type: the list's filters by what a conversation is (see ConversationTypeSchema for the types).
import type { Team } from '@livechat/shared/api';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import type { ListFilters } from '../../state/list-filters.js';

interface Props {
  filters: ListFilters;
  teams: readonly Team[];
  onFilters: (patch: Partial<ListFilters>) => void;
}

const CHANNEL_OPTIONS: readonly SelectOption<ListFilters['channel']>[] = [
  { value: '', label: 'Any' },
  { value: 'web', label: 'Web chat' },
  { value: 'sms', label: 'SMS' },
];

const TYPE_OPTIONS: readonly SelectOption<ListFilters['type']>[] = [
  { value: '', label: 'Any' },
  { value: 'bot', label: 'Bot only' },
  { value: 'live', label: 'Live chat' },
  { value: 'sms', label: 'SMS from the contact' },
  { value: 'agent_started', label: 'Started by an agent' },
];

/** Any team, none, or one; a team named in a link that is not (or no longer) there still shows as chosen. */
export function teamChoices(teams: readonly Team[], chosen: string): SelectOption<string>[] {
  const options = [
    { value: '', label: 'Any' },
    { value: 'none', label: 'No team' },
    ...teams.map((t) => ({ value: t.id, label: t.name })),
  ];
  if (chosen && !options.some((o) => o.value === chosen))
    options.push({ value: chosen, label: 'Unknown team' });
  return options;
}

export function KindFilters({ filters, teams, onFilters }: Props) {
  return (
    <>
      <SelectField
        class="field--compact"
        label="Channel"
        value={filters.channel}
        options={CHANNEL_OPTIONS}
        onValue={(channel) => onFilters({ channel })}
      />
      <SelectField
        class="field--compact"
        label="Type"
        value={filters.type}
        options={TYPE_OPTIONS}
        onValue={(type) => onFilters({ type })}
      />
      <SelectField
        class="field--compact"
        label="Team"
        value={filters.teamId}
        options={teamChoices(teams, filters.teamId)}
        onValue={(teamId) => onFilters({ teamId })}
      />
    </>
  );
}
