// One contact: how to reach them, whether they opted out of texts, and every conversation with them on every channel.
import type { Conversation } from '@livechat/shared/model';
import { formatPhoneForDisplay } from '@livechat/shared/sms';
import { ApiError, errorMessage } from '../../api/index.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { RelativeTime } from '../../components/relative-time.js';
import { useLoad } from '../../components/use-load.js';
import { routeHref } from '../../state/route.js';
import { ChannelIcon } from '../Sms/channel-icon.js';
import { contactsApi } from '../../api/index.js';
import { NewMessageButton } from './new-message-button.js';
import { ContactCrm } from './contact-crm.js';
import { ExportContactButton } from './export-contact-button.js';
import { OptedOutBadge, OptedOutNotice } from './opted-out.js';

interface Props {
  contactId: string;
  /** Admins: "Delete contact", "Export contact" and merging duplicates. */
  canDelete: boolean;
  /** The signed-in agent (their own contact notes can be deleted). */
  agentId: string;
}

export function ContactProfile({ contactId, canDelete, agentId }: Props) {
  const { state, setData, reload } = useLoad(
    () =>
      contactsApi.get(contactId).catch((error: unknown) => {
        // Unknown, or not the agent's to see: the server answers both alike.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    [contactId],
  );

  const back = (
    <a class="contact__back" href={routeHref({ page: 'contacts' })}>
      All contacts
    </a>
  );
  if (state.status !== 'ready' || state.data === null) {
    return (
      <main class="page">
        {back}
        <h1 class="page__title">Contact</h1>
        {state.status === 'loading' && <p class="empty">Loading…</p>}
        {state.status === 'error' && (
          <p class="form-error" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && <p class="empty">Contact not found.</p>}
      </main>
    );
  }

  const { contact, conversations } = state.data;
  return (
    <main class="page">
      {back}
      <div class="contacts__head">
        <h1 class="page__title">{contact.name}</h1>
        {contact.smsOptedOut && <OptedOutBadge />}
        <NewMessageButton contact={contact} />
        {canDelete && <ExportContactButton contactId={contact.id} />}
        {canDelete && (
          <ConfirmButton
            label="Delete contact"
            title={`Delete ${contact.name}?`}
            confirmLabel="Delete"
            onConfirm={async () => {
              try {
                await contactsApi.remove(contact.id);
              } catch (error) {
                return errorMessage(error);
              }
              location.hash = routeHref({ page: 'contacts' });
              return null;
            }}
          >
            {deletionText(contact.name, conversations.length > 0)}
          </ConfirmButton>
        )}
      </div>
      <section class="card" aria-label="Contact details">
        <dl class="contact__facts">
          <dt>Phone</dt>
          <dd class="contacts__phone">{contact.phone ? formatPhoneForDisplay(contact.phone) : '—'}</dd>
          <dt>Email</dt>
          <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</dd>
          <dt>First seen</dt>
          <dd>
            <RelativeTime ts={contact.createdAt} />
          </dd>
        </dl>
        {contact.smsOptedOut && <OptedOutNotice />}
      </section>
      <ContactCrm
        contact={contact}
        agentId={agentId}
        isAdmin={canDelete}
        onContact={(saved) => setData({ contact: saved, conversations })}
        onMerged={reload}
      />
      <section class="card" aria-labelledby="contact-conversations-title">
        <h2 class="card__title" id="contact-conversations-title">
          Conversations
        </h2>
        {conversations.length === 0 ? (
          <p class="empty">No conversations with {contact.name} yet.</p>
        ) : (
          <ul class="contact__conversations" aria-labelledby="contact-conversations-title">
            {conversations.map((c) => (
              <ConversationLink key={c.id} conversation={c} />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

/** What "Delete contact" deletes, in full. */
const deletionText = (name: string, talkedTo: boolean) =>
  talkedTo
    ? `This deletes ${name} for good, with every conversation with them on every channel: every message, note ` +
      "and file, their details, leads and deals, and text messages. It can't be undone."
    : `This deletes ${name} for good, with their details and any files they uploaded. It can't be undone.`;

function ConversationLink({ conversation: c }: { conversation: Conversation }) {
  return (
    <li>
      <a class="contact__conversation" href={routeHref({ page: 'inbox', conversationId: c.id })}>
        <span class="contact__conversation-top">
          <ChannelIcon channel={c.channel} />
          <span class="contact__conversation-number">#{c.number}</span>
          <span class={`badge badge--${c.status}`}>{c.status === 'open' ? 'Open' : 'Closed'}</span>
          <RelativeTime class="muted" ts={c.closedAt ?? c.updatedAt} />
        </span>
        <span class="contact__conversation-preview">{c.lastMessagePreview ?? 'No messages yet'}</span>
      </a>
    </li>
  );
}
