import type { WebhookEvent } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import type { WebhookInput } from '../../api/index.js';
import { TextField } from '../../components/text-field.js';
import { CheckboxField } from '../../components/checkbox-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields } from '../../components/form-errors.js';
import { WEBHOOK_FIELDS, checkWebhook, type WebhookField } from './check-webhook.js';
import { EVENT_HINTS, WEBHOOK_EVENTS } from './webhook-events.js';

interface Props {
  /** Throws the server's refusal, which the form shows. */
  onCreate: (input: WebhookInput) => Promise<void>;
}

const blank: WebhookInput = { url: '', events: [] };

export function AddWebhookForm({ onCreate }: Props) {
  const [form, setForm] = useState<WebhookInput>(blank);
  // This page's check and the server's refusals alike are shown next to their field.
  const {
    busy,
    error,
    fieldErrors: errors,
    submit,
    clearField,
  } = useFormSubmit(
    async () => {
      const check = checkWebhook(form);
      if (!check.ok) throw new InvalidFields<WebhookField>(check.errors);
      await onCreate(check.input);
      setForm(blank);
    },
    undefined,
    WEBHOOK_FIELDS,
  );

  const toggle = (event: WebhookEvent, on: boolean) => {
    setForm((f) => ({
      ...f,
      // Kept in the catalogue's order, whatever the order of the clicks.
      events: WEBHOOK_EVENTS.filter((e) => (e === event ? on : f.events.includes(e))),
    }));
    clearField('events');
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a webhook">
      <h2 class="card__title">Add a webhook</h2>
      <p class="muted">
        LiveChat sends a signed JSON POST to your endpoint when one of the chosen events happens, and retries
        with backoff until it answers 2xx.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <TextField
        label="Endpoint URL"
        type="url"
        placeholder="https://crm.example.com/livechat"
        autocomplete="off"
        spellcheck={false}
        error={errors.url}
        value={form.url}
        onValue={(url) => {
          setForm((f) => ({ ...f, url }));
          clearField('url');
        }}
      />
      <fieldset class="fieldset" aria-describedby={errors.events ? 'webhook-events-error' : undefined}>
        <legend class="field__label">Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <CheckboxField
            key={event}
            checked={form.events.includes(event)}
            hint={EVENT_HINTS[event]}
            onValue={(on) => toggle(event, on)}
          >
            <code>{event}</code>
          </CheckboxField>
        ))}
        {errors.events && (
          <span class="field__error" id="webhook-events-error">
            {errors.events}
          </span>
        )}
      </fieldset>
      <button class="button button--primary" type="submit" disabled={busy}>
        Add webhook
      </button>
    </form>
  );
}
