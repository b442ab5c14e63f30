// Outbound webhooks: admins register URLs for events; events go through an outbox in the database (written in the
// transaction of the change) and a dispatcher sends them signed, with retries, keeping a delivery log.
import { WEBHOOK_EVENTS, type Webhook, type WebhookDelivery, type WebhookEvent } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { DomainError, notFound } from '../errors.js';
import type { Store } from '../store.js';
import type { WriteUnit } from '../timeline.js';
import { newId } from '../tokens.js';
import { createDispatcher, DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from './dispatcher.js';
import { newWebhookSecret } from './signature.js';
import { createAddressGuard, isObviouslyInternal, type AddressGuardOptions } from './address-guard.js';
import { createHttpPost } from './http-post.js';

export { verifySignature, sign, SIGNATURE_HEADER } from './signature.js';
export type { DispatcherOptions } from './dispatcher.js';

export interface WebhookServiceOptions {
  now: () => number;
  onError: (err: unknown) => void;
  /** Delivery tuning (poll interval, backoff, timeouts, concurrency); realistic defaults. */
  delivery?: Partial<DispatcherOptions>;
  /** Allow URLs on loopback and private networks (off by default: see address-guard.ts). */
  allowPrivateNetworks?: boolean;
  /** The guard's resolver and this host's addresses (tests inject them). */
  addresses?: AddressGuardOptions;
  /** Full detail of failed attempts, for the debug log. */
  onDebug?: (detail: Record<string, unknown>, message: string) => void;
}

export interface NewWebhook {
  url: string;
  events: WebhookEvent[];
}
export type WebhookChange = Partial<NewWebhook & { active: boolean }>;

/** The delivery log shows a webhook's newest deliveries, at most this many. */
export const DELIVERY_LOG_LIMIT = 100;

/** Each event once, in catalogue order. */
const normalize = (events: readonly WebhookEvent[]): WebhookEvent[] =>
  WEBHOOK_EVENTS.filter((e) => events.includes(e));

export function createWebhookService(
  store: Store,
  {
    now,
    onError,
    onDebug,
    delivery = {},
    allowPrivateNetworks = false,
    addresses = {},
  }: WebhookServiceOptions,
) {
  const guard = allowPrivateNetworks ? null : createAddressGuard(addresses);
  const dispatcher = createDispatcher(
    { store, now, onError, ...(onDebug && { onDebug }) },
    { ...DEFAULT_DISPATCHER_OPTIONS, post: createHttpPost(guard), ...delivery },
  );

  const checkUrl = (url: string | undefined): void => {
    if (url !== undefined && guard && isObviouslyInternal(url, guard))
      throw new DomainError(
        ErrorCode.InvalidRequest,
        'Webhook URLs must be on the public internet (the server can allow internal ones with WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true).',
        // Shown beside the Endpoint URL field, not as a message about the whole form.
        'url',
      );
  };

  const webhook = async (id: string): Promise<Webhook> => {
    const found = await store.webhooks.byId(id);
    if (!found) throw notFound('Webhook');
    return found;
  };

  return {
    list: (): Promise<Webhook[]> => store.webhooks.all(),

    /** The secret is returned here and never again. */
    async create({ url, events }: NewWebhook): Promise<{ webhook: Webhook; secret: string }> {
      checkUrl(url);
      const created: Webhook = {
        id: newId(),
        url,
        events: normalize(events),
        active: true,
        createdAt: now(),
      };
      const secret = newWebhookSecret();
      await store.transaction(() => store.webhooks.insert(created, secret));
      return { webhook: created, secret };
    },

    async update(id: string, change: WebhookChange): Promise<Webhook> {
      checkUrl(change.url);
      const updated = await store.transaction(async () => {
        const next: Webhook = { ...(await webhook(id)), ...change };
        if (change.events) next.events = normalize(change.events);
        await store.webhooks.update(next);
        return next;
      });
      // Switched on again: what waited while it was off is due.
      if (updated.active) dispatcher.kick();
      return updated;
    },

    /** Deletes the webhook with its delivery log; nothing pending is sent any more. */
    async remove(id: string): Promise<void> {
      if (!(await store.transaction(() => store.webhooks.remove(id)))) throw notFound('Webhook');
    },

    /** The newest deliveries of a webhook, newest first. */
    async deliveries(id: string): Promise<WebhookDelivery[]> {
      await webhook(id);
      return store.webhooks.deliveries(id, DELIVERY_LOG_LIMIT);
    },

    /** Sends a failed delivery once more (same id and body); if that attempt fails too it is failed again. */
    async retry(id: string, deliveryId: string): Promise<WebhookDelivery> {
      const requeued = await store.transaction(async () => {
        await webhook(id);
        const found = await store.webhooks.delivery(id, deliveryId);
        if (!found) throw notFound('Delivery');
        if (found.status !== 'failed') {
          throw new DomainError(
            ErrorCode.Conflict,
            `Only failed deliveries can be retried; this one is ${found.status}.`,
          );
        }
        await store.webhooks.requeue(id, deliveryId, now());
        return (await store.webhooks.delivery(id, deliveryId))!;
      });
      dispatcher.kick();
      return requeued;
    },

    /**
     * Records `event` for every active webhook subscribed to it. Call inside the transaction that made the
     * change (an outbox), so an event is sent if and only if its change was committed. `data` must be JSON.
     * `unit`: the caller's unit of work, so the dispatcher looks right after its COMMIT.
     */
    async enqueue(
      event: WebhookEvent,
      data: Record<string, unknown>,
      unit?: Pick<WriteUnit, 'afterCommit'>,
    ): Promise<void> {
      await store.transaction(async () => {
        const createdAt = now();
        for (const webhookId of await store.webhooks.subscribed(event)) {
          const id = newId();
          // The exact bytes every attempt sends (and signs), so a retry is the same request.
          const body = JSON.stringify({ id, event, createdAt, data });
          await store.webhooks.insertDelivery({ id, webhookId, event, body, createdAt });
        }
      });
      // Sent right after the caller's transaction commits (a rolled-back one left nothing to find). Without the
      // unit the dispatcher looks at once: on SQLite its reads wait for the open transaction to end; on PostgreSQL
      // they do not see it yet, and the next poll sends the delivery.
      if (unit) unit.afterCommit(() => dispatcher.kick());
      else dispatcher.kick();
    },

    /** Starts delivering (and re-delivering what was pending at the last stop). */
    start: (): void => dispatcher.start(),
    /** Stops polling and waits a few seconds for requests in flight; what is cut off stays pending. */
    stop: (): Promise<void> => dispatcher.stop(),
    /** Changes delivery tuning at run time (tests use short backoffs and poll intervals). */
    configure: (change: Partial<DispatcherOptions>): void => dispatcher.configure(change),
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
