// The list's folder and filters and the address bar, kept in step: a link's filters apply (a shared view, a reload,
// Back), and every change of the list's filters is written into the hash without a history entry (the Back button
// is not flooded), also while a conversation is open, so returning to the list keeps them.
import { useEffect } from 'preact/hooks';
import { filterQuery, sameFilters } from '../../state/filter-url.js';
import { DEFAULT_FOLDER, type FolderId } from '../../state/folders.js';
import type { InboxState, InboxStore } from '../../state/inbox-store.js';
import type { ListFilters } from '../../state/list-filters.js';
import { parseRoute, type Route } from '../../state/route.js';

type InboxRoute = Extract<Route, { page: 'inbox' }>;

/**
 * Where the address bar should be for the list's state: the open conversation, or the folder (a plain #/inbox stays
 * as it is while nothing is filtered), with the filters as a query.
 */
export function inboxHash(
  current: string,
  folder: FolderId,
  filters: ListFilters,
  conversationId: string | null,
): string {
  const filtered = filterQuery(filters);
  if (conversationId) {
    // Beside an open conversation the list's folder is named too (unless it is the default), so a reload shows both.
    const query = [folder !== DEFAULT_FOLDER ? `folder=${folder}` : '', filtered].filter(Boolean).join('&');
    const path = `#/inbox/${encodeURIComponent(conversationId)}`;
    return query ? `${path}?${query}` : path;
  }
  const path =
    filtered || current.startsWith('#/folder/') ? `#/folder/${folder}` : (current.split('?')[0] ?? '');
  return filtered ? `${path}?${filtered}` : path;
}

export function useFilterUrl(store: InboxStore, state: InboxState, route: InboxRoute): void {
  const linked = route.filters;
  const linkedKey = linked ? filterQuery(linked) : null;
  useEffect(() => {
    if (linked && !sameFilters(linked, store.getState().filters)) store.setFilters(linked);
    // The key, not the object: the same filters parsed again are no change.
  }, [store, linkedKey]);

  const { folder, filters } = state;
  const conversationId = route.conversationId;
  useEffect(() => {
    // The store's state, not the render's: a link's folder and filters were applied just above.
    const write = () => {
      const now = store.getState();
      const hash = inboxHash(location.hash, now.folder, now.filters, conversationId);
      if (hash !== location.hash) history.replaceState(history.state, '', hash);
    };
    write();
    // A link to the list as it is (the sidebar's Inbox, no query) changes no route: the address gets the filters
    // again. Any other link is a route change, which runs this effect anew.
    const onHash = () => {
      const next = parseRoute(location.hash);
      if (next.page === 'inbox' && !next.folder && !next.filters && next.conversationId === conversationId)
        write();
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [store, folder, filters, route, conversationId]);
}
