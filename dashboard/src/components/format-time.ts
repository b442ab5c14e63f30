// Time labels for a support inbox: short relative ages in lists, clock times in threads.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "2d", then a date ("Mar 4", or "Mar 4, 2023" in another year). */
export function formatRelative(ts: number, now: number): string {
  const age = Math.max(0, now - ts);
  if (age < MINUTE) return 'now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  if (age < DAY) return `${Math.floor(age / HOUR)}h`;
  if (age < 7 * DAY) return `${Math.floor(age / DAY)}d`;
  return formatDate(ts, now);
}

/** "14:05" today, "Mar 4 14:05" on another day. */
export function formatClock(ts: number, now: number): string {
  const time = new Date(ts).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay(ts, now) ? time : `${formatDate(ts, now)} ${time}`;
}

export function formatFull(ts: number): string {
  return new Date(ts).toLocaleString();
}

function formatDate(ts: number, now: number): string {
  const d = new Date(ts);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleDateString(
    undefined,
    sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' },
  );
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
