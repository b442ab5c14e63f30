import type { WebhookDelivery } from '@livechat/shared/api';
import { formatFull } from '../../components/format-time.js';

const STATUS_BADGE: Record<WebhookDelivery['status'], { label: string; class: string }> = {
  pending: { label: 'Pending', class: 'badge badge--waiting' },
  succeeded: { label: 'Succeeded', class: 'badge badge--open' },
  failed: { label: 'Failed', class: 'badge badge--missed' },
};

export const DELIVERY_COLUMNS = [
  'Event',
  'Status',
  'Attempts',
  'Last response',
  'Last error',
  'Next attempt',
  'Created',
  'Delivered',
];

const when = (ts: number | null) => (ts === null ? '—' : formatFull(ts));

interface Props {
  delivery: WebhookDelivery;
  busy: boolean;
  /** Offered for a failed delivery only. */
  onRetry: () => void;
}

export function DeliveryRow({ delivery: d, busy, onRetry }: Props) {
  return (
    <tr>
      <td>
        <code>{d.event}</code>
      </td>
      <td>
        <span class={STATUS_BADGE[d.status].class}>{STATUS_BADGE[d.status].label}</span>
      </td>
      <td>{d.attempts}</td>
      <td>{d.lastStatusCode === null ? '—' : `HTTP ${d.lastStatusCode}`}</td>
      <td class="pre-wrap">{d.lastError ?? '—'}</td>
      <td>{d.status === 'pending' ? when(d.nextAttemptAt) : '—'}</td>
      <td>{when(d.createdAt)}</td>
      <td>{when(d.deliveredAt)}</td>
      <td class="table__actions">
        {d.status === 'failed' && (
          <button type="button" class="button button--small" disabled={busy} onClick={onRetry}>
            Retry
            <span class="visually-hidden">
              {' '}
              {d.event} delivery of {when(d.createdAt)}
            </span>
          </button>
        )}
      </td>
    </tr>
  );
}
