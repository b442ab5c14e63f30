import type { RecordKind } from '@livechat/shared/model';

/** The tabs of the Leads page; `kind` null is both. */
export const RECORD_FILTERS: readonly {
  id: string;
  label: string;
  kind: RecordKind | null;
  /** What the table of this tab is called. */
  tableName: string;
  empty: string;
}[] = [
  { id: 'leads', label: 'Leads', kind: 'lead', tableName: 'Leads', empty: 'No leads yet.' },
  { id: 'deals', label: 'Deals', kind: 'deal', tableName: 'Deals', empty: 'No deals yet.' },
  { id: 'all', label: 'All', kind: null, tableName: 'Leads and deals', empty: 'No leads or deals yet.' },
];

export type RecordFilter = (typeof RECORD_FILTERS)[number];

/** Both kinds at first: whatever an agent created shows without a click. */
export const DEFAULT_FILTER: RecordFilter = RECORD_FILTERS[2]!;
