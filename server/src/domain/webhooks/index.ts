// Outbound webhooks. TODO(helper): outbox in the store, signed delivery with retries and backoff, delivery log.
import type { WebhookEvent } from '@livechat/shared/api';
import type { Store } from '../../store/index.js';

export interface WebhookServiceOptions {
  now: () => number;
  onError: (err: unknown) => void;
}

export function createWebhookService(_store: Store, _options: WebhookServiceOptions) {
  return {
    /**
     * Records `event` for every active webhook subscribed to it. Call inside the transaction that made the
     * change (an outbox), so an event is sent if and only if its change was committed.
     */
    enqueue(_event: WebhookEvent, _data: Record<string, unknown>): void {},
    /** Starts delivering (and re-delivering what was pending at the last stop). */
    start(): void {},
    stop(): Promise<void> {
      return Promise.resolve();
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
