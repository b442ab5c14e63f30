// Contacts (every agent): the people conversations are with, on every channel. #/contacts lists them,
// #/contacts/<id> is one contact's profile; both can start a text with the green "New" button.
import type { Agent } from '@livechat/shared/model';
import { ContactList } from './contact-list.js';
import { ContactProfile } from './contact-profile.js';
import './contacts.css';

interface Props {
  /** null for the list. */
  contactId: string | null;
  /** Admins may delete a contact. */
  agent: Agent;
}

export function ContactsPage({ contactId, agent }: Props) {
  return contactId ? (
    <ContactProfile
      key={contactId}
      contactId={contactId}
      canDelete={agent.role === 'admin'}
      agentId={agent.id}
    />
  ) : (
    <ContactList />
  );
}
