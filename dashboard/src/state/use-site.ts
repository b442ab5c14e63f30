// The site an admin page works on: the first one, or the one picked when the install has several.
import type { Site } from '@livechat/shared/model';
import { useCallback, useState } from 'preact/hooks';
import { sitesApi } from '../api/index.js';
import { useLoad } from '../components/use-load.js';

export interface SiteControls {
  sites: Site[];
  site: Site | null;
  loading: boolean;
  error: string | null;
  select: (id: string) => void;
  /** The server's copy after a change. */
  replace: (site: Site) => void;
}

export function useSite(): SiteControls {
  const { state, setData } = useLoad(() => sitesApi.list(), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const sites = state.status === 'ready' ? state.data : [];

  const replace = useCallback(
    (site: Site) => setData(sites.map((s) => (s.id === site.id ? site : s))),
    [sites, setData],
  );

  return {
    sites,
    site: sites.find((s) => s.id === selectedId) ?? sites[0] ?? null,
    loading: state.status === 'loading',
    error: state.status === 'error' ? state.message : null,
    select: setSelectedId,
    replace,
  };
}
