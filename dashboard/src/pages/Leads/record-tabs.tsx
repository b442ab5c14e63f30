import { RECORD_FILTERS, type RecordFilter } from './record-filter.js';

interface Props {
  selected: RecordFilter;
  /** The id of the panel the tabs control. */
  panelId: string;
  onSelect: (filter: RecordFilter) => void;
}

export function RecordTabs({ selected, panelId, onSelect }: Props) {
  return (
    <div class="tabs" role="tablist" aria-label="Show">
      {RECORD_FILTERS.map((f) => (
        <button
          key={f.id}
          type="button"
          role="tab"
          id={`${panelId}-${f.id}`}
          class="tabs__tab"
          aria-selected={f.id === selected.id}
          aria-controls={panelId}
          onClick={() => onSelect(f)}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
