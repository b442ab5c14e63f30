// SMS in the inbox: the provider account, each site's number, texts in and out (a durable outbox), delivery reports
// and the provider's webhooks. The provider is reached only through the SmsProvider interface.
import { SMS_WEBHOOK_PATHS } from '@livechat/shared/api';
import type { EventBus } from '../events.js';
import type { Files } from '../media/files.js';
import { createAddressGuard } from '../webhooks/address-guard.js';
import type { Store, StoredSmsAccount } from '../store.js';
import type { Timeline } from '../timeline.js';
import { createSmsAccounts, type ProviderFactory } from './account.js';
import { createSmsChannel } from './channel.js';
import { createSmsInbound } from './inbound.js';
import { createInboundMedia } from './inbound-media.js';
import { createDownloader } from './media-download.js';
import { createSmsOutbox, DEFAULT_SMS_OUTBOX, type SmsOutboxOptions } from './outbox.js';
import { createSmsSettingsService } from './settings.js';
import { createSmsWebhooks } from './webhooks.js';
import type { Routing } from '../routing.js';

export interface SmsOptions {
  /** The server's public origin (PUBLIC_URL): webhook URLs and the signed URL. */
  publicUrl: string;
  /** TWILIO_* variables, when set. */
  accountFromEnvironment: StoredSmsAccount | null;
  makeProvider: ProviderFactory;
  outbox?: Partial<SmsOutboxOptions>;
  /** Let inbound media be fetched from loopback and private networks (WEBHOOKS_ALLOW_PRIVATE_NETWORKS; tests). */
  allowPrivateNetworks?: boolean;
}

/**
 * An incoming MMS's media: each fetched within 10 s (all at once: the provider waits about 15 s for the webhook's
 * answer), at most 16 MB each (the largest Twilio Messaging takes on any channel; the site's own cap applies after).
 */
const MEDIA_TIMEOUT_MS = 10_000;
const MEDIA_MAX_BYTES = 16 * 1024 * 1024;

export function createSms(
  store: Store,
  timeline: Timeline,
  events: EventBus,
  now: () => number,
  onError: (err: unknown) => void,
  options: SmsOptions,
  files: Files,
  routing: Pick<Routing, 'queued'>,
  onDebug?: (detail: Record<string, unknown>, message: string) => void,
) {
  const accounts = createSmsAccounts(store, options.accountFromEnvironment, options.makeProvider);

  /** Agents who may see the conversation see the text's new delivery (on every node: events are relayed). */
  async function deliveryChanged(conversationId: string, messageId: string): Promise<void> {
    const [message, conversation] = await Promise.all([
      store.messages.byId(conversationId, messageId),
      store.conversations.byId(conversationId),
    ]);
    if (message && conversation) events.publish({ type: 'message.updated', message, conversation });
  }

  const outbox = createSmsOutbox(
    {
      store,
      accounts,
      statusCallbackUrl: options.publicUrl + SMS_WEBHOOK_PATHS.status,
      now,
      onError,
      ...(onDebug && { onDebug }),
      onDeliveryChanged: deliveryChanged,
      // Read at each attempt, so the provider gets URLs that are valid now.
      mediaUrls: async (messageId) =>
        (await store.files.ofMessages([messageId])).map((f) => options.publicUrl + files.providerUrl(f.id)),
      onOptedOut: async (siteId, address) => {
        const contact = await store.visitors.bySmsAddress(siteId, address);
        if (contact) await store.visitors.setSmsOptedOut(contact.id, now());
      },
    },
    { ...DEFAULT_SMS_OUTBOX, ...options.outbox },
  );
  const channel = createSmsChannel(store, accounts, () => outbox.kick());
  const download = createDownloader({
    guard: options.allowPrivateNetworks ? null : createAddressGuard(),
    timeoutMs: MEDIA_TIMEOUT_MS,
    maxBytes: MEDIA_MAX_BYTES,
  });
  const inboundMedia = createInboundMedia(store, files, { download, onError });
  const inbound = createSmsInbound(store, timeline, channel, files, inboundMedia, routing);
  return {
    accounts,
    channel,
    /** `start()` once at start, `stop()` at shutdown. */
    outbox,
    settings: createSmsSettingsService(store, accounts, options.publicUrl, now),
    webhooks: createSmsWebhooks(store, accounts, inbound, deliveryChanged, now),
  };
}
export type Sms = ReturnType<typeof createSms>;
