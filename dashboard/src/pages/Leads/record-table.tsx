import type { CrmRecord } from '@livechat/shared/model';
import { RecordRow } from './record-row.js';

const COLUMNS = [
  'Type',
  'Title',
  'Value',
  'Expected close',
  'Contact',
  'Organization',
  'Conversation',
  'Created by',
  'Created',
];

export function RecordTable({ records, label }: { records: readonly CrmRecord[]; label: string }) {
  return (
    <table class="table records" aria-label={label}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <RecordRow key={r.id} record={r} />
        ))}
      </tbody>
    </table>
  );
}
