// Contacts (every agent): the people conversations are with, on every channel. #/contacts lists them,
// #/contacts/<id> is one contact's profile; both can start a text with the green "New" button.
import { ContactList } from './contact-list.js';
import { ContactProfile } from './contact-profile.js';
import './contacts.css';

interface Props {
  /** null for the list. */
  contactId: string | null;
}

export function ContactsPage({ contactId }: Props) {
  return contactId ? <ContactProfile key={contactId} contactId={contactId} /> : <ContactList />;
}
