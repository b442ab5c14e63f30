// Hash routes: #/inbox, #/inbox/<conversationId>, #/team. Anything else is the inbox.

export type Route = { page: 'inbox'; conversationId: string | null } | { page: 'team' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'team') return { page: 'team' };
  if (parts[0] === 'inbox' && parts[1]) {
    try {
      return { page: 'inbox', conversationId: decodeURIComponent(parts[1]) };
    } catch {
      // malformed escape: fall through to the plain inbox
    }
  }
  return { page: 'inbox', conversationId: null };
}

export function routeHref(route: Route): string {
  if (route.page === 'team') return '#/team';
  return route.conversationId ? `#/inbox/${encodeURIComponent(route.conversationId)}` : '#/inbox';
}
