import type { WebhookDelivery } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { webhooksApi, errorMessage } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';
import { DELIVERY_COLUMNS, DeliveryRow } from './delivery-row.js';

interface Props {
  webhookId: string;
  url: string;
  id: string;
}

/** The webhook's newest deliveries, newest first, as the server logged them; a failed one can be sent again. */
export function DeliveryLog({ webhookId, url, id }: Props) {
  const { state, reload, setData } = useLoad(() => webhooksApi.deliveries(webhookId), [webhookId]);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);

  const retry = async (deliveries: WebhookDelivery[], deliveryId: string) => {
    setRetrying(deliveryId);
    setRetryError(null);
    try {
      const updated = await webhooksApi.retryDelivery(webhookId, deliveryId);
      setData(deliveries.map((d) => (d.id === updated.id ? updated : d)));
    } catch (err) {
      setRetryError(errorMessage(err));
    } finally {
      setRetrying(null);
    }
  };

  return (
    <div class="deliveries" id={id}>
      <div class="deliveries__bar">
        <h3 class="deliveries__title">Deliveries</h3>
        <button type="button" class="button button--small" onClick={reload}>
          Refresh<span class="visually-hidden"> deliveries for {url}</span>
        </button>
      </div>
      {state.status === 'loading' && <p class="empty">Loading…</p>}
      {(state.status === 'error' || retryError) && (
        <p class="form-error" role="alert">
          {state.status === 'error' ? state.message : retryError}
        </p>
      )}
      {state.status === 'ready' && state.data.length === 0 && <p class="empty">No deliveries yet.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <table class="table" aria-label={`Deliveries for ${url}`}>
          <thead>
            <tr>
              {DELIVERY_COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((d) => (
              <DeliveryRow
                key={d.id}
                delivery={d}
                busy={retrying !== null}
                onRetry={() => void retry(state.data, d.id)}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
