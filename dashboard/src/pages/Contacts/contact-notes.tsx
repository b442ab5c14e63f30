// Notes about the person: shown here and beside every conversation of theirs in the inbox. Anyone who may see the
// contact adds one; only its author deletes it.
import { CONTACT_NOTE_MAX, type ContactNote } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { contactsApi, errorMessage } from '../../api/index.js';
import { RelativeTime } from '../../components/relative-time.js';
import './contact-crm.css';

interface Props {
  contactId: string;
  initial: ContactNote[];
  /** The signed-in agent: their own notes can be deleted. */
  agentId: string;
}

export function ContactNotes({ contactId, initial, agentId }: Props) {
  const [notes, setNotes] = useState(initial);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  };
  const add = () =>
    act(async () => {
      if (!text.trim()) return setError('Write a note first.');
      const note = await contactsApi.addNote(contactId, text.trim());
      setNotes([...notes, note]);
      setText('');
    });
  const remove = (id: string) =>
    act(async () => {
      await contactsApi.removeNote(contactId, id);
      setNotes(notes.filter((n) => n.id !== id));
    });

  return (
    <section class="card" aria-labelledby="contact-notes-title">
      <h2 class="card__title" id="contact-notes-title">
        Notes
      </h2>
      <p class="muted">Your team sees these beside every conversation with this contact.</p>
      {notes.length > 0 && (
        <ContactNoteList notes={notes} agentId={agentId} busy={busy} onRemove={(id) => void remove(id)} />
      )}
      <form
        class="contact-crm__note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <textarea
          class="input"
          aria-label="New note"
          rows={2}
          maxLength={CONTACT_NOTE_MAX}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div class="contact-crm__bar">
          {error && (
            <span class="form-error" role="alert">
              {error}
            </span>
          )}
          <button type="submit" class="button button--small" disabled={busy}>
            Add note
          </button>
        </div>
      </form>
    </section>
  );
}

interface ListProps {
  notes: readonly ContactNote[];
  /** With `onRemove`: this agent's notes get a Delete button. */
  agentId?: string;
  busy?: boolean;
  onRemove?: (id: string) => void;
}

/** Author, time and text of each note, oldest first. */
export function ContactNoteList({ notes, agentId, busy, onRemove }: ListProps) {
  return (
    <ul class="contact-notes" aria-label="Contact notes">
      {notes.map((n) => (
        <li key={n.id} class="contact-notes__note">
          <div class="contact-notes__meta">
            <span class="contact-notes__author">{n.author.name}</span>
            <RelativeTime class="muted" ts={n.createdAt} />
            {onRemove && n.author.id === agentId && (
              <button
                type="button"
                class="button button--small"
                aria-label={`Delete note by ${n.author.name}`}
                disabled={busy}
                onClick={() => onRemove(n.id)}
              >
                Delete
              </button>
            )}
          </div>
          <p class="contact-notes__body">{n.body}</p>
        </li>
      ))}
    </ul>
  );
}
