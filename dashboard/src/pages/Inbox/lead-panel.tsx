import type { Contact, ContactField, LeadData } from '@livechat/shared/model';
import { CONTACT_FIELDS } from '@livechat/shared/model';
import { useLead } from './use-lead.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  conversationId: string;
  lastVisitorSeq: number;
  /** The thread's history is loaded, so later seqs are new messages. */
  ready: boolean;
}

const CONTACT_LABELS: Record<ContactField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  organization: 'Organization',
};

const isEmpty = ({ contact, answers }: LeadData) =>
  answers.length === 0 && CONTACT_FIELDS.every((f) => !contact[f]);

/** What the playbook learned about the visitor: contact details and the answers to its questions. */
export function LeadPanel({ conversationId, lastVisitorSeq, ready }: Props) {
  const state = useLead(conversationId, lastVisitorSeq, ready);
  const t = useT();
  return (
    <aside class="side__section" aria-label={t('side.leadData')}>
      <h2 class="side__title">{t('side.leadData')}</h2>
      {state.status === 'loading' && <p class="muted">Loading…</p>}
      {state.status === 'error' && <p class="form-error">{state.message}</p>}
      {state.status === 'ready' &&
        (isEmpty(state.data) ? (
          <p class="muted">{t('side.nothingCaptured')}</p>
        ) : (
          <LeadDetails lead={state.data} />
        ))}
    </aside>
  );
}

function LeadDetails({ lead }: { lead: LeadData }) {
  const t = useT();
  return (
    <>
      <h3 class="side__heading">{t('side.contact')}</h3>
      <ContactList contact={lead.contact} />
      <h3 class="side__heading">{t('side.answers')}</h3>
      {lead.answers.length === 0 ? (
        <p class="muted">{t('side.noAnswers')}</p>
      ) : (
        <dl class="lead__list">
          {lead.answers.map((a) => (
            <div key={`${a.stepId}-${a.answeredAt}`} class="lead__item">
              <dt>{a.question}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function ContactList({ contact }: { contact: Contact }) {
  return (
    <dl class="lead__list">
      {CONTACT_FIELDS.map((field) => (
        <div key={field} class="lead__item">
          <dt>{CONTACT_LABELS[field]}</dt>
          <dd class={contact[field] ? undefined : 'muted'}>{contact[field] || 'Not given'}</dd>
        </div>
      ))}
    </dl>
  );
}
