// Site settings admins manage: the allowed origins of the embed, and the playbook (every save a new version).
import type { UpdateSiteBody } from '@livechat/shared/api';
import type { Playbook, Site, StoredPlaybook } from '@livechat/shared/model';
import type { Store } from '../store/index.js';
import { notFound } from './errors.js';
import { DEFAULT_PLAYBOOK } from './playbook/default-playbook.js';

export function createSiteService(store: Store, now: () => number) {
  const site = (id: string): Site => {
    const found = store.sites.byId(id);
    if (!found) throw notFound('Site');
    return found;
  };

  return {
    list: (): Site[] => store.sites.all(),

    update: (id: string, change: UpdateSiteBody): Site =>
      store.transaction(() => {
        const updated: Site = {
          ...site(id),
          ...change,
          ...(change.allowedOrigins && {
            allowedOrigins: [...new Set(change.allowedOrigins.map((o) => o.toLowerCase()))],
          }),
        };
        store.sites.update(updated);
        return updated;
      }),

    /** The site's current playbook (sites get the default one when they are created). */
    playbook: (siteId: string): StoredPlaybook => {
      site(siteId);
      return store.playbooks.latest(siteId) ?? store.playbooks.insert(siteId, DEFAULT_PLAYBOOK, null, now());
    },

    /** Saves a checked playbook as the next version; conversations already running keep theirs. */
    savePlaybook: (siteId: string, playbook: Playbook, agentId: string | null): StoredPlaybook =>
      store.transaction(() => {
        site(siteId);
        return store.playbooks.insert(siteId, playbook, agentId, now());
      }),
  };
}
export type SiteService = ReturnType<typeof createSiteService>;
