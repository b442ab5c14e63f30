// Hash routes: #/inbox, #/inbox/<conversationId>, #/folder/<folder> (the inbox showing that folder), #/team, #/teams, #/playbook, #/embed, #/leads, #/saved-replies,
// #/settings, #/webhooks, #/sms, #/contacts, #/contacts/<contactId>, #/profile, #/invite/<token>.
// Anything else is the inbox. The inbox's routes may carry the list's filters as a query (#/folder/mine?channel=sms):
// see filter-url.ts; an open conversation's also names the list's folder (#/inbox/<id>?folder=mine&channel=sms).

import { FolderSchema, type Folder } from '@livechat/shared/api';
import { filterQuery, filtersFromQuery } from './filter-url.js';
import type { ListFilters } from './list-filters.js';

export type Route =
  /** `folder`: a link asked for this folder (the sidebar's "Bot"); otherwise the inbox keeps the one chosen. */
  | {
      page: 'inbox';
      conversationId: string | null;
      folder?: Folder;
      /** The list's filters the link names (a shared view); absent when the link has no query. */
      filters?: ListFilters;
    }
  | { page: 'team' }
  /** Work groups of agents (admins). */
  | { page: 'teams' }
  | { page: 'playbook' }
  | { page: 'embed' }
  | { page: 'leads' }
  | { page: 'saved-replies' }
  | { page: 'settings' }
  | { page: 'webhooks' }
  /** The site's SMS number and provider account (admins). */
  | { page: 'sms' }
  /** A site's weekly opening times, time zone and holidays (admins). */
  | { page: 'business-hours' }
  /** The contact list, or one contact's profile. */
  | { page: 'contacts'; contactId?: string }
  /** The signed-in agent's own name, picture and password. */
  | { page: 'profile' }
  /** An invite link from an admin; open without signing in. */
  | { page: 'invite'; token: string };

/** Pages that are one fixed path segment. */
const SIMPLE_PAGES = [
  'team',
  'teams',
  'playbook',
  'embed',
  'leads',
  'saved-replies',
  'settings',
  'webhooks',
  'sms',
  'business-hours',
  'profile',
] as const;
type SimplePage = (typeof SIMPLE_PAGES)[number];

const isSimplePage = (part: string | undefined): part is SimplePage =>
  (SIMPLE_PAGES as readonly (string | undefined)[]).includes(part);

export function parseRoute(hash: string): Route {
  const [path = '', query] = hash.split(/\?(.*)/s);
  const route = parsePath(path);
  if (route.page !== 'inbox' || query === undefined) return route;
  // An open conversation's address also names the folder the list shows beside it.
  const folder = route.conversationId
    ? FolderSchema.safeParse(new URLSearchParams(query).get('folder'))
    : null;
  return { ...route, ...(folder?.success && { folder: folder.data }), filters: filtersFromQuery(query)! };
}

function parsePath(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (isSimplePage(parts[0])) return { page: parts[0] };
  if (parts[0] === 'contacts') {
    const contactId = parts[1] ? decodePart(parts[1]) : null;
    return contactId ? { page: 'contacts', contactId } : { page: 'contacts' };
  }
  if (parts[0] === 'invite' && parts[1]) {
    const token = decodePart(parts[1]);
    if (token) return { page: 'invite', token };
  }
  if (parts[0] === 'folder') {
    const folder = FolderSchema.safeParse(parts[1]);
    if (folder.success) return { page: 'inbox', conversationId: null, folder: folder.data };
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
    const query = [
      route.folder && route.conversationId ? `folder=${route.folder}` : '',
      route.filters ? filterQuery(route.filters) : '',
    ]
      .filter(Boolean)
      .join('&');
    const path =
      route.folder && !route.conversationId
        ? `#/folder/${route.folder}`
        : route.conversationId
          ? `#/inbox/${encodeURIComponent(route.conversationId)}`
          : '#/inbox';
    return query ? `${path}?${query}` : path;
  }
  if (route.page === 'contacts' && route.contactId)
    return `#/contacts/${encodeURIComponent(route.contactId)}`;
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
