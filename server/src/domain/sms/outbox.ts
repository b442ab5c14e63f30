// Sends the texts in the outbox. At least once, never twice after a success:
// - a text is claimed before each attempt (a lease), so one node sends it; the claim also records that an attempt
//   may reach the provider;
// - a text whose earlier attempt may have reached the provider (the process died mid-send, the answer was lost, a
//   5xx) is looked up at the provider first, and recorded as sent when it is there;
// - the provider's id is recorded after its answer; a recorded text is never sent again.
import { SmsRefusedError, SmsTemporaryError } from '../../sms/provider.js';
import { retryDelay, type BackoffOptions } from '../webhooks/backoff.js';
import type { DueSms, Store } from '../store.js';
import type { SmsAccounts } from './account.js';

export interface SmsOutboxOptions extends BackoffOptions {
  /** How often the outbox is read (new texts are also sent right after their commit). */
  pollIntervalMs: number;
  /** How long an attempt owns a text: longer than the provider's request timeout. */
  leaseMs: number;
  /** Texts in flight at most. */
  concurrency: number;
}

export const DEFAULT_SMS_OUTBOX: SmsOutboxOptions = {
  retryDelaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000],
  jitter: 0.2,
  maxAttempts: 8,
  pollIntervalMs: 2000,
  // The provider client gives up after 10 s, so a lease of 15 s outlives any attempt.
  leaseMs: 15_000,
  concurrency: 4,
};

interface Deps {
  store: Store;
  accounts: SmsAccounts;
  /** Where the provider reports delivery (PUBLIC_URL + the status path). */
  statusCallbackUrl: string;
  now: () => number;
  onError: (err: unknown) => void;
  /** The public URLs of the text's images (an MMS), in order; none for a plain text. */
  mediaUrls: (messageId: string) => Promise<string[]>;
  /** A text's delivery changed: agents see it. */
  onDeliveryChanged: (conversationId: string, messageId: string) => Promise<void>;
  /** Why an attempt failed and when it is tried again (debug log). */
  onDebug?: (detail: Record<string, unknown>, message: string) => void;
  /** The provider said the recipient opted out (they texted STOP, maybe before the inbox knew). */
  onOptedOut: (siteId: string, address: string) => Promise<void>;
}

export function createSmsOutbox(deps: Deps, options: SmsOutboxOptions = DEFAULT_SMS_OUTBOX) {
  const { store, accounts, now } = deps;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let pollAgain = false;
  let running = false;

  async function attempt(text: DueSms): Promise<void> {
    const attempts = text.attempts + 1;
    try {
      const active = await accounts.active();
      if (!active) throw new SmsTemporaryError('network', 'No Twilio account is configured.');
      const { provider } = active;
      if (text.firstAttemptAt !== null) {
        const known = new Set(await store.sms.providerIdsBetween(text.from, text.to));
        const found = await provider.findSent({
          from: text.from,
          to: text.to,
          body: text.body,
          since: text.firstAttemptAt,
          exclude: known,
        });
        if (found) {
          await store.sms.markSent(text.messageId, found.providerMessageId, found.status);
          return deps.onDeliveryChanged(text.conversationId, text.messageId);
        }
      }
      const mediaUrls = await deps.mediaUrls(text.messageId);
      const sent = await provider.send({
        from: text.from,
        to: text.to,
        body: text.body,
        statusCallbackUrl: deps.statusCallbackUrl,
        ...(mediaUrls.length > 0 && { mediaUrls }),
      });
      await store.sms.markSent(text.messageId, sent.providerMessageId, sent.status);
      return await deps.onDeliveryChanged(text.conversationId, text.messageId);
    } catch (error) {
      if (error instanceof SmsRefusedError) {
        await store.sms.markFailed(text.messageId, error.message);
        if (error.code === 'opted_out') await deps.onOptedOut(text.siteId, text.to);
        return deps.onDeliveryChanged(text.conversationId, text.messageId);
      }
      const reason = error instanceof Error ? error.message : String(error);
      const delay = retryDelay(attempts, options);
      if (delay === null) {
        await store.sms.markFailed(text.messageId, `Not sent after ${attempts} attempts: ${reason}`);
        return deps.onDeliveryChanged(text.conversationId, text.messageId);
      }
      const asked = error instanceof SmsTemporaryError ? (error.retryAfterMs ?? 0) : 0;
      await store.sms.markRetry(text.messageId, now() + Math.max(delay, asked));
      if (!(error instanceof SmsTemporaryError)) deps.onError(error);
      else deps.onDebug?.({ messageId: text.messageId, attempts, reason }, 'text not sent; retried later');
    }
  }

  async function pollOnce(): Promise<void> {
    const at = now();
    const due = await store.sms.due(at, options.concurrency * 4);
    const claimed: DueSms[] = [];
    for (const text of due)
      if (await store.sms.claim(text.messageId, text.nextAttemptAt, at + options.leaseMs, at))
        claimed.push(text);
    // Texts to one contact keep their order: each route's texts go one after another.
    const byRoute = new Map<string, DueSms[]>();
    for (const text of claimed) {
      const key = `${text.from}>${text.to}`;
      byRoute.set(key, [...(byRoute.get(key) ?? []), text]);
    }
    const routes = [...byRoute.values()];
    const workers = Array.from({ length: Math.min(options.concurrency, routes.length) }, async () => {
      for (let next = routes.shift(); next; next = routes.shift())
        for (const text of next) await attempt(text).catch(deps.onError);
    });
    await Promise.all(workers);
  }

  function poll(): Promise<void> {
    if (polling) {
      pollAgain = true;
      return polling;
    }
    polling = (async () => {
      do {
        pollAgain = false;
        await pollOnce().catch(deps.onError);
      } while (pollAgain && running);
    })().finally(() => {
      polling = null;
    });
    return polling;
  }

  const schedule = () => {
    if (!running) return;
    timer = setTimeout(() => void poll().finally(schedule), options.pollIntervalMs);
    timer.unref();
  };

  return {
    start() {
      if (running) return;
      running = true;
      void poll();
      schedule();
    },
    /** A text was just committed: send it now rather than at the next poll. */
    kick() {
      if (running) void poll();
    },
    /** Resolves when the poll running now (if any) is over. */
    idle: () => polling ?? Promise.resolve(),
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await polling;
    },
  };
}
export type SmsOutbox = ReturnType<typeof createSmsOutbox>;
