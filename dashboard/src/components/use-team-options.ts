import { teamsApi } from '../api/index.js';
import type { SelectOption } from './select-field.js';
import { useLoad } from './use-load.js';

/**
 * The choices of where chats go: everyone's Unassigned ('') and every team's queue. The chosen team keeps a row
 * while the teams load, and once it is deleted, so the choice shows what is saved.
 */
export function useTeamOptions(chosen: string): SelectOption<string>[] {
  const teams = useLoad(() => teamsApi.list(), []).state;
  const known = teams.status === 'ready' ? teams.data : [];
  const options = [
    { value: '', label: 'Everyone (Unassigned)' },
    ...known.map((t) => ({ value: t.id, label: t.name })),
  ];
  if (chosen && !known.some((t) => t.id === chosen))
    options.push({ value: chosen, label: teams.status === 'ready' ? 'A deleted team' : 'Loading…' });
  return options;
}
