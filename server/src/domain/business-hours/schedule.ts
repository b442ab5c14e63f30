// When a site is open: pure functions of its business hours and an instant. Opening times are wall-clock times in the
// site's time zone, so "09:00" stays 09:00 across daylight-saving changes; Intl gives the wall clock of an instant.
import { minutesOf, WEEKDAYS, type BusinessHoursSettings } from '@livechat/shared/api';

type Hours = Pick<BusinessHoursSettings, 'enabled' | 'timeZone' | 'week' | 'holidays'>;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead the next opening is looked for: a year, and the 50 holidays that may lie in it. */
const SEARCH_DAYS = 366 + 50;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The instant's wall clock in the zone, as if it were UTC (epoch ms, whole minutes). */
export function wallClock(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatIn(timeZone).formatToParts(at))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** "2026-03-29" of a wall clock. */
const dateOf = (wall: number) => new Date(wall).toISOString().slice(0, 10);
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The first instant whose wall clock in the zone reaches `wall` (a wall clock as if UTC): the wall time itself, the
 * earlier of two when clocks go back, the end of the gap when clocks go forward past it.
 */
export function instantOf(wall: number, timeZone: string): number {
  const offset = (t: number) => wallClock(t, timeZone) - Math.floor(t / MINUTE) * MINUTE;
  const before = offset(wall - DAY);
  const after = offset(wall + DAY);
  let lo = wall - Math.max(before, after);
  let hi = wall - Math.min(before, after);
  if (wallClock(lo, timeZone) === wall) return lo;
  if (wallClock(hi, timeZone) === wall) return hi;
  // A gap (clocks went forward over `wall`): the wall clock rises through [lo, hi]; find where it first reaches it.
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (wallClock(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

const intervalsOn = (hours: Hours, wall: number) =>
  hours.holidays.includes(dateOf(wall)) ? [] : hours.week[WEEKDAYS[new Date(wall).getUTCDay()]!];

/** Whether the site answers chats at the instant (always, with business hours off). */
export function isOpen(hours: Hours, at: number): boolean {
  if (!hours.enabled) return true;
  const wall = wallClock(at, hours.timeZone);
  const minutes = (wall - dayStart(dateOf(wall))) / MINUTE;
  return intervalsOn(hours, wall).some((i) => minutesOf(i.start) <= minutes && minutes < minutesOf(i.end));
}

/**
 * The first instant from `at` on when the site is open: `at` itself while open; null when it never opens (no
 * opening times, or only holidays ahead for a year).
 */
export function nextOpening(hours: Hours, at: number): number | null {
  if (isOpen(hours, at)) return at;
  const today = dayStart(dateOf(wallClock(at, hours.timeZone)));
  for (let d = 0; d < SEARCH_DAYS; d++) {
    const midnight = today + d * DAY;
    const intervals = [...intervalsOn(hours, midnight)].sort(
      (a, b) => minutesOf(a.start) - minutesOf(b.start),
    );
    for (const interval of intervals) {
      const opens = instantOf(midnight + minutesOf(interval.start) * MINUTE, hours.timeZone);
      const closes = instantOf(midnight + minutesOf(interval.end) * MINUTE, hours.timeZone);
      // Past, or lost in a gap when clocks went forward.
      if (closes <= at || opens >= closes) continue;
      return Math.max(opens, at);
    }
  }
  return null;
}
