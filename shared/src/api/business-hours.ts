// Business hours: per site, when the team answers chats (weekly open intervals in one IANA time zone, and holiday
// dates closed all day). Outside them the Live Chat card goes straight to the offline flow. Off: always open.
import { z } from 'zod';
import { TimestampSchema } from '../model/ids.js';

/** Most holiday dates one site keeps. */
export const MAX_HOLIDAYS = 50;
/** Most open intervals in one day (a split shift, a lunch break, and some). */
export const MAX_INTERVALS_PER_DAY = 6;
/** Weekdays as `Date.getUTCDay()` counts them: 0 is Sunday. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether the runtime knows the zone (`Intl` throws a RangeError on an unknown one). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "09:00" to minutes after midnight. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const TimeSchema = z.string('Enter a time.').regex(TIME, 'Enter a time as HH:MM (24-hour), like 09:00.');
/** The end may be 24:00: open until midnight. */
const EndTimeSchema = z.string('Enter a time.').regex(END, 'Enter a time as HH:MM (24-hour), like 17:00.');

export const IntervalSchema = z
  .object({ start: TimeSchema, end: EndTimeSchema })
  // A malformed time has its own message; the order is checked between well-formed ones.
  .refine((i) => !TIME.test(i.start) || !END.test(i.end) || minutesOf(i.start) < minutesOf(i.end), {
    message: 'The opening time must be before the closing time.',
    path: ['end'],
  });
export type Interval = z.infer<typeof IntervalSchema>;

/** A day's open intervals, in order and apart; empty: closed all day. */
const DaySchema = z
  .array(IntervalSchema)
  .max(MAX_INTERVALS_PER_DAY, `Use at most ${MAX_INTERVALS_PER_DAY} opening times a day.`)
  .superRefine((intervals, ctx) => {
    const sorted = intervals
      .map((i, index) => ({ index, start: minutesOf(i.start), end: minutesOf(i.end) }))
      .sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++)
      if (sorted[k]!.start < sorted[k - 1]!.end)
        ctx.addIssue({
          code: 'custom',
          message: 'Opening times on the same day must not overlap.',
          path: [sorted[k]!.index, 'start'],
        });
  });

export const WeekSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, DaySchema])) as Record<Weekday, typeof DaySchema>,
);
export type Week = z.infer<typeof WeekSchema>;

/** A calendar date (YYYY-MM-DD) that exists. */
const HolidaySchema = z
  .string('Enter a date.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'This date does not exist.');

const BusinessHoursShape = {
  /** Off (the default): always open, as before. */
  enabled: z.boolean('Say whether business hours are on.'),
  timeZone: z
    .string('Choose a time zone.')
    .min(1, 'Choose a time zone.')
    .refine(isTimeZone, 'Choose a time zone from the list (like Europe/Ljubljana).'),
  week: WeekSchema,
  /** Closed all day, in the site's time zone; sorted, each once. */
  holidays: z
    .array(HolidaySchema)
    .max(MAX_HOLIDAYS, `Keep at most ${MAX_HOLIDAYS} holidays; remove past ones first.`),
};

/** What an admin saves (PUT): repeated holidays count once, and they are kept in date order. */
export const BusinessHoursSettingsSchema = z.object({
  ...BusinessHoursShape,
  holidays: BusinessHoursShape.holidays.transform((days) => [...new Set(days)].sort()),
});
export type BusinessHoursSettings = z.infer<typeof BusinessHoursSettingsSchema>;
export type BusinessHoursInput = z.input<typeof BusinessHoursSettingsSchema>;

export const BusinessHoursSchema = z.object({
  ...BusinessHoursShape,
  /** Null until an admin first saves them. */
  updatedAt: TimestampSchema.nullable(),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

export const BusinessHoursBodySchema = z.object({ businessHours: BusinessHoursSchema });

/** Weekdays 09:00–17:00, weekends closed: what the page starts from before anything is saved. */
export const DEFAULT_WEEK: Week = Object.fromEntries(
  WEEKDAYS.map((d) => [d, d === 'saturday' || d === 'sunday' ? [] : [{ start: '09:00', end: '17:00' }]]),
) as Week;
