// Installation status: where a site's widget last loaded (the Embed page), and whether it ever did on an allowed
// origin (the Playbook page's "Not installed"). The launcher's status request tells us: its Origin (already checked
// against the site's allowed origins) and its Referer, both the browser's word, used for display only. The page
// loses its query and fragment (they may hold visitors' data). Written at most once a minute per origin, decided by
// the database (a conditional upsert), so busy sites and several nodes need no memory of their own.
import { SIGHTING_PAGE_MAX, type Installation, type Sighting } from '@livechat/shared/api';
import type { Site } from '@livechat/shared/model';
import { notFound } from './errors.js';
import type { Store } from './store.js';

/** A sighting is written again only once it is this old. */
export const SIGHTING_INTERVAL_MS = 60_000;
/** The Embed page lists this many origins at most, most recent first. */
const SHOWN = 10;

/** What installation status needs from storage. */
export interface InstallationStore {
  /**
   * Records that the widget loaded on `origin` now, unless it was recorded there after `notBefore`; whether it wrote.
   */
  record(siteId: string, sighting: Sighting, notBefore: number): Promise<boolean>;
  /** The site's sightings, most recent first. */
  ofSite(siteId: string): Promise<Sighting[]>;
}

/** The Referer reduced to a page of `origin` without query or fragment, cut to length; null when it is not one. */
export function pageOf(referer: string | undefined, origin: string): string | null {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.origin.toLowerCase() !== origin) return null;
  return `${url.origin}${url.pathname}`.slice(0, SIGHTING_PAGE_MAX);
}

export function createInstallationService(store: Store, now: () => number) {
  return {
    /** The widget's launcher asked for its status from `origin`, an allowed origin of the site. */
    sighted: async (site: Site, origin: string, referer: string | undefined): Promise<boolean> => {
      const at = now();
      const seen = origin.toLowerCase();
      return store.installation.record(
        site.id,
        { origin: seen, page: pageOf(referer, seen), lastSeenAt: at },
        at - SIGHTING_INTERVAL_MS,
      );
    },

    /** Where the site's widget was last seen: only origins the site still allows count. */
    async ofSite(siteId: string): Promise<Installation> {
      const site = await store.sites.byId(siteId);
      if (!site) throw notFound('Site');
      const allowed = new Set(site.allowedOrigins);
      const sightings = (await store.installation.ofSite(siteId))
        .filter((s) => allowed.has(s.origin))
        .slice(0, SHOWN);
      return { installed: sightings.length > 0, sightings };
    },
  };
}
