import { CONTACT_FIELDS, PLAYBOOK_LIMITS, type QuestionInput } from '@livechat/shared/model';
import type { SelectOption } from '../../components/select-field.js';
import type { QuestionDraft } from './draft.js';
import { LinesInput, RichTextInput, SelectInput, TextInput } from './fields.js';

interface Props {
  /** Validation key of the question, e.g. "steps.2" or "steps.4.offlineFlow.questions.0". */
  base: string;
  value: QuestionDraft;
  onChange: (value: QuestionDraft) => void;
}

const INPUTS: SelectOption<QuestionInput>[] = [
  { value: 'text', label: 'Free text' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'choice', label: 'Single choice' },
];

const CUSTOM = 'custom';
const CUSTOM_PREFIX = 'custom.';

const TARGETS: SelectOption<string>[] = [
  ...CONTACT_FIELDS.map((f) => ({ value: `contact.${f}`, label: `Contact ${f}` })),
  { value: CUSTOM, label: 'Custom field…' },
];

/** What the admin types as a custom field name, as the schema wants it: lowercase, "_" between words. */
const slug = (name: string) => name.toLowerCase().replace(/[\s-]+/g, '_');

export function QuestionEditor({ base, value, onChange }: Props) {
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...value, ...patch });
  const custom = value.field.startsWith(CUSTOM_PREFIX);
  return (
    <div class="question-editor">
      <RichTextInput
        fieldKey={`${base}.text`}
        label="Question"
        value={value.text}
        onValue={(text) => set({ text })}
      />
      <div class="form-row">
        <SelectInput
          fieldKey={`${base}.input`}
          label="Answer type"
          value={value.input}
          options={INPUTS}
          onValue={(input) => set({ input })}
        />
        <SelectInput
          fieldKey={`${base}.field`}
          label="Save answer to"
          showError={!custom}
          value={custom ? CUSTOM : value.field}
          options={TARGETS}
          onValue={(target) => set({ field: target === CUSTOM ? CUSTOM_PREFIX : target })}
        />
        {custom && (
          <TextInput
            fieldKey={`${base}.field`}
            label="Custom field name"
            hint="Lowercase letters, digits and _, starting with a letter."
            autocomplete="off"
            spellcheck={false}
            value={value.field.slice(CUSTOM_PREFIX.length)}
            // The schema speaks of the whole reference ("custom.<name>"); this field is only the name.
            errorText={
              value.field === CUSTOM_PREFIX
                ? 'Enter a name for the custom field.'
                : 'Use lowercase letters, digits and _, starting with a letter.'
            }
            onValue={(name) => set({ field: CUSTOM_PREFIX + slug(name) })}
          />
        )}
      </div>
      {value.input === 'choice' && (
        <LinesInput
          fieldKey={`${base}.choices`}
          label="Options"
          hint={`One per line, 2 to ${PLAYBOOK_LIMITS.maxChoices}. The visitor picks one.`}
          value={value.choices}
          onValue={(choices) => set({ choices })}
        />
      )}
    </div>
  );
}
