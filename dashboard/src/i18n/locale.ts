// The dashboard's language: the agent's choice (stored on the server), else the browser's first supported language,
// else English. One place holds the language in use, so dates and numbers (format-time.ts) follow it too.
import type { Locale } from '@livechat/shared/model';

export const DASHBOARD_LOCALES = ['en', 'tr', 'sl'] as const satisfies readonly Locale[];

/** Each language named in itself, as the Language combobox offers it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', tr: 'Türkçe', sl: 'Slovenščina' };

/** The first of the browser's languages the dashboard speaks (by primary subtag: tr-TR is tr), else English. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? []): Locale {
  for (const tag of languages) {
    const primary = tag.split('-')[0]!.toLowerCase();
    const found = DASHBOARD_LOCALES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}

/** The language to show for an agent's stored choice (null or absent: the browser's). */
export const resolveLocale = (choice: Locale | null | undefined): Locale => choice ?? browserLocale();

let active: Locale = 'en';

/** The language in use now (for formatters that are plain functions). */
export const activeLocale = (): Locale => active;

/**
 * The tag dates and numbers are formatted with: the browser's own (en-GB, tr-TR, with its regional habits) when it
 * is the language in use, else the language itself; undefined keeps the runtime's default for English.
 */
export function formatLocale(): string | undefined {
  const first = typeof navigator === 'undefined' ? undefined : navigator.languages?.[0];
  if (first && first.split('-')[0]!.toLowerCase() === active) return first;
  return active === 'en' ? undefined : active;
}

/** Sets the language in use and the page's `lang`, so screen readers pronounce it right. */
export function setActiveLocale(locale: Locale): void {
  active = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
