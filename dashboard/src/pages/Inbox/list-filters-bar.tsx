import type { ConversationStatus } from '@livechat/shared/model';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Colleague } from '../../api/index.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import type { FolderId, InboxViewer } from '../../state/folders.js';
import { usableFilters, type ListFilters } from '../../state/list-filters.js';

interface Props {
  folder: FolderId;
  filters: ListFilters;
  viewer: InboxViewer;
  colleagues: readonly Colleague[];
  onFilters: (filters: ListFilters) => void;
}

/** Typing pauses this long before the list is asked again (ms). */
export const SEARCH_DELAY_MS = 300;

const STATUS_OPTIONS: readonly SelectOption<ConversationStatus | ''>[] = [
  { value: '', label: 'Any' },
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

/**
 * "Assigned to" offers only what the viewer can see: an agent sees unassigned chats and their own, never a
 * colleague's; an admin sees everyone's.
 */
export function assigneeChoices(
  viewer: InboxViewer,
  colleagues: readonly Colleague[],
): SelectOption<string>[] {
  const anyone = { value: '', label: 'Anyone' };
  const nobody = { value: 'none', label: 'Unassigned' };
  if (viewer.role !== 'admin') return [anyone, { value: viewer.id, label: 'Me' }, nobody];
  return [anyone, nobody, ...colleagues.map((c) => ({ value: c.id, label: c.name }))];
}

/**
 * Search and filters above the list. A search looks in every folder; the other filters narrow the folder (or the
 * search), and only those that can change it are offered (see `usableFilters`).
 */
export function ListFiltersBar({ folder, filters, viewer, colleagues, onFilters }: Props) {
  const [text, setText] = useState(filters.q);
  const set = (patch: Partial<ListFilters>) => onFilters({ ...filters, ...patch });
  const usable = usableFilters(folder, filters);

  // The search was cleared elsewhere (a folder tab was picked): the box follows.
  useEffect(() => {
    if (filters.q === '') setText('');
  }, [filters.q]);

  // The search applies once typing pauses; live list updates re-rendering meanwhile do not postpone it.
  const latest = useRef({ filters, onFilters });
  latest.current = { filters, onFilters };
  useEffect(() => {
    if (text === latest.current.filters.q) return;
    const timer = setTimeout(() => {
      const current = latest.current;
      current.onFilters({ ...current.filters, q: text });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <form
      class="list-filters"
      role="search"
      aria-label="Search and filters"
      onSubmit={(e) => {
        e.preventDefault();
        set({ q: text });
      }}
    >
      <input
        type="search"
        class="input list-filters__search"
        aria-label="Search conversations"
        placeholder="Search: #12, name or email"
        maxLength={100}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="list-filters__row">
        {usable.status && (
          <SelectField
            class="field--compact"
            label="Status"
            value={filters.status}
            options={STATUS_OPTIONS}
            onValue={(status) => set({ status })}
          />
        )}
        {usable.assignee && (
          <SelectField
            class="field--compact"
            label="Assigned to"
            value={filters.assigneeId}
            options={assigneeChoices(viewer, colleagues)}
            onValue={(assigneeId) => set({ assigneeId })}
          />
        )}
        <TextField
          class="field--compact"
          label="From"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onValue={(from) => set({ from })}
        />
        <TextField
          class="field--compact"
          label="To"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onValue={(to) => set({ to })}
        />
      </div>
    </form>
  );
}
