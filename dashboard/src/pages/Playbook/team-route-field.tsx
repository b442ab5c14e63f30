import { useTeamOptions } from '../../components/use-team-options.js';
import { SelectInput } from './fields.js';

interface Props {
  fieldKey: string;
  /** '' for everyone's Unassigned. */
  value: string;
  onValue: (teamId: string) => void;
}

/** Where the Live Chat card hands chats: everyone's Unassigned, or a team's queue (where its routing applies). */
export function TeamRouteField({ fieldKey, value, onValue }: Props) {
  return (
    <SelectInput
      fieldKey={fieldKey}
      label="Route to team"
      hint="The team whose queue gets the chat; its automatic assignment applies."
      value={value}
      options={useTeamOptions(value)}
      onValue={onValue}
    />
  );
}
