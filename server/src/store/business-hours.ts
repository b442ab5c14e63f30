import type { BusinessHours, Week } from '@livechat/shared/api';
import type { BusinessHoursStore } from '../domain/business-hours/index.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface BusinessHoursRow {
  enabled: 0 | 1;
  time_zone: string;
  week: string;
  holidays: string;
  updated_at: number;
}

const UPSERT = `INSERT INTO business_hours (site_id, enabled, time_zone, week, holidays, updated_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (site_id) DO UPDATE SET enabled = excluded.enabled, time_zone = excluded.time_zone,
    week = excluded.week, holidays = excluded.holidays, updated_at = excluded.updated_at`;

export function createBusinessHoursStore(sql: Sql): BusinessHoursStore {
  const write = writer(sql);
  return {
    ofSite: async (siteId) => {
      const row = await sql.get<BusinessHoursRow>(
        'SELECT enabled, time_zone, week, holidays, updated_at FROM business_hours WHERE site_id = ?',
        [siteId],
      );
      if (!row) return null;
      const hours: BusinessHours = {
        enabled: Number(row.enabled) === 1,
        timeZone: row.time_zone,
        week: JSON.parse(row.week) as Week,
        holidays: JSON.parse(row.holidays) as string[],
        updatedAt: Number(row.updated_at),
      };
      return hours;
    },
    save: (siteId, h, now) =>
      write(UPSERT, [
        siteId,
        h.enabled ? 1 : 0,
        h.timeZone,
        JSON.stringify(h.week),
        JSON.stringify(h.holidays),
        now,
      ]),
  };
}
