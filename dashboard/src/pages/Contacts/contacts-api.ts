// Calls for the Contacts pages and the inbox's SMS header, on the routes declared in api/routes.ts.
import type { NewConversationBody } from '@livechat/shared/api';
import { call } from '../../api/http.js';
import { routes } from '../../api/routes.js';

/** Every agent; the server leaves out conversations the agent may not see. */
export const contactsApi = {
  /** Matches name, email or phone; newest activity first. */
  list: (q: string) => call(routes.contacts, { query: q ? { q } : {} }).then((r) => r.contacts),
  /** The contact and their conversations on every channel, newest first. */
  get: (id: string) => call(routes.contact, { params: { id } }),
  /** A first message (or the next one, in the contact's open conversation on that channel). */
  newConversation: (body: NewConversationBody) => call(routes.newConversation, { body }),
};
