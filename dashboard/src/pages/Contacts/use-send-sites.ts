// The sites a new text can go out from. Admins read the site list; agents may not (GET /api/sites is admin-only), so
// for them the sites are the ones their contacts belong to.
import type { Agent } from '@livechat/shared/model';
import { useMemo } from 'preact/hooks';
import { sitesApi } from '../../api/index.js';
import { useLoad, type Loaded } from '../../components/use-load.js';
import { contactsApi } from './contacts-api.js';

export interface SendSite {
  id: string;
  name: string;
}

export interface SendSites {
  state: Loaded<readonly SendSite[]>;
  /** The same answer, for a Send pressed before it arrived. */
  ready: Promise<readonly SendSite[]>;
}

function loadSites(admin: boolean): Promise<readonly SendSite[]> {
  if (admin) return sitesApi.list().then((sites) => sites.map(({ id, name }) => ({ id, name })));
  return contactsApi
    .list('')
    .then((contacts) =>
      [...new Set(contacts.map((c) => c.siteId))].sort().map((id, i) => ({ id, name: `Site ${i + 1}` })),
    );
}

export function useSendSites(agent: Agent): SendSites {
  const admin = agent.role === 'admin';
  // One request per page, shared by what is shown and by a Send that has to wait for it.
  const ready = useMemo(() => loadSites(admin), [admin]);
  const { state } = useLoad(() => ready, [ready]);
  return useMemo(() => ({ state, ready }), [state, ready]);
}
