// How a lead or deal's fields read in the table.
import type { Money } from '@livechat/shared/model';

/** "€1,250.00" in the reader's locale. Amounts are decimal strings of at most 14 digits, exact as a number. */
export function formatMoney({ amount, currency }: Money, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount));
}

/** A calendar date ("2026-12-31") as the reader writes dates; the same day in every time zone. */
export function formatDay(date: string, locale?: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** A moment, date and time, in the reader's zone. */
export function formatMoment(ts: number, locale?: string): string {
  return new Date(ts).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
