// Hash routes: #/inbox, #/inbox/<conversationId>, #/team, #/playbook, #/embed, #/leads, #/saved-replies,
// #/settings, #/webhooks, #/invite/<token>.
// Anything else is the inbox.

export type Route =
  | { page: 'inbox'; conversationId: string | null }
  | { page: 'team' }
  | { page: 'playbook' }
  | { page: 'embed' }
  | { page: 'leads' }
  | { page: 'saved-replies' }
  | { page: 'settings' }
  | { page: 'webhooks' }
  /** An invite link from an admin; open without signing in. */
  | { page: 'invite'; token: string };

/** Pages that are one fixed path segment. */
const SIMPLE_PAGES = ['team', 'playbook', 'embed', 'leads', 'saved-replies', 'settings', 'webhooks'] as const;
type SimplePage = (typeof SIMPLE_PAGES)[number];

const isSimplePage = (part: string | undefined): part is SimplePage =>
  (SIMPLE_PAGES as readonly (string | undefined)[]).includes(part);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (isSimplePage(parts[0])) return { page: parts[0] };
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
  if (route.page === 'invite') return `#/invite/${encodeURIComponent(route.token)}`;
  if (route.page === 'inbox') {
    return route.conversationId ? `#/inbox/${encodeURIComponent(route.conversationId)}` : '#/inbox';
  }
  return `#/${route.page}`;
}

/** null for a malformed escape, which then falls through to the plain inbox. */
function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
