// Hash routes: #/inbox, #/inbox/<conversationId>, #/team, #/invite/<token>. Anything else is the inbox.

export type Route =
  | { page: 'inbox'; conversationId: string | null }
  | { page: 'team' }
  /** An invite link from an admin; open without signing in. */
  | { page: 'invite'; token: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'team') return { page: 'team' };
  if (parts[0] === 'invite' && parts[1]) {
    const token = decodePart(parts[1]);
    if (token) return { page: 'invite', token };
  }
  if (parts[0] === 'inbox' && parts[1]) {
    const conversationId = decodePart(parts[1]);
    if (conversationId) return { page: 'inbox', conversationId };
  }
  return { page: 'inbox', conversationId: null };
}

export function routeHref(route: Route): string {
  if (route.page === 'team') return '#/team';
  if (route.page === 'invite') return `#/invite/${encodeURIComponent(route.token)}`;
  return route.conversationId ? `#/inbox/${encodeURIComponent(route.conversationId)}` : '#/inbox';
}

/** null for a malformed escape, which then falls through to the plain inbox. */
function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
