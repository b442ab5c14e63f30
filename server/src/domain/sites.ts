// Site settings admins manage: the allowed origins of the embed, and the playbook (every save a new version).
import type { UpdateSiteBody } from '@livechat/shared/api';
import { liveChatCard, type Playbook, type Site, type StoredPlaybook } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { DomainError, notFound } from './errors.js';
import { DEFAULT_PLAYBOOK } from './playbook/default-playbook.js';
import type { Store } from './store.js';

export function createSiteService(store: Store, now: () => number) {
  const site = async (id: string): Promise<Site> => {
    const found = await store.sites.byId(id);
    if (!found) throw notFound('Site');
    return found;
  };

  return {
    list: (): Promise<Site[]> => store.sites.all(),

    update: (id: string, change: UpdateSiteBody): Promise<Site> =>
      store.transaction(async () => {
        const updated: Site = {
          ...(await site(id)),
          ...change,
          ...(change.allowedOrigins && {
            allowedOrigins: [...new Set(change.allowedOrigins.map((o) => o.toLowerCase()))],
          }),
        };
        await store.sites.update(updated);
        return updated;
      }),

    /** The site's current playbook (sites get the default one when they are created). */
    playbook: async (siteId: string): Promise<StoredPlaybook> => {
      await site(siteId);
      return (
        (await store.playbooks.latest(siteId)) ??
        store.playbooks.insert(siteId, DEFAULT_PLAYBOOK, null, now())
      );
    },

    /** Saves a checked playbook as the next version; conversations already running keep theirs. */
    savePlaybook: (siteId: string, playbook: Playbook, agentId: string | null): Promise<StoredPlaybook> =>
      store.transaction(async () => {
        await site(siteId);
        const teamId = liveChatCard(playbook)?.teamId;
        if (teamId && !(await store.teams.byId(teamId)))
          throw new DomainError(
            ErrorCode.InvalidRequest,
            'The Live Chat card routes to a team that no longer exists; choose another.',
          );
        return store.playbooks.insert(siteId, playbook, agentId, now());
      }),
  };
}
export type SiteService = ReturnType<typeof createSiteService>;
