// The "To" field of a new text: a phone number (any common way of writing it, with its country code) or a short code.
import { formatPhoneForDisplay, normalizeAddress } from '@livechat/shared/sms';

export type Recipient = { ok: true; value: string; shown: string } | { ok: false; reason: string };

export function checkRecipient(raw: string): Recipient {
  if (!raw.trim()) return { ok: false, reason: 'Enter the phone number to text.' };
  const address = normalizeAddress(raw);
  switch (address.kind) {
    case 'e164':
      return { ok: true, value: address.value, shown: formatPhoneForDisplay(address.value) };
    case 'short-code':
      return { ok: true, value: address.value, shown: address.value };
    case 'alphanumeric':
      // Sender IDs only send; a text to one goes nowhere.
      return { ok: false, reason: 'A sender ID cannot receive texts. Enter a phone number.' };
    case 'invalid':
      return { ok: false, reason: address.reason };
  }
}
