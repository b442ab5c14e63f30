// Custom attributes ("Plan" = "Pro"): rows of name and value, added, changed and removed here, saved together. The
// limits are the server's (ContactAttributesBodySchema); its refusals show beside the row they are about.
import {
  ATTRIBUTE_KEY_MAX,
  ATTRIBUTE_VALUE_MAX,
  MAX_ATTRIBUTES,
  type ContactAttribute,
} from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { ApiError, contactsApi, errorMessage } from '../../api/index.js';

interface Props {
  contactId: string;
  initial: ContactAttribute[];
}

/** The server's word about row `index`, from paths like "body.attributes.2.key". */
function rowErrors(error: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    const match = /attributes\.(\d+)\./.exec(d.path);
    if (match && !out.has(Number(match[1]))) out.set(Number(match[1]), d.message);
  }
  return out;
}

export function ContactAttributes({ contactId, initial }: Props) {
  const [rows, setRows] = useState<ContactAttribute[]>(initial);
  const [errors, setErrors] = useState(new Map<number, string>());
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const change = (index: number, patch: Partial<ContactAttribute>) => {
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setStatus('idle');
  };
  const save = async () => {
    setStatus('saving');
    setError(null);
    try {
      // Rows left empty are not attributes.
      const attributes = rows.filter((r) => r.key.trim() || r.value.trim());
      setRows(await contactsApi.saveAttributes(contactId, attributes));
      setErrors(new Map());
      setStatus('saved');
    } catch (e) {
      const byRow = rowErrors(e);
      setErrors(byRow);
      setError(byRow.size > 0 ? null : errorMessage(e));
      setStatus('idle');
    }
  };

  return (
    <section class="card" aria-labelledby="contact-attributes-title">
      <h2 class="card__title" id="contact-attributes-title">
        Attributes
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {rows.length === 0 && <p class="empty">No attributes yet.</p>}
        <ul class="contact-crm__attributes">
          {rows.map((row, index) => (
            <li key={index} class="contact-crm__attribute">
              <input
                class="input input--compact"
                aria-label={`Attribute ${index + 1} name`}
                placeholder="Name"
                maxLength={ATTRIBUTE_KEY_MAX}
                value={row.key}
                aria-invalid={errors.has(index) ? true : undefined}
                onInput={(e) => change(index, { key: e.currentTarget.value })}
              />
              <input
                class="input input--compact"
                aria-label={`Attribute ${index + 1} value`}
                placeholder="Value"
                maxLength={ATTRIBUTE_VALUE_MAX}
                value={row.value}
                onInput={(e) => change(index, { value: e.currentTarget.value })}
              />
              <button
                type="button"
                class="button button--small"
                aria-label={`Remove attribute ${row.key || index + 1}`}
                onClick={() => {
                  setRows(rows.filter((_, i) => i !== index));
                  setStatus('idle');
                }}
              >
                Remove
              </button>
              {errors.has(index) && (
                <span class="form-error" role="alert">
                  {errors.get(index)}
                </span>
              )}
            </li>
          ))}
        </ul>
        <div class="contact-crm__bar">
          {error && (
            <span class="form-error" role="alert">
              {error}
            </span>
          )}
          {status === 'saved' && <span role="status">Saved</span>}
          <button
            type="button"
            class="button button--small"
            disabled={rows.length >= MAX_ATTRIBUTES}
            onClick={() => setRows([...rows, { key: '', value: '' }])}
          >
            Add attribute
          </button>
          <button type="submit" class="button button--small" disabled={status === 'saving'}>
            Save attributes
          </button>
        </div>
      </form>
    </section>
  );
}
