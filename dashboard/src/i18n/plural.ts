// Plural messages: one form per CLDR category the language uses ("#" is the number, formatted in that language).
import type { Locale } from '@livechat/shared/model';

export interface PluralForms {
  one: string;
  other: string;
  two?: string;
  few?: string;
  many?: string;
}

export function plural(locale: Locale, forms: PluralForms, n: number): string {
  const category = new Intl.PluralRules(locale).select(n) as keyof PluralForms;
  return (forms[category] ?? forms.other).replace('#', new Intl.NumberFormat(locale).format(n));
}
