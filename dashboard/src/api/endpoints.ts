// Typed calls for every endpoint the dashboard uses. Types come from shared; responses are trusted as typed.
import type {
  Agent,
  Conversation,
  ConversationStatus,
  CrmRecord,
  LeadData,
  Message,
  NotificationSettings,
  Playbook,
  RecordKind,
  SavedReply,
  Site,
  StoredPlaybook,
} from '@livechat/shared/model';
import type {
  CreateAgentBody,
  InviteInfo,
  InviteLink,
  UpdateAgentBody,
  UpdateSiteBody,
  Webhook,
  WebhookDelivery,
  WebhookEvent,
} from '@livechat/shared/api';
import { request } from './http.js';

const enc = encodeURIComponent;

export const authApi = {
  login: (email: string, password: string) =>
    request<{ agent: Agent }>('POST', '/api/auth/login', { email, password }).then((r) => r.agent),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ agent: Agent }>('GET', '/api/auth/me').then((r) => r.agent),
  /** The signed-in agent's "Available" switch; answers with the agent as stored. */
  setAvailable: (available: boolean) =>
    request<{ agent: Agent }>('PUT', '/api/me/availability', { available }).then((r) => r.agent),
};

export const conversationsApi = {
  list: (status: ConversationStatus) =>
    request<{ conversations: Conversation[] }>('GET', `/api/conversations?status=${status}`).then(
      (r) => r.conversations,
    ),
  get: (id: string) =>
    request<{ conversation: Conversation }>('GET', `/api/conversations/${enc(id)}`).then(
      (r) => r.conversation,
    ),
  messages: (id: string, afterSeq: number, limit: number) =>
    request<{ messages: Message[] }>(
      'GET',
      `/api/conversations/${enc(id)}/messages?afterSeq=${afterSeq}&limit=${limit}`,
    ).then((r) => r.messages),
  /** Takes an unassigned conversation; 409 already_assigned when a colleague was faster. */
  assign: (id: string) =>
    request<{ conversation: Conversation }>('POST', `/api/conversations/${enc(id)}/assign`).then(
      (r) => r.conversation,
    ),
  lead: (id: string) =>
    request<{ lead: LeadData }>('GET', `/api/conversations/${enc(id)}/lead`).then((r) => r.lead),
};

/** Admin only: the sites, where their widget may run, and their playbooks. */
export const sitesApi = {
  list: () => request<{ sites: Site[] }>('GET', '/api/sites').then((r) => r.sites),
  update: (id: string, patch: UpdateSiteBody) =>
    request<{ site: Site }>('PATCH', `/api/sites/${enc(id)}`, patch).then((r) => r.site),
  playbook: (id: string) =>
    request<{ playbook: StoredPlaybook }>('GET', `/api/sites/${enc(id)}/playbook`).then((r) => r.playbook),
  /** Every save is a new version; 400 invalid_request with field `details` when the server refuses it. */
  savePlaybook: (id: string, playbook: Playbook) =>
    request<{ playbook: StoredPlaybook }>('PUT', `/api/sites/${enc(id)}/playbook`, playbook).then(
      (r) => r.playbook,
    ),
};

export const agentsApi = {
  list: () => request<{ agents: Agent[] }>('GET', '/api/agents').then((r) => r.agents),
  /** Without a password the agent is invited, and the answer carries their invite link. */
  create: (body: CreateAgentBody) =>
    request<{ agent: Agent; invite?: InviteLink }>('POST', '/api/agents', body),
  /** A fresh link for an invited agent; the older ones stop working. */
  reissueInvite: (id: string) =>
    request<{ invite: InviteLink }>('POST', `/api/agents/${enc(id)}/invite`).then((r) => r.invite),
  update: (id: string, patch: UpdateAgentBody) =>
    request<{ agent: Agent }>('PATCH', `/api/agents/${enc(id)}`, patch).then((r) => r.agent),
};

/** Public: the invite link's token is the only credential. Accepting signs the agent in. */
export const invitesApi = {
  get: (token: string) => request<InviteInfo>('GET', `/api/invites/${enc(token)}`),
  accept: (token: string, password: string) =>
    request<{ agent: Agent }>('POST', `/api/invites/${enc(token)}`, { password }).then((r) => r.agent),
};

/** Leads and deals across all conversations; `kind` null is both. The server leaves out what an agent may not see. */
export const recordsApi = {
  list: (kind: RecordKind | null) =>
    request<{ records: CrmRecord[] }>('GET', `/api/records${kind ? `?kind=${kind}` : ''}`).then(
      (r) => r.records,
    ),
  /** A plain download link: the server answers text/csv with a file name. */
  csvHref: (kind: RecordKind | null) => `/api/records.csv${kind ? `?kind=${kind}` : ''}`,
};

export interface SavedReplyInput {
  shortcut: string;
  body: string;
}

/** Admins manage them; 409 conflict when the shortcut is taken. */
export const savedRepliesApi = {
  list: () => request<{ replies: SavedReply[] }>('GET', '/api/saved-replies').then((r) => r.replies),
  create: (input: SavedReplyInput) =>
    request<{ reply: SavedReply }>('POST', '/api/saved-replies', input).then((r) => r.reply),
  update: (id: string, patch: Partial<SavedReplyInput>) =>
    request<{ reply: SavedReply }>('PATCH', `/api/saved-replies/${enc(id)}`, patch).then((r) => r.reply),
  remove: (id: string) => request<void>('DELETE', `/api/saved-replies/${enc(id)}`),
};

/** The signed-in agent's desktop notification choices. */
export const notificationSettingsApi = {
  get: () => request<{ settings: NotificationSettings }>('GET', '/api/me/settings').then((r) => r.settings),
  save: (settings: NotificationSettings) =>
    request<{ settings: NotificationSettings }>('PUT', '/api/me/settings', { settings }).then(
      (r) => r.settings,
    ),
};

export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
}

/** Admin only. The signing secret is in the answer to create, and never again. */
export const webhooksApi = {
  list: () => request<{ webhooks: Webhook[] }>('GET', '/api/webhooks').then((r) => r.webhooks),
  create: (input: WebhookInput) =>
    request<{ webhook: Webhook; secret: string }>('POST', '/api/webhooks', input),
  update: (id: string, patch: Partial<WebhookInput & { active: boolean }>) =>
    request<{ webhook: Webhook }>('PATCH', `/api/webhooks/${enc(id)}`, patch).then((r) => r.webhook),
  remove: (id: string) => request<void>('DELETE', `/api/webhooks/${enc(id)}`),
  deliveries: (id: string) =>
    request<{ deliveries: WebhookDelivery[] }>('GET', `/api/webhooks/${enc(id)}/deliveries`).then(
      (r) => r.deliveries,
    ),
};

export type ConversationsApi = typeof conversationsApi;
export type AgentsApi = typeof agentsApi;
export type AuthApi = typeof authApi;
export type InvitesApi = typeof invitesApi;
export type SitesApi = typeof sitesApi;
export type RecordsApi = typeof recordsApi;
export type SavedRepliesApi = typeof savedRepliesApi;
export type NotificationSettingsApi = typeof notificationSettingsApi;
export type WebhooksApi = typeof webhooksApi;
