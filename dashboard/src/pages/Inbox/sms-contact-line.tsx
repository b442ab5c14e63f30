// The SMS contact in the conversation header: their number (a link to their profile) and whether they opted out.
// The conversation's visitorId is the contact's id. Asked again whenever the conversation changes, so a STOP that
// just came in shows at once.
import type { ContactSummary } from '@livechat/shared/api';
import { formatPhoneForDisplay, normalizeAddress } from '@livechat/shared/sms';
import { useRef } from 'preact/hooks';
import { useLoad } from '../../components/use-load.js';
import { routeHref } from '../../state/route.js';
import { contactsApi } from '../../api/index.js';
import { OptedOutBadge } from '../Contacts/opted-out.js';

interface Props {
  contactId: string;
  /** Shown as the number until the contact loads, when it is one (an SMS contact without a name). */
  visitorName: string;
  updatedAt: number;
}

export function SmsContactLine({ contactId, visitorName, updatedAt }: Props) {
  const { state } = useLoad(() => contactsApi.get(contactId).then((r) => r.contact), [contactId, updatedAt]);
  /** Kept while asking again, so the line does not blink on every message. */
  const last = useRef<ContactSummary | null>(null);
  if (state.status === 'ready') last.current = state.data;
  const contact = last.current?.id === contactId ? last.current : null;

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
