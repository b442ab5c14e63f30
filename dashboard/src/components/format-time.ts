// Time labels for a support inbox: short relative ages in lists, clock times in threads. Every label is in the
// dashboard's language (i18n/locale.ts holds it), so switching it switches dates too.
import { CATALOGS } from '../i18n/i18n.js';
import { activeLocale, formatLocale } from '../i18n/locale.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "5m", "3h", "2d" in English; the language's own short unit elsewhere ("5 dk", "3 sa"). */
function age(n: number, unit: 'minute' | 'hour' | 'day'): string {
  if (activeLocale() === 'en') return `${n}${unit[0]}`;
  return new Intl.NumberFormat(formatLocale(), { style: 'unit', unit, unitDisplay: 'short' }).format(n);
}

/** "now", "5m", "3h", "2d", then a date ("Mar 4", or "Mar 4, 2023" in another year). */
export function formatRelative(ts: number, now: number): string {
  const elapsed = Math.max(0, now - ts);
  if (elapsed < MINUTE) return CATALOGS[activeLocale()]['time.now'];
  if (elapsed < HOUR) return age(Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return age(Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return age(Math.floor(elapsed / DAY), 'day');
  return formatDate(ts, now);
}

/** "14:05" today, "Mar 4 14:05" on another day. */
export function formatClock(ts: number, now: number): string {
  const time = new Date(ts).toLocaleTimeString(formatLocale(), { hour: '2-digit', minute: '2-digit' });
  return sameDay(ts, now) ? time : `${formatDate(ts, now)} ${time}`;
}

/** A day in words: "January 6, 2025", "6 Ocak 2025". */
export function formatDay(ts: number): string {
  return new Date(ts).toLocaleDateString(formatLocale(), { dateStyle: 'long' });
}

export function formatFull(ts: number): string {
  return new Date(ts).toLocaleString(formatLocale());
}

function formatDate(ts: number, now: number): string {
  const d = new Date(ts);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleDateString(
    formatLocale(),
    sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' },
  );
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
