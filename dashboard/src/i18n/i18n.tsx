// Components read the language through a context, so a change re-renders every one that shows words at once.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '@livechat/shared/model';
import { en, type MessageKey, type Messages } from './en.js';
import { tr } from './tr.js';
import { sl } from './sl.js';
import { plural, type PluralForms } from './plural.js';
import { activeLocale, setActiveLocale } from './locale.js';

export const CATALOGS: Record<Locale, Messages> = { en, tr, sl };

const LocaleContext = createContext<Locale | null>(null);

/** Provides the language to everything below; also makes it the one formatters use and the page's lang. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  // Set during render (not in an effect): children formatting dates in this render must see the new language.
  if (activeLocale() !== locale || document.documentElement.lang !== locale) setActiveLocale(locale);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The language in use; outside a provider (some tests), the one set last. */
export const useLocale = (): Locale => useContext(LocaleContext) ?? activeLocale();

export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];
type PluralKey = { [K in MessageKey]: Messages[K] extends PluralForms ? K : never }[MessageKey];

export interface Translate {
  /** A text, or a message function to call with its arguments. */
  <K extends TextKey>(key: K): string;
  /** The catalog entry itself (message functions). */
  fn: <K extends Exclude<MessageKey, TextKey | PluralKey>>(key: K) => Messages[K];
  /** A plural message for `n`. */
  plural: (key: PluralKey, n: number) => string;
  locale: Locale;
}

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  const t = ((key: TextKey) => catalog[key]) as Translate;
  t.fn = (key) => catalog[key];
  t.plural = (key, n) => plural(locale, catalog[key], n);
  t.locale = locale;
  return t;
}

const cache = new Map<Locale, Translate>();

/** The words of the language in use: `t('nav.inbox')`, `t.fn('nav.unassigned')(3)`, `t.plural('nav.conversations', 2)`. */
export function useT(): Translate {
  const locale = useLocale();
  let t = cache.get(locale);
  if (!t) cache.set(locale, (t = translator(locale)));
  return t;
}
