// The business hours of one site: the on/off switch, the time zone, each weekday's opening times (or closed), and
// the holidays. Checked with the server's own schema before it is sent; the server's refusals show at their field.
import {
  BusinessHoursSettingsSchema,
  MAX_HOLIDAYS,
  MAX_INTERVALS_PER_DAY,
  WEEKDAYS,
  type BusinessHours,
  type Interval,
  type Week,
  type Weekday,
} from '@livechat/shared/api';
import { useId, useMemo, useState } from 'preact/hooks';
import { businessHoursApi } from '../../api/index.js';
import { CheckboxField } from '../../components/checkbox-field.js';
import { InvalidFields, type FieldMessages } from '../../components/form-errors.js';
import { SelectField } from '../../components/select-field.js';
import { SwitchField } from '../../components/switch-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { browserTimeZone, timeZoneOptions } from './time-zones.js';

/** Monday first, as people read a week; stored by name, so the order is only the page's. */
const DAYS: readonly Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
const DAY_NAMES: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
const NEW_INTERVAL: Interval = { start: '09:00', end: '17:00' };

type Field = 'timeZone' | 'holidays' | `week.${Weekday}`;
const FIELDS: readonly Field[] = ['timeZone', 'holidays', ...DAYS.map((d) => `week.${d}` as const)];

/** A schema issue's path as the form's field: a weekday's row, the zone or the holidays. */
const fieldOf = (path: readonly PropertyKey[]): Field =>
  path[0] === 'week'
    ? `week.${String(path[1]) as Weekday}`
    : path[0] === 'timeZone'
      ? 'timeZone'
      : 'holidays';

interface Props {
  siteId: string;
  initial: BusinessHours;
}

export function BusinessHoursForm({ siteId, initial }: Props) {
  const [enabled, setEnabled] = useState(initial.enabled);
  // Never saved: the admin's own zone is the likeliest.
  const [timeZone, setTimeZone] = useState(initial.updatedAt === null ? browserTimeZone() : initial.timeZone);
  const [week, setWeek] = useState<Week>(initial.week);
  const [holidays, setHolidays] = useState<string[]>(initial.holidays);
  const [newHoliday, setNewHoliday] = useState('');
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZoneOptions(initial.timeZone, browserTimeZone()), [initial.timeZone]);

  const form = useFormSubmit<Field>(
    async () => {
      setSaved(false);
      const checked = BusinessHoursSettingsSchema.safeParse({ enabled, timeZone, week, holidays });
      if (!checked.success) {
        const fields: FieldMessages<Field> = {};
        for (const issue of checked.error.issues) fields[fieldOf(issue.path)] ??= issue.message;
        throw new InvalidFields(fields);
      }
      const answer = await businessHoursApi.save(siteId, checked.data);
      setWeek(answer.week);
      setHolidays(answer.holidays);
      setSaved(true);
    },
    undefined,
    FIELDS,
  );
  const edited = (field?: Field) => {
    setSaved(false);
    if (field) form.clearField(field);
  };
  const setDay = (day: Weekday, intervals: Interval[]) => {
    setWeek({ ...week, [day]: intervals });
    edited(`week.${day}`);
  };
  const addHoliday = () => {
    if (!newHoliday) return;
    setHolidays([...new Set([...holidays, newHoliday])].sort());
    setNewHoliday('');
    edited('holidays');
  };

  return (
    <form class="business-hours" onSubmit={(e) => void form.submit(e)} noValidate>
      <SwitchField
        label="Use business hours"
        hint="Off: the team is always open. On: outside these hours and on holidays, visitors get the offline flow and are told when the team is back."
        checked={enabled}
        onValue={(on) => {
          setEnabled(on);
          edited();
        }}
      />
      <SelectField
        label="Time zone"
        value={timeZone}
        options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        error={form.fieldErrors.timeZone}
        onValue={(zone) => {
          setTimeZone(zone);
          edited('timeZone');
        }}
      />
      <section aria-labelledby="weekly-hours-title">
        <h2 class="card__title" id="weekly-hours-title">
          Opening times
        </h2>
        {DAYS.map((day) => (
          <DayRow
            key={day}
            day={day}
            intervals={week[day]}
            error={form.fieldErrors[`week.${day}`]}
            onChange={(intervals) => setDay(day, intervals)}
          />
        ))}
      </section>
      <section aria-labelledby="holidays-title">
        <h2 class="card__title" id="holidays-title">
          Holidays
        </h2>
        <p class="muted">Closed all day, in the time zone above.</p>
        {holidays.length > 0 && (
          <ul class="business-hours__holidays" aria-label="Holidays">
            {holidays.map((date) => (
              <li key={date} class="business-hours__holiday">
                <span>{date}</span>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={`Remove holiday ${date}`}
                  onClick={() => {
                    setHolidays(holidays.filter((d) => d !== date));
                    edited('holidays');
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="business-hours__add-holiday">
          <label class="field__label" for="new-holiday">
            Holiday date
          </label>
          <input
            id="new-holiday"
            class="input"
            type="date"
            value={newHoliday}
            onInput={(e) => setNewHoliday(e.currentTarget.value)}
          />
          <button
            type="button"
            class="button button--small"
            disabled={!newHoliday || holidays.length >= MAX_HOLIDAYS}
            onClick={addHoliday}
          >
            Add holiday
          </button>
        </div>
        {form.fieldErrors.holidays && <p class="field__error">{form.fieldErrors.holidays}</p>}
      </section>
      {form.error && (
        <p class="form-error" role="alert">
          {form.error}
        </p>
      )}
      <div class="business-hours__actions">
        <button class="button button--primary" type="submit" disabled={form.busy}>
          Save business hours
        </button>
        <span class="settings__status" role="status">
          {saved ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}

interface DayProps {
  day: Weekday;
  intervals: Interval[];
  error: string | undefined;
  onChange: (intervals: Interval[]) => void;
}

/** One weekday: closed, or its opening times (one or more, like a morning and an afternoon). */
function DayRow({ day, intervals, error, onChange }: DayProps) {
  const name = DAY_NAMES[day];
  const closed = intervals.length === 0;
  const errorId = useId();
  const set = (index: number, change: Partial<Interval>) =>
    onChange(intervals.map((i, k) => (k === index ? { ...i, ...change } : i)));
  return (
    <fieldset class="business-hours__day">
      <legend>{name}</legend>
      <div>
        <CheckboxField
          checked={closed}
          ariaLabel={`${name} closed`}
          onValue={(on) => onChange(on ? [] : [NEW_INTERVAL])}
        >
          Closed
        </CheckboxField>
        {!closed && (
          <ul class="business-hours__intervals">
            {intervals.map((interval, index) => (
              <li key={index} class="business-hours__interval">
                <input
                  class="input"
                  type="time"
                  aria-label={`${name} opens`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  value={interval.start}
                  onInput={(e) => set(index, { start: e.currentTarget.value })}
                />
                <span aria-hidden="true">–</span>
                <input
                  class="input"
                  type="time"
                  aria-label={`${name} closes`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  value={interval.end}
                  onInput={(e) => set(index, { end: e.currentTarget.value })}
                />
                {intervals.length > 1 && (
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={`Remove ${name} ${interval.start}–${interval.end}`}
                    onClick={() => onChange(intervals.filter((_, k) => k !== index))}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!closed && intervals.length < MAX_INTERVALS_PER_DAY && (
          <button
            type="button"
            class="button button--small"
            aria-label={`Add opening time on ${name}`}
            onClick={() => onChange([...intervals, { start: '18:00', end: '20:00' }])}
          >
            Add opening time
          </button>
        )}
        {error && (
          <p class="field__error" id={errorId}>
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
