// The list's search and filters in the URL's hash query (#/folder/unassigned?channel=sms&team=t1&type=live), so a
// filtered view can be shared and survives a reload. Parsing is forgiving: an unknown or malformed parameter is
// ignored, never an error (the link came from someone else, or an older version).
import { NO_FILTERS, type ListFilters } from './list-filters.js';

type Check = (value: string) => boolean;

const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day: Check = (v) => DAY.test(v) && !Number.isNaN(new Date(`${v}T00:00:00`).getTime());
const text =
  (max: number): Check =>
  (v) =>
    v.trim().length > 0 && v.length <= max;

/** URL name and check of each filter, in the order they are written. */
const PARAMS: readonly [keyof ListFilters, string, Check][] = [
  ['q', 'q', text(100)],
  ['status', 'status', oneOf('open', 'closed')],
  ['assigneeId', 'assignee', text(100)],
  ['channel', 'channel', oneOf('web', 'sms')],
  ['teamId', 'team', text(100)],
  ['type', 'type', oneOf('bot', 'live', 'sms', 'agent_started')],
  ['tag', 'tag', text(32)],
  ['attribute', 'attribute', text(40)],
  ['attributeValue', 'value', text(500)],
  ['createdFrom', 'createdFrom', day],
  ['createdTo', 'createdTo', day],
  ['from', 'from', day],
  ['to', 'to', day],
];

/** The filters a hash query names (the others empty); null when there is no query at all. */
export function filtersFromQuery(query: string | null): ListFilters | null {
  if (query === null) return null;
  const params = new URLSearchParams(query);
  const filters: Record<string, string> = { ...NO_FILTERS };
  for (const [key, name, valid] of PARAMS) {
    const value = params.get(name);
    if (value !== null && valid(value)) filters[key] = value;
  }
  return filters as unknown as ListFilters;
}

/** The hash query for the filters, without "?": "" when none is set. */
export function filterQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const [key, name] of PARAMS) if (filters[key] !== '') params.set(name, filters[key]);
  return params.toString();
}

/** Whether two sets of filters are the same. */
export const sameFilters = (a: ListFilters, b: ListFilters): boolean => filterQuery(a) === filterQuery(b);
