// The provider's webhooks: checked against the account's signature before anything is read, recorded for the
// settings page's troubleshooting, then an inbound text or a delivery report.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { InvalidWebhookError, type WebhookRequest } from '../../sms/provider.js';
import { DomainError } from '../errors.js';
import type { Store } from '../store.js';
import type { SmsAccounts } from './account.js';
import type { SmsInbound } from './inbound.js';
import { applyDeliveryReport } from './status.js';

export type WebhookKind = 'messages' | 'status';

export function createSmsWebhooks(
  store: Store,
  accounts: SmsAccounts,
  inbound: SmsInbound,
  onDeliveryChanged: (conversationId: string, messageId: string) => Promise<void>,
  now: () => number,
) {
  return {
    /** Throws DomainError Forbidden (unsigned, forged, or no account to check with) or InvalidRequest. */
    async receive(kind: WebhookKind, request: WebhookRequest): Promise<void> {
      const active = await accounts.active();
      const valid = active !== null && active.provider.verifyWebhook(request);
      await store.sms.recordWebhook({ at: now(), signatureValid: valid, kind });
      if (!active || !valid)
        throw new DomainError(ErrorCode.Forbidden, 'The request signature does not verify.');
      try {
        if (kind === 'messages') {
          await inbound.receive(active.provider.parseInbound(request.params), now(), active.provider);
          return;
        }
        const update = active.provider.parseStatus(request.params);
        if (update) await applyDeliveryReport(store, update, onDeliveryChanged, now());
      } catch (error) {
        if (error instanceof InvalidWebhookError)
          throw new DomainError(ErrorCode.InvalidRequest, error.message);
        throw error;
      }
    },
  };
}
