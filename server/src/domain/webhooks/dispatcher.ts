// Sends the outbox: polls for due deliveries, POSTs each one signed, records the outcome, and schedules retries.
//
// Delivery is AT LEAST ONCE. A delivery is marked succeeded only after its receiver answered 2xx, in a write after
// the response. If the process dies (or stop() has to abort a request) between the receiver's 2xx and that write,
// the delivery is still pending and is sent again after the next start, with the same id and body. Receivers
// dedupe by the delivery id (`x-livechat-delivery`, the payload's `id`). A recorded success is never sent again.
import type { Store } from '../../store/index.js';
import type { DueDelivery } from '../../store/webhooks.js';
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.js';
import { RefusedAddressError } from './address-guard.js';
import type { Post } from './http-post.js';
import { SIGNATURE_HEADER, sign } from './signature.js';

export interface DispatcherOptions extends BackoffOptions {
  /** How often the outbox is read for due deliveries (new ones are also picked up right after their commit). */
  pollIntervalMs: number;
  /** Each request is abandoned (and retried later) after this long. */
  requestTimeoutMs: number;
  /** Requests in flight at most, over all webhooks. */
  concurrency: number;
  /** Requests in flight at most per webhook, so one slow receiver cannot take every slot. */
  perWebhookConcurrency: number;
  /** stop() waits this long for requests in flight, then aborts them (they stay pending). */
  stopTimeoutMs: number;
  /** Finished deliveries are deleted from the log after this long. */
  retentionMs: number;
  /** The transport; the webhook service gives the guarded one (see http-post.ts), tests a fake. */
  post: Post;
  random: () => number;
}

export const DEFAULT_DISPATCHER_OPTIONS: Omit<DispatcherOptions, 'post'> = {
  ...DEFAULT_BACKOFF,
  pollIntervalMs: 2000,
  requestTimeoutMs: 10_000,
  concurrency: 8,
  perWebhookConcurrency: 2,
  stopTimeoutMs: 5000,
  retentionMs: 30 * 24 * 3_600_000,
  random: Math.random,
};

const USER_AGENT = 'LiveChat-Webhooks/1';
const PRUNE_EVERY_MS = 3_600_000;

interface Deps {
  store: Store;
  now: () => number;
  onError: (err: unknown) => void;
  /** Why an attempt failed, in full (errno, address, port): debug level only, never in the delivery log. */
  onDebug?: (detail: Record<string, unknown>, message: string) => void;
}

export function createDispatcher({ store, now, onError, onDebug }: Deps, initial: DispatcherOptions) {
  let options = initial;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let kickScheduled = false;
  let lastPrune = 0;
  let abort = new AbortController();
  /** Requests in flight, by delivery id (a delivery is never sent twice at once). */
  const inflight = new Map<string, { webhookId: string; done: Promise<void> }>();

  const busy = (webhookId: string) => {
    let n = 0;
    for (const f of inflight.values()) if (f.webhookId === webhookId) n++;
    return n;
  };

  function poll(): void {
    if (!running) return;
    try {
      const at = now();
      if (at - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = at;
        store.webhooks.prune(at - options.retentionMs);
      }
      for (const webhookId of store.webhooks.dueWebhooks(at)) {
        if (inflight.size >= options.concurrency) break;
        const room = Math.min(
          options.perWebhookConcurrency - busy(webhookId),
          options.concurrency - inflight.size,
        );
        if (room <= 0) continue;
        // Read past the ones already in flight (they are still pending in the store).
        const due = store.webhooks.due(webhookId, at, room + options.perWebhookConcurrency);
        for (const delivery of due.filter((d) => !inflight.has(d.id)).slice(0, room)) launch(delivery);
      }
    } catch (err) {
      onError(err);
    }
  }

  function launch(delivery: DueDelivery): void {
    const done = attempt(delivery)
      .catch(onError)
      .finally(() => {
        inflight.delete(delivery.id);
        kick(); // a slot is free: a backlog drains at the concurrency limit, not one poll at a time
      });
    inflight.set(delivery.id, { webhookId: delivery.webhookId, done });
  }

  async function attempt(delivery: DueDelivery): Promise<void> {
    const { requestTimeoutMs } = options;
    const timestamp = Math.floor(now() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    try {
      statusCode = await options.post({
        url: delivery.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'x-livechat-event': delivery.event,
          'x-livechat-delivery': delivery.id,
          [SIGNATURE_HEADER]: sign(delivery.secret, timestamp, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.any([timeout, abort.signal]),
      });
      // A redirect (3xx) is a failure the admin should see, not something to follow to wherever it points.
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (err) {
      error = describe(err, timeout);
      onDebug?.({ err, deliveryId: delivery.id, url: delivery.url }, 'webhook delivery attempt failed');
    }
    // Aborted by stop(): the store may be closing. The delivery stays pending and goes out after the next start.
    if (abort.signal.aborted) return;
    const attempts = delivery.attempts + 1;
    if (error === null && statusCode !== null) {
      store.webhooks.markSucceeded(delivery.id, attempts, statusCode, now());
      return;
    }
    const delay = retryDelay(attempts, options, options.random);
    store.webhooks.markAttemptFailed(
      delivery.id,
      attempts,
      statusCode,
      error ?? 'failed',
      delay === null ? null : now() + delay,
    );
  }

  function loop(): void {
    poll();
    if (running) timer = setTimeout(loop, options.pollIntervalMs).unref();
  }

  /** Polls soon (after the current transaction, if any, has committed or rolled back). */
  function kick(): void {
    if (!running || kickScheduled) return;
    kickScheduled = true;
    setImmediate(() => {
      kickScheduled = false;
      poll();
    });
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      abort = new AbortController();
      // Whatever was pending at the last stop (or crash) is due now, or at its retry time.
      loop();
    },
    kick,
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      if (inflight.size > 0) {
        let wait: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all([...inflight.values()].map((f) => f.done)),
          new Promise<void>((resolve) => (wait = setTimeout(resolve, options.stopTimeoutMs))),
        ]);
        clearTimeout(wait);
      }
      abort.abort();
      await Promise.all([...inflight.values()].map((f) => f.done));
    },
    /** Changes options from now on; the poll interval at the next tick. */
    configure(change: Partial<DispatcherOptions>): void {
      options = { ...options, ...change };
      if (running && change.pollIntervalMs !== undefined) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(loop, options.pollIntervalMs).unref();
      }
    },
  };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;

/**
 * A coarse reason for the delivery log, which admins read: no errno, address or port, so the log cannot be used to
 * map which internal hosts and ports answer.
 */
function describe(err: unknown, timeout: AbortSignal): string {
  if (err instanceof RefusedAddressError) return 'refused: address not allowed';
  if (timeout.aborted) return 'timed out';
  return 'connection failed';
}
