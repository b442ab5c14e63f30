// SMS contacts without a name are called by their number, stored as E.164 ("+14155550100"); people read it spaced.
import { formatPhoneForDisplay } from '@livechat/shared/sms';

const E164_SHAPED = /^\+[1-9]\d{5,14}$/;

/** "+1 415 555 0100" for a name that is a phone number; any other name as it is. */
export function displayName(name: string): string {
  return E164_SHAPED.test(name) ? formatPhoneForDisplay(name) : name;
}
