// "New message": a first text to a contact (from their profile) or to any number (from the list), or a web chat
// message to a visitor the site has seen (it waits for their next visit). On success the inbox opens on the
// conversation; refusals (opted out, SMS not set up, never on the site) are shown here in the server's words.
import type { ContactSummary, NewConversationBody } from '@livechat/shared/api';
import { createClientId } from '@livechat/shared/client';
import { formatPhoneForDisplay, smsTooLong } from '@livechat/shared/sms';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Field } from '../../components/field.js';
import { InvalidFields, type FieldMessages } from '../../components/form-errors.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { routeHref } from '../../state/route.js';
import { SmsCounter } from '../Sms/sms-counter.js';
import { channelsFor, type NewMessageChannel } from './channels.js';
import { checkRecipient } from './check-recipient.js';
import { contactsApi } from '../../api/index.js';
import { OPTED_OUT_NOTICE } from './opted-out.js';
import type { SendSites } from './use-send-sites.js';

type Props = ({ sites: SendSites; contact?: undefined } | { contact: ContactSummary; sites?: undefined }) & {
  onClose: () => void;
};

const FIELDS = ['to', 'body', 'siteId'] as const;
type NewField = (typeof FIELDS)[number];

export function NewMessageDialog({ contact, sites, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const counterId = useId();
  const channels = channelsFor(contact);
  // A visitor without a number is reached on the web; everyone else by text first, as before.
  const [channel, setChannel] = useState<NewMessageChannel>(
    contact?.web && contact.phone === null ? 'web' : 'sms',
  );
  const web = channel === 'web';
  const [to, setTo] = useState(contact?.phone ? formatPhoneForDisplay(contact.phone) : '');
  const [toChecked, setToChecked] = useState<string | null>(null);
  const siteChoices = sites?.state.status === 'ready' ? sites.state.data : [];
  const [siteId, setSiteId] = useState('');
  const [body, setBody] = useState('');
  /** One id per attempt at this text: a retry after a lost answer is not sent twice; an edit is a new text. */
  const clientId = useRef(createClientId());
  const edited = () => {
    clientId.current = createClientId();
  };

  useEffect(() => {
    const el = dialog.current;
    // Modal: the rest of the page is inert and Escape closes it (the browser's own dialog behaviour).
    if (el && !el.open) el.showModal();
  }, []);

  /** The site chosen, else the first (the only one, unless the list arrived after the dialog opened). */
  const chosenSite = siteId || siteChoices[0]?.id;
  const tooLong = !web && smsTooLong(body);
  const noPhone = !web && contact !== undefined && contact.phone === null;

  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      const errors: FieldMessages<NewField> = {};
      let recipient: Pick<NewConversationBody, 'contactId' | 'to'> = {};
      if (contact) recipient = { contactId: contact.id };
      else {
        const checked = checkRecipient(to);
        if (checked.ok) recipient = { to: checked.value };
        else errors.to = checked.reason;
      }
      if (!body.trim()) errors.body = 'Write a message.';
      if (Object.keys(errors).length > 0) throw new InvalidFields(errors);
      const from = contact?.siteId ?? (chosenSite || (await sites?.ready)?.[0]?.id);
      if (!from) throw new Error(NO_SITE);
      const { conversation } = await contactsApi.newConversation({
        siteId: from,
        channel,
        ...recipient,
        clientId: clientId.current,
        body,
      });
      location.hash = routeHref({ page: 'inbox', conversationId: conversation.id });
      onClose();
    },
    undefined,
    FIELDS,
  );

  const shownTo = !contact && toChecked !== null ? checkRecipient(toChecked) : null;
  return (
    <dialog
      ref={dialog}
      class="modal"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        // Escape: closed by the page (which unmounts the dialog), not by the browser behind its back.
        e.preventDefault();
        onClose();
      }}
    >
      <form class="modal__body" onSubmit={(e) => void submit(e)} noValidate>
        <h2 class="modal__title" id={titleId}>
          New message
        </h2>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <fieldset class="fieldset modal__channels" role="radiogroup" aria-labelledby={`${titleId}-channel`}>
          <legend class="field__label" id={`${titleId}-channel`}>
            Channel
          </legend>
          {channels.map((c) => (
            <label key={c.value} class="check">
              <input
                type="radio"
                name="channel"
                value={c.value}
                checked={channel === c.value}
                onChange={() => {
                  setChannel(c.value);
                  clearField('to');
                  edited();
                }}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        {contact && web ? (
          <TextField
            label="To"
            readOnly
            value={contact.name}
            onValue={() => {}}
            hint="Waits in their chat on your website: they see it the next time they visit."
            error={fieldErrors.to}
          />
        ) : contact ? (
          <TextField
            label="To"
            type="tel"
            readOnly
            value={to}
            onValue={() => {}}
            hint={contact.name}
            error={noPhone ? 'This contact has no phone number to text.' : fieldErrors.to}
          />
        ) : (
          <TextField
            label="To"
            type="tel"
            autocomplete="off"
            placeholder="+1 415 555 0100"
            hint={
              shownTo?.ok
                ? `Sends to ${shownTo.shown}`
                : 'A phone number with its country code, like +1 415 555 0100, or a short code.'
            }
            error={fieldErrors.to ?? (shownTo && !shownTo.ok ? shownTo.reason : undefined)}
            value={to}
            onValue={(v) => {
              setTo(v);
              setToChecked(null);
              clearField('to');
              edited();
            }}
            onBlur={() => setToChecked(to.trim() ? to : null)}
          />
        )}
        {!contact && siteChoices.length > 1 && (
          <SelectField
            label="From"
            hint="The number the text goes out from."
            value={chosenSite ?? ''}
            options={siteChoices.map((s) => ({ value: s.id, label: s.name }))}
            error={fieldErrors.siteId}
            onValue={(v) => {
              setSiteId(v);
              edited();
            }}
          />
        )}
        {contact?.smsOptedOut && !web && <p class="contact__opted-out">{OPTED_OUT_NOTICE}</p>}
        <Field label="Message" error={fieldErrors.body}>
          {(control) => (
            <textarea
              class="input input--area"
              rows={5}
              {...control}
              aria-describedby={[control['aria-describedby'], !web && counterId].filter(Boolean).join(' ')}
              value={body}
              onInput={(e) => {
                setBody(e.currentTarget.value);
                clearField('body');
                edited();
              }}
            />
          )}
        </Field>
        {!web && <SmsCounter text={body} id={counterId} />}
        <div class="modal__actions">
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
          <button class="button button--primary" type="submit" disabled={busy || tooLong || noPhone}>
            Send
          </button>
        </div>
      </form>
    </dialog>
  );
}

const NO_SITE = 'No number is connected for text messages yet: an admin connects one on the SMS page.';
