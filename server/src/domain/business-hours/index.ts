// Business hours per site: admins keep them; the playbook asks whether the site is open (computed from what is
// stored, at the moment asked, so every node answers alike) and what to tell the visitor when it is not.
import type { BusinessHours, BusinessHoursSettings } from '@livechat/shared/api';
import { DEFAULT_WEEK } from '@livechat/shared/api';
import type { Locale } from '@livechat/shared/model';
import { notFound } from '../errors.js';
import type { Store } from '../store.js';
import { backText } from './back-text.js';
import { isOpen, nextOpening } from './schedule.js';

export interface BusinessHoursStore {
  /** The site's saved hours; null until an admin saves them. */
  ofSite(siteId: string): Promise<BusinessHours | null>;
  save(siteId: string, hours: BusinessHoursSettings, now: number): Promise<void>;
}

/** Before anything is saved: off (always open), weekdays 09:00–17:00 in UTC as a starting point for the page. */
const UNSAVED: BusinessHours = {
  enabled: false,
  timeZone: 'UTC',
  week: DEFAULT_WEEK,
  holidays: [],
  updatedAt: null,
};

export function createBusinessHoursService(store: Store, now: () => number) {
  const existingSite = async (siteId: string) => {
    if (!(await store.sites.byId(siteId))) throw notFound('Site');
  };
  return {
    get: async (siteId: string): Promise<BusinessHours> => {
      await existingSite(siteId);
      return (await store.businessHours.ofSite(siteId)) ?? UNSAVED;
    },

    save: (siteId: string, hours: BusinessHoursSettings): Promise<BusinessHours> =>
      store.transaction(async () => {
        await existingSite(siteId);
        await store.businessHours.save(siteId, hours, now());
        return (await store.businessHours.ofSite(siteId))!;
      }),

    /** Whether the site answers chats at the instant (always, with business hours off or never saved). */
    isOpen: async (siteId: string, at: number): Promise<boolean> => {
      const hours = await store.businessHours.ofSite(siteId);
      return !hours || isOpen(hours, at);
    },

    /**
     * Null while the site is open (or has business hours off); outside them, what the visitor is told: when the team
     * is back, in `locale`.
     */
    closedNotice: async (siteId: string, at: number, locale: Locale): Promise<string | null> => {
      const hours = await store.businessHours.ofSite(siteId);
      if (!hours?.enabled) return null;
      const opens = nextOpening(hours, at);
      return opens === at ? null : backText(locale, opens, hours.timeZone, at);
    },
  };
}
export type BusinessHoursService = ReturnType<typeof createBusinessHoursService>;
