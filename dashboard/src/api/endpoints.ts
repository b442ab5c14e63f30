// Typed calls for every endpoint the dashboard uses. Types come from shared; responses are trusted as typed.
import type { Agent, Conversation, ConversationStatus, Message } from '@livechat/shared/model';
import type { CreateAgentBody, InviteInfo, InviteLink, UpdateAgentBody } from '@livechat/shared/api';
import { request } from './http.js';

const enc = encodeURIComponent;

export const authApi = {
  login: (email: string, password: string) =>
    request<{ agent: Agent }>('POST', '/api/auth/login', { email, password }).then((r) => r.agent),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ agent: Agent }>('GET', '/api/auth/me').then((r) => r.agent),
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
