import {
  CURRENCIES,
  type ConversationDetails,
  type CrmRecord,
  type Currency,
  type RecordKind,
} from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { conversationsApi, errorMessage } from '../../api/index.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useUnsavedGuard } from '../../components/use-unsaved-guard.js';
import {
  checkDraft,
  defaultDealTitle,
  fromDraft,
  hasErrors,
  sameDraft,
  serverDetailsErrors,
  toDraft,
  withoutErrors,
  type DetailsDraft,
  type DetailsErrors,
} from './details-draft.js';
import { useConversationLeaveGuard } from './use-conversation-leave-guard.js';

interface Props {
  conversationId: string;
  initial: ConversationDetails;
  onCreated: (record: CrmRecord) => void;
}

const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

type TextKey = Exclude<keyof DetailsDraft, 'currency'>;

/** Asked before switching chats (or pages) with edits not saved; a reload or close asks the browser's question. */
export const UNSAVED_DETAILS_QUESTION =
  'The details of this chat have unsaved changes. Leave without saving them?';

/**
 * The conversation's details, pre-filled from what the playbook captured: saved on "Save details", and saved with
 * a new lead or deal. Client checks first, then the server's field errors, inline.
 */
export function DetailsForm({ conversationId, initial, onCreated }: Props) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  /** The details as the server last stored them: edits since are unsaved. */
  const [saved, setSaved] = useState(draft);
  const dirty = !sameDraft(draft, saved);
  useUnsavedGuard(dirty);
  useConversationLeaveGuard(dirty, conversationId, UNSAVED_DETAILS_QUESTION);
  const [dealTitle, setDealTitle] = useState('');
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  /** An edit hides the status and the edited field's error (the rest stay until the next check). */
  const edit = (patch: Partial<DetailsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus('');
    setErrors((e) => withoutErrors(e, Object.keys(patch) as (keyof DetailsDraft)[]));
  };
  const text = (key: TextKey) => ({
    value: draft[key],
    onValue: (value: string) => edit({ [key]: value }),
  });

  /** Checks the draft, then runs the request; the server's field errors land on their fields. */
  const run = async (kind: RecordKind | null, request: (details: ConversationDetails) => Promise<string>) => {
    if (busy) return;
    const found = checkDraft(draft, kind ?? undefined);
    setErrors(found);
    setFormError(null);
    setStatus('');
    if (hasErrors(found)) return;
    setBusy(true);
    try {
      setStatus(await request(fromDraft(draft)));
    } catch (error) {
      const fields = serverDetailsErrors(error);
      setErrors(fields);
      // The fields carry the details; the form says only what is left (never the raw validation paths).
      setFormError(hasErrors(fields) ? 'Please check the highlighted fields.' : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(null, async (details) => {
      const stored = toDraft(await conversationsApi.saveDetails(conversationId, details));
      setDraft(stored);
      setSaved(stored);
      return 'Saved';
    });

  const create = (kind: RecordKind) =>
    run(kind, async (details) => {
      const title = kind === 'deal' ? dealTitle.trim() || defaultDealTitle(draft) : undefined;
      const record = await conversationsApi.createRecord(conversationId, {
        kind,
        details,
        ...(title && { title }),
      });
      // Creating saves the details too.
      setSaved(draft);
      onCreated(record);
      setDealTitle('');
      return kind === 'lead' ? 'Lead created' : 'Deal created';
    });

  return (
    <form
      class="details__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="details__money">
        <TextField
          label="Deal value"
          type="number"
          inputMode="decimal"
          min="0"
          step="0.01"
          error={errors.dealValue}
          {...text('amount')}
        />
        <SelectField<Currency>
          label="Currency"
          value={draft.currency}
          options={CURRENCY_OPTIONS}
          onValue={(currency) => edit({ currency })}
        />
      </div>
      <TextField
        label="Expected close date"
        type="date"
        error={errors.expectedCloseDate}
        {...text('expectedCloseDate')}
      />
      <TextField label="Contact name" maxLength={100} error={errors.contactName} {...text('contactName')} />
      <TextField label="Email" type="email" maxLength={254} error={errors.email} {...text('email')} />
      <TextField label="Phone" type="tel" maxLength={40} error={errors.phone} {...text('phone')} />
      <TextField
        label="Organization name"
        maxLength={200}
        error={errors.organizationName}
        {...text('organizationName')}
      />
      <TextField
        label="Organization address"
        maxLength={500}
        error={errors.organizationAddress}
        {...text('organizationAddress')}
      />
      <TextAreaField label="Note" maxLength={5000} error={errors.note} {...text('note')} />
      <div class="details__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          Save details
        </button>
        <p class="details__status" role="status" aria-label={status || undefined}>
          {status}
        </p>
      </div>
      {formError && (
        <p class="form-error" role="alert">
          {formError}
        </p>
      )}
      <TextField
        label="Deal title"
        maxLength={200}
        placeholder={defaultDealTitle(draft)}
        value={dealTitle}
        onValue={setDealTitle}
      />
      <div class="details__bar">
        <button type="button" class="button" disabled={busy} onClick={() => void create('lead')}>
          Create lead
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void create('deal')}>
          Create deal
        </button>
      </div>
    </form>
  );
}
