// The CRM part of a contact's profile: editable details, attributes, tags and notes, and likely duplicates. Loaded
// beside the profile (its own request), so a failure here leaves the conversations readable. The editors keep their
// own drafts; they start again from the server's data when it changes under them (a merge).
import type { ContactSummary } from '@livechat/shared/api';
import { contactsApi, errorMessage } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';
import { TagEditor } from '../Inbox/tag-editor.js';
import { ContactAttributes } from './contact-attributes.js';
import { ContactDetailsForm } from './contact-details-form.js';
import { ContactDuplicates } from './contact-duplicates.js';
import { ContactNotes } from './contact-notes.js';

interface Props {
  contact: ContactSummary;
  agentId: string;
  /** Admins merge duplicates. */
  isAdmin: boolean;
  /** Details saved: the profile shows the new name. */
  onContact: (contact: ContactSummary) => void;
  /** A duplicate was merged in: the profile's conversations changed. */
  onMerged: () => void;
}

export function ContactCrm({ contact, agentId, isAdmin, onContact, onMerged }: Props) {
  const crm = useLoad(() => contactsApi.crm(contact.id), [contact.id]);
  if (crm.state.status === 'loading') return <p class="empty">Loading…</p>;
  if (crm.state.status === 'error')
    return (
      <p class="form-error" role="alert">
        {crm.state.message}
      </p>
    );
  const data = crm.state.data;
  return (
    <>
      <ContactDuplicates
        contactId={contact.id}
        contactName={contact.name}
        duplicates={data.duplicates}
        canMerge={isAdmin}
        onMerged={() => {
          crm.reload();
          onMerged();
        }}
      />
      <section class="card" aria-labelledby="contact-edit-title">
        <h2 class="card__title" id="contact-edit-title">
          Edit details
        </h2>
        <ContactDetailsForm
          key={JSON.stringify(data.details)}
          contactId={contact.id}
          initial={data.details}
          onSaved={onContact}
        />
      </section>
      <ContactAttributes
        key={JSON.stringify(data.attributes)}
        contactId={contact.id}
        initial={data.attributes}
      />
      <div class="card">
        <TagEditor
          tags={data.tags}
          onTags={async (tags) => {
            try {
              crm.setData({ ...data, tags: await contactsApi.saveTags(contact.id, tags) });
              return null;
            } catch (error) {
              return errorMessage(error);
            }
          }}
        />
      </div>
      <ContactNotes
        key={data.notes.map((n) => n.id).join()}
        contactId={contact.id}
        initial={data.notes}
        agentId={agentId}
      />
    </>
  );
}
