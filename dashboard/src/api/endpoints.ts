// Typed calls for every endpoint the dashboard uses. Types come from shared; responses are trusted as typed.
import type {
  Agent,
  Conversation,
  ConversationStatus,
  LeadData,
  Message,
  Playbook,
  Site,
  StoredPlaybook,
} from '@livechat/shared/model';
import type {
  CreateAgentBody,
  InviteInfo,
  InviteLink,
  UpdateAgentBody,
  UpdateSiteBody,
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

export type ConversationsApi = typeof conversationsApi;
export type AgentsApi = typeof agentsApi;
export type AuthApi = typeof authApi;
export type InvitesApi = typeof invitesApi;
export type SitesApi = typeof sitesApi;
