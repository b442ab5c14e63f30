import type { Team } from '@livechat/shared/api';
import type { ConversationStatus } from '@livechat/shared/model';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Colleague } from '../../api/index.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import type { FolderId, InboxViewer } from '../../state/folders.js';
import { clearedFilters, hasFilters, usableFilters, type ListFilters } from '../../state/list-filters.js';
import { ContactFilters } from './contact-filters.js';
import { DateRangeFilters } from './date-range-filters.js';
import { KindFilters } from './kind-filters.js';
import { SEARCH_DELAY_MS } from './search-delay.js';

export { SEARCH_DELAY_MS };

interface Props {
  folder: FolderId;
  filters: ListFilters;
  viewer: InboxViewer;
  colleagues: readonly Colleague[];
  teams: readonly Team[];
  onFilters: (filters: ListFilters) => void;
}

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
export function ListFiltersBar({ folder, filters, viewer, colleagues, teams, onFilters }: Props) {
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
        <KindFilters filters={filters} teams={teams} onFilters={set} />
        <ContactFilters filters={filters} onFilters={set} />
        <DateRangeFilters filters={filters} onFilters={set} />
      </div>
      {hasFilters(filters) && (
        <button
          type="button"
          class="button button--small list-filters__clear"
          onClick={() => onFilters(clearedFilters(filters))}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
