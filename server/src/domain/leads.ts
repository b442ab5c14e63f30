// Lead data of a conversation: the visitor's contact details and the answers given to the playbook.
import type { LeadData } from '@livechat/shared/model';
import type { Store } from '../store/index.js';

export function createLeadService(store: Store) {
  return {
    /** Call only for a conversation the caller may see. */
    of: (conversation: { id: string; visitorId: string }): LeadData => ({
      contact: store.visitors.contact(conversation.visitorId),
      answers: store.answers.of(conversation.id),
    }),
  };
}
