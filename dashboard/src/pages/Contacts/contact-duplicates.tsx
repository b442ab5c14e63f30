// Contacts who are likely this person (the same email; the phone a web visitor gave is the number an SMS contact
// texts from). Admins merge one into this contact after confirming; the server refuses in words what cannot be one
// contact (two open conversations on one channel).
import type { ContactDuplicate } from '@livechat/shared/api';
import { contactsApi, errorMessage } from '../../api/index.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { routeHref } from '../../state/route.js';

interface Props {
  contactId: string;
  contactName: string;
  duplicates: readonly ContactDuplicate[];
  canMerge: boolean;
  onMerged: () => void;
}

const WHY = { email: 'the same email', phone: 'the same phone number' } as const;

export function ContactDuplicates({ contactId, contactName, duplicates, canMerge, onMerged }: Props) {
  if (duplicates.length === 0) return null;
  return (
    <section class="card contact-crm__duplicates" aria-labelledby="contact-duplicates-title">
      <h2 class="card__title" id="contact-duplicates-title">
        Possible duplicates
      </h2>
      <ul class="contact-crm__duplicate-list">
        {duplicates.map(({ contact: other, reason }) => (
          <li key={other.id} class="contact-crm__duplicate">
            <span>
              Possible duplicate:{' '}
              <a href={routeHref({ page: 'contacts', contactId: other.id })}>{other.name}</a>{' '}
              <span class="muted">({WHY[reason]})</span>
            </span>
            {canMerge && (
              <ConfirmButton
                label="Merge"
                class="button button--small"
                title={`Merge ${other.name} into ${contactName}?`}
                confirmLabel="Merge"
                onConfirm={async () => {
                  try {
                    await contactsApi.merge(contactId, other.id);
                  } catch (error) {
                    return errorMessage(error);
                  }
                  onMerged();
                  return null;
                }}
              >
                {`Every conversation with ${other.name} moves to ${contactName}, with their attributes, tags and ` +
                  `notes (${contactName}'s values win where both have one). ${other.name} is then removed as a ` +
                  "separate contact. This can't be undone."}
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
