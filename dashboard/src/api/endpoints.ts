// Typed calls for every endpoint the dashboard uses. Types come from shared; responses are trusted as typed.
import type { Agent, Conversation, ConversationStatus, Message } from '@livechat/shared/model';
import type { CreateAgentBody, UpdateAgentBody } from '@livechat/shared/api';
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
  create: (body: CreateAgentBody) =>
    request<{ agent: Agent }>('POST', '/api/agents', body).then((r) => r.agent),
  update: (id: string, patch: UpdateAgentBody) =>
    request<{ agent: Agent }>('PATCH', `/api/agents/${enc(id)}`, patch).then((r) => r.agent),
};

export type ConversationsApi = typeof conversationsApi;
export type AgentsApi = typeof agentsApi;
export type AuthApi = typeof authApi;
