// The add form's own check, with the server's schema, so it refuses exactly what the server would.
import { CreateWebhookBodySchema } from '@livechat/shared/api';
import type { WebhookInput } from '../../api/index.js';

export type WebhookField = 'url' | 'events';
export const WEBHOOK_FIELDS: readonly WebhookField[] = ['url', 'events'];
export type WebhookErrors = Partial<Record<WebhookField, string>>;

export type WebhookCheck = { ok: true; input: WebhookInput } | { ok: false; errors: WebhookErrors };

/** The schema's own messages ("Choose at least one event."), the first per field. */
export function checkWebhook(input: WebhookInput): WebhookCheck {
  const parsed = CreateWebhookBodySchema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: WebhookErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'url' || field === 'events') && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
