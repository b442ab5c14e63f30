// Beside a conversation: the notes about its contact, from every conversation of theirs (MonoChat's notes
// "accessible in future conversations"). They are written on the contact's profile, which the link opens.
import { useId } from 'preact/hooks';
import { contactsApi } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';
import { routeHref } from '../../state/route.js';
import { ContactNoteList } from '../Contacts/contact-notes.js';

interface Props {
  conversationId: string;
  contactId: string;
}

export function ContactNotesSection({ conversationId, contactId }: Props) {
  const titleId = useId();
  const notes = useLoad(() => contactsApi.notesOfConversation(conversationId), [conversationId]);
  return (
    <section class="side__section" aria-labelledby={titleId}>
      <h2 class="side__title" id={titleId}>
        Contact notes
      </h2>
      {notes.state.status === 'loading' && <p class="muted">Loading…</p>}
      {/* Not an alert: the conversation beside it is what the agent is working on. */}
      {notes.state.status === 'error' && <p class="muted">{notes.state.message}</p>}
      {notes.state.status === 'ready' &&
        (notes.state.data.length === 0 ? (
          <p class="muted">No notes about this contact yet.</p>
        ) : (
          <ContactNoteList notes={notes.state.data} />
        ))}
      <a href={routeHref({ page: 'contacts', contactId })}>Open contact</a>
    </section>
  );
}
