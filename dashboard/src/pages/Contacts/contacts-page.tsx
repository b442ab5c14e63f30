// Contacts (every agent): the people conversations are with, on every channel. #/contacts lists them,
// #/contacts/<id> is one contact's profile; both can start a text with the green "New" button.
import type { Agent } from '@livechat/shared/model';
import { ContactList } from './contact-list.js';
import { ContactProfile } from './contact-profile.js';
import './contacts.css';

interface Props {
  agent: Agent;
  /** null for the list. */
  contactId: string | null;
}

export function ContactsPage({ agent, contactId }: Props) {
  return contactId ? <ContactProfile key={contactId} contactId={contactId} /> : <ContactList agent={agent} />;
}
