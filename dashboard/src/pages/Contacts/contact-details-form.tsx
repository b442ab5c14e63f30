// The contact's name, email and phone, editable. The server checks them (the phone as texts are checked, written back
// as +E.164); its refusals show beside the fields. An SMS contact's number is who they are on SMS: not editable.
import type { ContactCrm, ContactSummary } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { contactsApi, errorMessage } from '../../api/index.js';
import { serverFieldErrors } from '../../components/server-field-errors.js';
import { TextField } from '../../components/text-field.js';

interface Props {
  contactId: string;
  initial: ContactCrm['details'];
  onSaved: (contact: ContactSummary) => void;
}

const FIELDS = ['name', 'email', 'phone'] as const;
type Field = (typeof FIELDS)[number];

export function ContactDetailsForm({ contactId, initial, onSaved }: Props) {
  const [values, setValues] = useState({
    name: initial.name,
    email: initial.email,
    phone: initial.smsAddress ?? initial.phone,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const set = (field: Field) => (value: string) => {
    setValues({ ...values, [field]: value });
    setErrors({ ...errors, [field]: undefined });
    setStatus('idle');
  };

  const save = async () => {
    setStatus('saving');
    setError(null);
    try {
      const contact = await contactsApi.saveDetails(contactId, {
        ...values,
        phone: initial.smsAddress ? '' : values.phone,
      });
      setErrors({});
      setStatus('saved');
      onSaved(contact);
    } catch (e) {
      const fields = serverFieldErrors(e, FIELDS);
      setErrors(fields);
      setError(Object.keys(fields).length > 0 ? null : errorMessage(e));
      setStatus('idle');
    }
  };

  return (
    <form
      class="contact-crm__details"
      aria-label="Edit contact details"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField label="Name" value={values.name} onValue={set('name')} error={errors.name} maxLength={100} />
      <TextField
        label="Email"
        type="email"
        value={values.email}
        onValue={set('email')}
        error={errors.email}
        maxLength={254}
      />
      <TextField
        label="Phone"
        type="tel"
        value={values.phone}
        onValue={set('phone')}
        error={errors.phone}
        maxLength={40}
        readOnly={initial.smsAddress !== null}
        hint={
          initial.smsAddress ? 'They text from this number.' : 'With the country code, like +386 40 123 456.'
        }
      />
      <div class="contact-crm__bar">
        {error && (
          <span class="form-error" role="alert">
            {error}
          </span>
        )}
        {status === 'saved' && <span role="status">Saved</span>}
        <button type="submit" class="button button--small" disabled={status === 'saving'}>
          Save details
        </button>
      </div>
    </form>
  );
}
