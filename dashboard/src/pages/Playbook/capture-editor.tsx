import { CONTACT_FIELDS, type ContactField } from '@livechat/shared/model';
import type { CaptureDraft } from './draft.js';
import { TextInput } from './fields.js';

interface Props {
  /** Validation key of the offline flow, e.g. "steps.4.offlineFlow". */
  base: string;
  value: Record<ContactField, CaptureDraft>;
  onChange: (value: Record<ContactField, CaptureDraft>) => void;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Which contact details the offline flow asks for, each with the bot's prompt. */
export function CaptureEditor({ base, value, onChange }: Props) {
  const set = (field: ContactField, patch: Partial<CaptureDraft>) =>
    onChange({ ...value, [field]: { ...value[field], ...patch } });
  return (
    <div class="capture">
      {CONTACT_FIELDS.map((field) => (
        <div key={field} class="capture__row">
          <label class="check">
            <input
              type="checkbox"
              checked={value[field].enabled}
              onChange={(e) => set(field, { enabled: e.currentTarget.checked })}
            />
            Ask for {field}
          </label>
          {value[field].enabled && (
            <TextInput
              fieldKey={`${base}.capture.${field}.text`}
              label={`${capitalize(field)} prompt`}
              value={value[field].text}
              onValue={(text) => set(field, { text })}
            />
          )}
        </div>
      ))}
    </div>
  );
}
