// Delivery reports: applied only when later than what is recorded (reports come late, twice and out of order).
import type { StatusUpdate } from '../../sms/provider.js';
import type { Store } from '../store.js';

/** The provider's reason in words, with its code for support. */
export function failureText(update: StatusUpdate): string | null {
  if (update.status !== 'undelivered' && update.status !== 'failed') return null;
  if (update.errorMessage)
    return update.errorCode ? `${update.errorMessage} (error ${update.errorCode})` : update.errorMessage;
  if (update.errorCode) return `The carrier reported error ${update.errorCode}.`;
  return 'The carrier did not say why.';
}

/**
 * Applies a report. One for a text whose id is not recorded yet (the provider reported before the send's answer was
 * stored) is kept, and applied when it is; tried once more after keeping it, in case the id was recorded meanwhile.
 */
export async function applyDeliveryReport(
  store: Store,
  update: StatusUpdate,
  onDeliveryChanged: (conversationId: string, messageId: string) => Promise<void>,
  now: number,
): Promise<void> {
  const { providerMessageId: id, status } = update;
  const error = failureText(update);
  let changed = await store.sms.applyStatus(id, status, error);
  if (!changed && !(await store.sms.hasProviderId(id))) {
    await store.sms.keepEarlyReport(id, status, error, now);
    changed = await store.sms.applyStatus(id, status, error);
  }
  if (changed) await onDeliveryChanged(changed.conversationId, changed.messageId);
}
