import type { Agent } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import type { WebhookInput } from '../../api/index.js';
import { AdminOnly } from '../../components/admin-only.js';
import { AddWebhookForm } from './add-webhook-form.js';
import { SigningSecretBox } from './signing-secret-box.js';
import { WebhookItem } from './webhook-item.js';
import { useWebhooks } from './use-webhooks.js';
import { errorMessage } from '../../api/index.js';

export function WebhooksPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title="Webhooks" refusal="Only admins can manage webhooks.">
      <WebhooksAdmin />
    </AdminOnly>
  );
}

function WebhooksAdmin() {
  const { webhooks, loading, loadError, create, setActive, remove } = useWebhooks();
  /** The secret of the webhook just created; the server never shows it again. */
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const add = async (input: WebhookInput) => {
    const { webhook, secret } = await create(input);
    setCreated({ url: webhook.url, secret });
  };

  /** Runs a row's change; its failure is shown above the list, naming the webhook. */
  const guarded = async (url: string, action: () => Promise<void>) => {
    setRowError(null);
    try {
      await action();
    } catch (err) {
      setRowError(`${url}: ${errorMessage(err)}`);
    }
  };

  const problem = loadError ?? rowError;
  return (
    <main class="page">
      <h1 class="page__title">Webhooks</h1>
      <AddWebhookForm onCreate={add} />
      {created && (
        <SigningSecretBox url={created.url} secret={created.secret} onDone={() => setCreated(null)} />
      )}
      <section class="card" aria-labelledby="webhooks-title">
        <h2 class="card__title" id="webhooks-title">
          Endpoints
        </h2>
        {problem && (
          <p class="form-error" role="alert">
            {problem}
          </p>
        )}
        {loading && <p class="empty">Loading…</p>}
        {!loading && !loadError && webhooks.length === 0 && <p class="empty">No webhooks yet.</p>}
        {webhooks.length > 0 && (
          <ul class="webhooks" aria-labelledby="webhooks-title">
            {webhooks.map((w) => (
              <WebhookItem
                key={w.id}
                webhook={w}
                onSetActive={(active) => guarded(w.url, () => setActive(w.id, active))}
                onDelete={() => guarded(w.url, () => remove(w.id))}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
