import type { Locale } from '@livechat/shared/model';
import type { SelectOption } from '../../components/select-field.js';
import type { PlaybookDraft } from './draft.js';
import { SelectInput, TextInput } from './fields.js';

type BotFields = Pick<PlaybookDraft, 'botName' | 'botAvatarUrl' | 'locale'>;

interface Props {
  value: BotFields;
  onChange: (patch: Partial<BotFields>) => void;
}

const LANGUAGES: SelectOption<Locale>[] = [
  { value: 'en', label: 'English' },
  { value: 'tr', label: 'Türkçe' },
  { value: 'sl', label: 'Slovenščina' },
];

export function BotSettings({ value, onChange }: Props) {
  return (
    <section class="card" aria-labelledby="bot-title">
      <h2 class="card__title" id="bot-title">
        Bot
      </h2>
      <div class="form-row">
        <TextInput
          fieldKey="botName"
          label="Bot name"
          autocomplete="off"
          value={value.botName}
          onValue={(botName) => onChange({ botName })}
        />
        <TextInput
          fieldKey="botAvatarUrl"
          label="Bot avatar URL"
          type="url"
          autocomplete="off"
          placeholder="https://…"
          hint="Optional. An https:// image address."
          value={value.botAvatarUrl}
          onValue={(botAvatarUrl) => onChange({ botAvatarUrl })}
        />
        <SelectInput
          fieldKey="locale"
          label="Default language"
          hint="For visitors whose browser prefers none of these."
          value={value.locale}
          options={LANGUAGES}
          onValue={(locale) => onChange({ locale })}
        />
      </div>
    </section>
  );
}
