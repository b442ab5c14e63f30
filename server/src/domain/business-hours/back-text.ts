// "We're back on Monday at 09:00 (Europe/Ljubljana).": what the visitor reads after the offline message outside
// business hours, in the playbook's language, with the time in the site's zone (named, since the visitor's may differ).
import type { Locale } from '@livechat/shared/model';
import { wallClock } from './schedule.js';

const DAY = 86_400_000;
/** Slovenian says "v ponedeljek", "v sredo": the weekday after "v" (accusative), Sunday first. */
const SL_WEEKDAYS = ['nedeljo', 'ponedeljek', 'torek', 'sredo', 'četrtek', 'petek', 'soboto'];

const TEXTS: Record<Locale, { back: (day: string, time: string, zone: string) => string; away: string }> = {
  en: {
    back: (day, time, zone) => `We're back on ${day} at ${time} (${zone}).`,
    away: "We're away at the moment.",
  },
  tr: {
    back: (day, time, zone) => `${day} saat ${time} itibarıyla tekrar buradayız (${zone}).`,
    away: 'Şu anda buralarda değiliz.',
  },
  sl: {
    back: (day, time, zone) => `Spet smo tu v ${day} ob ${time} (${zone}).`,
    away: 'Trenutno nismo dosegljivi.',
  },
};

/**
 * The sentence for a reopening at `opens` (null: no opening ahead). A week or more away, the date is named too, so
 * "Monday" is never read as the coming one when a holiday closes it.
 */
export function backText(locale: Locale, opens: number | null, timeZone: string, now: number): string {
  const texts = TEXTS[locale];
  if (opens === null) return texts.away;
  const wall = new Date(wallClock(opens, timeZone));
  const far = opens - now >= 6 * DAY;
  const time = wall.toISOString().slice(11, 16);
  const weekday =
    locale === 'sl'
      ? SL_WEEKDAYS[wall.getUTCDay()]!
      : wall.toLocaleDateString(locale, { timeZone: 'UTC', weekday: 'long' });
  const date = wall.toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' });
  const day = !far ? weekday : locale === 'tr' ? `${date} ${weekday}` : `${weekday}, ${date}`;
  return texts.back(day, time, timeZone);
}
