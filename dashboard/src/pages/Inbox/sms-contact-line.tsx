// The SMS contact in the conversation header: their number (a link to their profile) and whether they opted out.
import type { ContactSummary } from '@livechat/shared/api';
import { formatPhoneForDisplay, normalizeAddress } from '@livechat/shared/sms';
import { routeHref } from '../../state/route.js';
import { OptedOutBadge } from '../Contacts/opted-out.js';

interface Props {
  contactId: string;
  /** Shown as the number until the contact loads, when it is one (an SMS contact without a name). */
  visitorName: string;
  /** See useSmsContact; null until it loads. */
  contact: ContactSummary | null;
}

export function SmsContactLine({ contactId, visitorName, contact }: Props) {
  const named = normalizeAddress(visitorName);
  const phone = contact?.phone ?? (named.kind === 'e164' ? named.value : null);
  return (
    <>
      {phone && (
        <a class="thread-header__phone" href={routeHref({ page: 'contacts', contactId })}>
          {formatPhoneForDisplay(phone)}
        </a>
      )}
      {contact?.smsOptedOut && <OptedOutBadge />}
    </>
  );
}
