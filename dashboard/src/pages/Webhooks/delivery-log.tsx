import type { WebhookDelivery } from '@livechat/shared/api';
import { webhooksApi } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';
import { formatFull } from '../../components/format-time.js';

interface Props {
  webhookId: string;
  url: string;
  id: string;
}

const STATUS_BADGE: Record<WebhookDelivery['status'], { label: string; class: string }> = {
  pending: { label: 'Pending', class: 'badge badge--waiting' },
  succeeded: { label: 'Succeeded', class: 'badge badge--open' },
  failed: { label: 'Failed', class: 'badge badge--missed' },
};

const COLUMNS = [
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

/** The webhook's newest deliveries, newest first, as the server logged them. */
export function DeliveryLog({ webhookId, url, id }: Props) {
  const { state, reload } = useLoad(() => webhooksApi.deliveries(webhookId), [webhookId]);
  return (
    <div class="deliveries" id={id}>
      <div class="deliveries__bar">
        <h3 class="deliveries__title">Deliveries</h3>
        <button type="button" class="button button--small" onClick={reload}>
          Refresh<span class="visually-hidden"> deliveries for {url}</span>
        </button>
      </div>
      {state.status === 'loading' && <p class="empty">Loading…</p>}
      {state.status === 'error' && (
        <p class="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.data.length === 0 && <p class="empty">No deliveries yet.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <table class="table" aria-label={`Deliveries for ${url}`}>
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
            {state.data.map((d) => (
              <tr key={d.id}>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
