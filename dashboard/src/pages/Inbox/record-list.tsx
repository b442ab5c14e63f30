import type { CrmRecord } from '@livechat/shared/model';
import { formatMoney } from '../Leads/format-record.js';

interface Props {
  records: readonly CrmRecord[];
  loading: boolean;
  error: string | null;
}

/** "Lead: Acme" or "Deal: Acme deal — €1,250.00". */
export function recordLabel(r: CrmRecord): string {
  if (r.kind === 'lead') return `Lead: ${r.title}`;
  return r.value ? `Deal: ${r.title} — ${formatMoney(r.value)}` : `Deal: ${r.title}`;
}

/** The leads and deals created from this conversation, oldest first. */
export function RecordList({ records, loading, error }: Props) {
  return (
    <div class="records">
      <h3 class="side__heading">Leads and deals</h3>
      {error && <p class="form-error">{error}</p>}
      {!error && records.length === 0 && <p class="muted">{loading ? 'Loading…' : 'None yet.'}</p>}
      {records.length > 0 && (
        <ul class="records__list" aria-label="Leads and deals">
          {records.map((r) => (
            <li key={r.id} class={`records__item records__item--${r.kind}`}>
              {recordLabel(r)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
