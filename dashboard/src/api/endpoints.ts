// Typed calls for every endpoint the dashboard uses. Types come from shared; responses are trusted as typed.
import type {
  Activity,
  Agent,
  Conversation,
  ConversationDetails,
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
  ConversationSearchQuery,
  CreateAgentBody,
  CreateRecordBody,
  FolderCounts,
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

/** "?a=1&b=x" from the defined, non-empty params; "" when there are none. */
function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const pairs = Object.entries(params).flatMap(([k, v]) =>
    v === undefined || v === '' ? [] : [[k, String(v)]],
  );
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`;
}

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
  /** A folder and filters; the server leaves out what the agent may not see (colleagues' chats). */
  list: (query: Partial<ConversationSearchQuery>) =>
    request<{ conversations: Conversation[] }>('GET', `/api/conversations${queryString(query)}`).then(
      (r) => r.conversations,
    ),
  /** Live folder sizes; `all` is null for agents who are not admins. */
  counts: () => request<{ counts: FolderCounts }>('GET', '/api/conversations/counts').then((r) => r.counts),
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
  /** Any active agent, or null for Unassigned. */
  setAssignee: (id: string, assigneeId: string | null) =>
    request<{ conversation: Conversation }>('PUT', `/api/conversations/${enc(id)}/assignee`, {
      assigneeId,
    }).then((r) => r.conversation),
  /** For good: the visitor's next message starts a new conversation. */
  close: (id: string) =>
    request<{ conversation: Conversation }>('POST', `/api/conversations/${enc(id)}/close`).then(
      (r) => r.conversation,
    ),
  setTags: (id: string, tags: string[]) =>
    request<{ conversation: Conversation }>('PUT', `/api/conversations/${enc(id)}/tags`, { tags }).then(
      (r) => r.conversation,
    ),
  details: (id: string) =>
    request<{ details: ConversationDetails }>('GET', `/api/conversations/${enc(id)}/details`).then(
      (r) => r.details,
    ),
  /** 400 with field `details` (paths like "body.email") when the server refuses a value. */
  saveDetails: (id: string, details: ConversationDetails) =>
    request<{ details: ConversationDetails }>('PUT', `/api/conversations/${enc(id)}/details`, details).then(
      (r) => r.details,
    ),
  records: (id: string) =>
    request<{ records: CrmRecord[] }>('GET', `/api/conversations/${enc(id)}/records`).then((r) => r.records),
  /** Saves the details too; a deal without a value is 400 at "body.details.dealValue". */
  createRecord: (id: string, body: CreateRecordBody) =>
    request<{ record: CrmRecord }>('POST', `/api/conversations/${enc(id)}/records`, body).then(
      (r) => r.record,
    ),
  /** The agents-only timeline (notes and events), oldest first. */
  activities: (id: string) =>
    request<{ activities: Activity[] }>('GET', `/api/conversations/${enc(id)}/activities`).then(
      (r) => r.activities,
    ),
  addNote: (id: string, body: string) =>
    request<{ activity: Activity }>('POST', `/api/conversations/${enc(id)}/notes`, { body }).then(
      (r) => r.activity,
    ),
};

export interface Colleague {
  id: string;
  name: string;
  available: boolean;
}

/** Every active agent, for the Assignee choices (any signed-in agent may ask). */
export const colleaguesApi = {
  list: () => request<{ agents: Colleague[] }>('GET', '/api/colleagues').then((r) => r.agents),
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
  /** Sends a failed delivery once more, with the same id and body; 409 when it is not failed. */
  retryDelivery: (id: string, deliveryId: string) =>
    request<{ delivery: WebhookDelivery }>(
      'POST',
      `/api/webhooks/${enc(id)}/deliveries/${enc(deliveryId)}/retry`,
    ).then((r) => r.delivery),
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
