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

export async function applyDeliveryReport(
  store: Store,
  update: StatusUpdate,
  onDeliveryChanged: (conversationId: string, messageId: string) => Promise<void>,
): Promise<void> {
  const changed = await store.sms.applyStatus(update.providerMessageId, update.status, failureText(update));
  if (changed) await onDeliveryChanged(changed.conversationId, changed.messageId);
}
