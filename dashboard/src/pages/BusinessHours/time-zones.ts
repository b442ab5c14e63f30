// The time zones the browser knows, for the select; the browser's own is the default before anything is saved.

/** The browser's zone ("Europe/Ljubljana"); UTC when it does not say. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every IANA zone the browser knows, sorted, with `also` (the stored and the browser's zone) and UTC included. */
export function timeZoneOptions(...also: string[]): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', ...also])].sort();
}
