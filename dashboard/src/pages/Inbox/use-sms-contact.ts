// The contact of an SMS conversation (its visitorId is the contact's id), for the header's number and opt-out badge
// and the composer's opt-out notice: asked once per change of the conversation, so a STOP that just came in shows at
// once. null for a web chat, and until the first answer.
import type { ContactSummary } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import { useRef } from 'preact/hooks';
import { contactsApi } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';

export function useSmsContact(conversation: Conversation | undefined): ContactSummary | null {
  const contactId = conversation?.channel === 'sms' ? conversation.visitorId : null;
  const { state } = useLoad(
    () => (contactId ? contactsApi.get(contactId).then((r) => r.contact) : Promise.resolve(null)),
    [contactId, conversation?.updatedAt],
  );
  /** Kept while asking again, so the header does not blink on every message. */
  const last = useRef<ContactSummary | null>(null);
  if (state.status === 'ready') last.current = state.data;
  return last.current?.id === contactId ? last.current : null;
}
