import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WEEK, WEEKDAYS, type BusinessHoursSettings, type Week } from '@livechat/shared/api';
import { instantOf, isOpen, nextOpening } from './schedule.js';
import { backText } from './back-text.js';

const utc = (iso: string) => Date.parse(iso);
const hours = (over: Partial<BusinessHoursSettings> = {}): BusinessHoursSettings => ({
  enabled: true,
  timeZone: 'Europe/Ljubljana',
  week: DEFAULT_WEEK,
  holidays: [],
  ...over,
});
const everyDay = (start: string, end: string): Week =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start, end }]])) as Week;

describe('isOpen', () => {
  it('is always open with business hours off', () => {
    expect(
      isOpen(hours({ enabled: false, week: everyDay('09:00', '10:00') }), utc('2026-12-06T03:00Z')),
    ).toBe(true);
  });

  it('reads the wall clock in the site zone, winter and summer', () => {
    const h = hours();
    // Tuesday 1 December 2026: CET (UTC+1). 08:00Z is 09:00 there.
    expect(isOpen(h, utc('2026-12-01T07:59Z'))).toBe(false);
    expect(isOpen(h, utc('2026-12-01T08:00Z'))).toBe(true);
    expect(isOpen(h, utc('2026-12-01T15:59Z'))).toBe(true);
    expect(isOpen(h, utc('2026-12-01T16:00Z'))).toBe(false);
    // Wednesday 1 July 2026: CEST (UTC+2). 07:00Z is 09:00 there.
    expect(isOpen(h, utc('2026-07-01T06:59Z'))).toBe(false);
    expect(isOpen(h, utc('2026-07-01T07:00Z'))).toBe(true);
    // The weekend is closed.
    expect(isOpen(h, utc('2026-12-05T12:00Z'))).toBe(false);
  });

  it('is closed all day on a holiday, in the site zone', () => {
    const h = hours({ holidays: ['2026-12-25'] });
    expect(isOpen(h, utc('2026-12-25T10:00Z'))).toBe(false);
    expect(isOpen(h, utc('2026-12-24T10:00Z'))).toBe(true);
  });

  it('knows split days and open-until-midnight', () => {
    const h = hours({
      week: {
        ...everyDay('09:00', '12:00'),
        monday: [
          { start: '13:00', end: '24:00' },
          { start: '08:00', end: '12:00' },
        ],
      },
    });
    expect(isOpen(h, utc('2026-11-30T11:30Z'))).toBe(false); // Monday 12:30 CET: lunch
    expect(isOpen(h, utc('2026-11-30T22:59Z'))).toBe(true); // Monday 23:59
    expect(isOpen(h, utc('2026-11-30T23:00Z'))).toBe(false); // Tuesday 00:00
  });
});

describe('nextOpening', () => {
  it('is now while open', () => {
    expect(nextOpening(hours(), utc('2026-12-01T10:00Z'))).toBe(utc('2026-12-01T10:00Z'));
  });

  it('is Monday 09:00 from a Friday evening, across the spring change (Europe/Ljubljana, end of March)', () => {
    // Friday 27 March 2026 18:00 CET; clocks go forward on Sunday 29 March: Monday 09:00 is CEST (07:00Z).
    expect(nextOpening(hours(), utc('2026-03-27T17:00Z'))).toBe(utc('2026-03-30T07:00Z'));
  });

  it('is Monday 09:00 across the autumn change (Europe/Ljubljana, end of October)', () => {
    // Friday 23 October 2026 18:00 CEST; clocks go back on Sunday 25 October: Monday 09:00 is CET (08:00Z).
    expect(nextOpening(hours(), utc('2026-10-23T16:00Z'))).toBe(utc('2026-10-26T08:00Z'));
  });

  it('follows America/New_York across its own changes', () => {
    const h = hours({ timeZone: 'America/New_York' });
    // Friday 6 March 2026 18:00 EST; DST starts Sunday 8 March: Monday 09:00 EDT is 13:00Z.
    expect(nextOpening(h, utc('2026-03-06T23:00Z'))).toBe(utc('2026-03-09T13:00Z'));
    // Friday 30 October 2026 18:00 EDT; DST ends Sunday 1 November: Monday 09:00 EST is 14:00Z.
    expect(nextOpening(h, utc('2026-10-30T22:00Z'))).toBe(utc('2026-11-02T14:00Z'));
  });

  it('skips holidays', () => {
    const h = hours({ holidays: ['2026-12-25', '2026-12-28'] });
    // Thursday 24 December 18:00 CET: Friday 25 and Monday 28 are holidays, the weekend closed: Tuesday 29 09:00.
    expect(nextOpening(h, utc('2026-12-24T17:00Z'))).toBe(utc('2026-12-29T08:00Z'));
  });

  it('opens at the end of the gap when the opening time does not exist that day', () => {
    // 02:30 does not exist in Ljubljana on 29 March 2026 (02:00 CET -> 03:00 CEST, at 01:00Z).
    const h = hours({ week: everyDay('02:30', '04:00') });
    expect(nextOpening(h, utc('2026-03-28T23:00Z'))).toBe(utc('2026-03-29T01:00Z'));
    expect(instantOf(utc('2026-10-25T02:30Z'), 'Europe/Ljubljana')).toBe(utc('2026-10-25T00:30Z'));
  });

  it('is null when the site never opens', () => {
    expect(nextOpening(hours({ week: WEEKDAYS_CLOSED }), 0)).toBeNull();
  });

  it('is an opening moment, and now exactly when open (property)', () => {
    const zones = ['Europe/Ljubljana', 'America/New_York', 'Europe/Istanbul', 'Australia/Lord_Howe', 'UTC'];
    const time = fc
      .integer({ min: 0, max: 47 })
      .map((h) => `${String(h >> 1).padStart(2, '0')}:${h & 1 ? '30' : '00'}`);
    const interval = fc
      .tuple(time, time)
      .filter(([a, b]) => a < b)
      .map(([start, end]) => ({ start, end }));
    const week = fc
      .tuple(...WEEKDAYS.map(() => fc.option(interval, { nil: undefined })))
      .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i] ? [days[i]] : []])) as Week);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        week,
        fc.integer({ min: utc('2026-01-01T00:00Z'), max: utc('2027-12-31T00:00Z') }),
        (timeZone, w, raw) => {
          const at = Math.floor(raw / 60_000) * 60_000;
          const h = hours({ timeZone, week: w });
          const next = nextOpening(h, at);
          expect(next === at).toBe(isOpen(h, at));
          if (next === null) return;
          expect(next).toBeGreaterThanOrEqual(at);
          expect(isOpen(h, next)).toBe(true);
          if (next > at) expect(isOpen(h, next - 60_000)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const WEEKDAYS_CLOSED = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as Week;

describe('backText', () => {
  const monday = utc('2026-03-30T07:00Z');
  const friday = utc('2026-03-27T17:00Z');
  it('says the day and time in the site zone, in the visitor language', () => {
    expect(backText('en', monday, 'Europe/Ljubljana', friday)).toBe(
      "We're back on Monday at 09:00 (Europe/Ljubljana).",
    );
    expect(backText('tr', monday, 'Europe/Ljubljana', friday)).toBe(
      'Pazartesi saat 09:00 itibarıyla tekrar buradayız (Europe/Ljubljana).',
    );
    expect(backText('sl', monday, 'Europe/Ljubljana', friday)).toBe(
      'Spet smo tu v ponedeljek ob 09:00 (Europe/Ljubljana).',
    );
  });

  it('names the date a week or more ahead, and says away when nothing opens', () => {
    expect(backText('en', utc('2026-04-06T07:00Z'), 'Europe/Ljubljana', friday)).toBe(
      "We're back on Monday, April 6 at 09:00 (Europe/Ljubljana).",
    );
    expect(backText('en', null, 'Europe/Ljubljana', friday)).toBe("We're away at the moment.");
  });
});
