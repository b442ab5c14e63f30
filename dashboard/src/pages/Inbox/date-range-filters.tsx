// The list's two date ranges: when the conversation was created, and its last message (the last activity: a message,
// or a change such as an assignment). Calendar days in the agent's time zone, both ends included.
import { TextField } from '../../components/text-field.js';
import type { ListFilters } from '../../state/list-filters.js';

interface Props {
  filters: ListFilters;
  onFilters: (patch: Partial<ListFilters>) => void;
}

type Ends = ['createdFrom', 'createdTo'] | ['from', 'to'];

function DayRange({ filters, onFilters, ends, label }: Props & { ends: Ends; label: string }) {
  const [start, end] = ends;
  return (
    <>
      <TextField
        class="field--compact"
        label={`${label} from`}
        type="date"
        value={filters[start]}
        max={filters[end] || undefined}
        onValue={(day) => onFilters({ [start]: day })}
      />
      <TextField
        class="field--compact"
        label={`${label} to`}
        type="date"
        value={filters[end]}
        min={filters[start] || undefined}
        onValue={(day) => onFilters({ [end]: day })}
      />
    </>
  );
}

export function DateRangeFilters(props: Props) {
  return (
    <>
      <DayRange {...props} ends={['createdFrom', 'createdTo']} label="Created" />
      <DayRange {...props} ends={['from', 'to']} label="Last message" />
    </>
  );
}
