import type { Locale } from '@livechat/shared/model';
import { LOCALES } from '@livechat/shared/protocol/constants';
import { SelectField } from '../../components/select-field.js';
import { LANGUAGE_NAMES } from '../../i18n/locale.js';

interface Props {
  /** '' for the default texts. */
  value: Locale | '';
  /** The playbook's default language: its texts are the default ones, so it is not offered as a translation. */
  defaultLocale: Locale;
  onValue: (value: Locale | '') => void;
}

/** Which language's bot texts the steps below edit. */
export function BotTextLanguage({ value, defaultLocale, onValue }: Props) {
  const options = [
    { value: '' as const, label: `Default texts (${LANGUAGE_NAMES[defaultLocale]})` },
    ...LOCALES.filter((l) => l !== defaultLocale).map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
  ];
  return (
    <section class="card" aria-labelledby="bot-texts-title">
      <h2 class="card__title" id="bot-texts-title">
        Bot texts per language
      </h2>
      <SelectField<Locale | ''>
        label="Bot text language"
        hint="Visitors whose widget speaks a language read its texts; where a box is empty, they read the default text."
        value={value === defaultLocale ? '' : value}
        options={options}
        onValue={onValue}
      />
    </section>
  );
}
