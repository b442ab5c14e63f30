// Sends the outbox: polls for due deliveries, POSTs each one signed, records the outcome, and schedules retries.
//
// Delivery is AT LEAST ONCE. A delivery is marked succeeded only after its receiver answered 2xx, in a write after
// the response. If the process dies (or stop() has to abort a request) between the receiver's 2xx and that write,
// the delivery is still pending and is sent again after the next start, with the same id and body. Receivers
// dedupe by the delivery id (`x-livechat-delivery`, the payload's `id`). A recorded success is never sent again.
// Several nodes share the outbox: each attempt is claimed first, so one node sends it.
import type { DueDelivery, Store } from '../store.js';
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
  /** The poll running now, if any: polls never overlap, so the concurrency limits hold. */
  let polling: Promise<void> | null = null;
  /** A poll was asked for while one ran: it runs again right after. */
  let pollAgain = false;
  let lastPrune = 0;
  let abort = new AbortController();
  /** Requests in flight, by delivery id (a delivery is never sent twice at once). */
  const inflight = new Map<string, { webhookId: string; done: Promise<void> }>();

  const busy = (webhookId: string) => {
    let n = 0;
    for (const f of inflight.values()) if (f.webhookId === webhookId) n++;
    return n;
  };

  /** Reads the due deliveries and launches as many as the limits allow; never rejects (errors go to onError). */
  function poll(): Promise<void> {
    if (polling) {
      pollAgain = true;
      return polling;
    }
    polling = (async () => {
      do {
        pollAgain = false;
        await pollOnce();
      } while (pollAgain && running);
    })().finally(() => {
      polling = null;
    });
    return polling;
  }

  async function pollOnce(): Promise<void> {
    if (!running) return;
    try {
      const at = now();
      if (at - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = at;
        await store.webhooks.prune(at - options.retentionMs);
      }
      for (const webhookId of await store.webhooks.dueWebhooks(at)) {
        if (inflight.size >= options.concurrency) break;
        const room = Math.min(
          options.perWebhookConcurrency - busy(webhookId),
          options.concurrency - inflight.size,
        );
        if (room <= 0) continue;
        // Read past the ones already in flight (they are still pending in the store). One that finishes while we
        // read may come back as it was before its outcome was recorded: skip it too (its end polls again anyway).
        const busyAtRead = new Set(inflight.keys());
        const due = await store.webhooks.due(webhookId, at, room + options.perWebhookConcurrency);
        // Stopped while reading: nothing new goes out.
        if (!running) return;
        const fresh = due.filter((d) => !busyAtRead.has(d.id) && !inflight.has(d.id));
        for (const delivery of fresh.slice(0, room)) launch(delivery);
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
    // Several nodes read the same outbox: one takes each attempt. Should it die mid-request, the delivery is due
    // again once the claim lapses (the request's timeout, with room for recording the outcome).
    const claimedUntil = now() + 2 * requestTimeoutMs;
    if (!(await store.webhooks.reschedule(delivery.id, delivery.nextAttemptAt, claimedUntil))) return;
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
    // Aborted by stop() (which waits for this before the store closes): the claim is given back, so the delivery
    // goes out at once after the next start, here or on another node.
    if (abort.signal.aborted) {
      await store.webhooks.reschedule(delivery.id, claimedUntil, delivery.nextAttemptAt);
      return;
    }
    const attempts = delivery.attempts + 1;
    if (error === null && statusCode !== null) {
      await store.webhooks.markSucceeded(delivery.id, attempts, statusCode, now());
      return;
    }
    const delay = retryDelay(attempts, options, options.random);
    await store.webhooks.markAttemptFailed(
      delivery.id,
      attempts,
      statusCode,
      error ?? 'failed',
      delay === null ? null : now() + delay,
    );
  }

  /** Polls, then schedules the next poll (unless configure() already did). */
  function loop(): void {
    timer = null;
    void poll().then(() => {
      if (running && timer === null) timer = setTimeout(loop, options.pollIntervalMs).unref();
    });
  }

  /**
   * Polls soon. Its reads see committed rows only: on SQLite they wait for an open transaction to end, on
   * PostgreSQL they do not wait, so kick after COMMIT there.
   */
  function kick(): void {
    if (!running || kickScheduled) return;
    kickScheduled = true;
    setImmediate(() => {
      kickScheduled = false;
      void poll();
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
      // A poll under way launches nothing more; what it launched is in flight below.
      if (polling) await polling;
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
