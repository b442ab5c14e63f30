// Hash routes: #/inbox, #/inbox/<conversationId>, #/folder/<folder> (the inbox showing that folder), #/team, #/teams, #/playbook, #/embed, #/leads, #/saved-replies,
// #/settings, #/webhooks, #/sms, #/contacts, #/contacts/<contactId>, #/profile, #/invite/<token>.
// Anything else is the inbox.

import { FolderSchema, type Folder } from '@livechat/shared/api';

export type Route =
  /** `folder`: a link asked for this folder (the sidebar's "Bot"); otherwise the inbox keeps the one chosen. */
  | { page: 'inbox'; conversationId: string | null; folder?: Folder }
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
  'profile',
] as const;
type SimplePage = (typeof SIMPLE_PAGES)[number];

const isSimplePage = (part: string | undefined): part is SimplePage =>
  (SIMPLE_PAGES as readonly (string | undefined)[]).includes(part);

export function parseRoute(hash: string): Route {
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
    if (route.folder && !route.conversationId) return `#/folder/${route.folder}`;
    return route.conversationId ? `#/inbox/${encodeURIComponent(route.conversationId)}` : '#/inbox';
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
