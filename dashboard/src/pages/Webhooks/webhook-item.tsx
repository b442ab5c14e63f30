import type { Webhook } from '@livechat/shared/api';
import { useId, useState } from 'preact/hooks';
import { CheckboxField } from '../../components/checkbox-field.js';
import { DeliveryLog } from './delivery-log.js';

interface Props {
  webhook: Webhook;
  /** Resolve when done; a failure is reported by the page. */
  onSetActive: (active: boolean) => Promise<void>;
  onDelete: () => Promise<void>;
}

export function WebhookItem({ webhook: w, onSetActive, onDelete }: Props) {
  const [busy, setBusy] = useState(false);
  /** The switch shows the agent's choice at once; it goes back if the server refuses it. */
  const [activeShown, setActiveShown] = useState<boolean | null>(null);
  const [showDeliveries, setShowDeliveries] = useState(false);
  const logId = useId();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={w.active ? 'webhook' : 'webhook webhook--inactive'}>
      <div class="webhook__head">
        <span class="webhook__url">{w.url}</span>
        <div class="webhook__actions">
          <CheckboxField
            checked={activeShown ?? w.active}
            disabled={busy}
            ariaLabel={`Active ${w.url}`}
            onValue={(active) => {
              setActiveShown(active);
              void run(() => onSetActive(active)).finally(() => setActiveShown(null));
            }}
          >
            Active
          </CheckboxField>
          <button
            type="button"
            class="button button--small"
            aria-expanded={showDeliveries}
            aria-controls={logId}
            onClick={() => setShowDeliveries((s) => !s)}
          >
            {showDeliveries ? 'Hide deliveries' : 'Show deliveries'}
            <span class="visually-hidden"> for {w.url}</span>
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => void run(onDelete)}
          >
            Delete<span class="visually-hidden"> {w.url}</span>
          </button>
        </div>
      </div>
      <div class="webhook__events">
        {w.events.map((e) => (
          <code key={e} class="webhook__event">
            {e}
          </code>
        ))}
      </div>
      {showDeliveries && <DeliveryLog webhookId={w.id} url={w.url} id={logId} />}
    </li>
  );
}
