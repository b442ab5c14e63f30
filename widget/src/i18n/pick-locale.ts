// Which locale the widget speaks; the loader (launcher) and the chat module pick the same way, each from its own
// table (a Record<Locale, …>, so its keys are exactly the locales; importing LOCALES instead would drag the
// protocol constants into widget.js).
import type { Locale } from '@livechat/shared/model';

/**
 * The first browser language the table has (by primary subtag: `tr-TR` is `tr`), else the site's default, else
 * English.
 */
export function pickLocale(
  table: Record<Locale, unknown>,
  languages: readonly string[],
  siteDefault?: unknown,
): Locale {
  const has = (value: unknown): value is Locale => Object.keys(table).includes(value as string);
  for (const tag of languages) {
    const primary = tag.split('-')[0]!.toLowerCase();
    if (has(primary)) return primary;
  }
  return has(siteDefault) ? siteDefault : 'en';
}
