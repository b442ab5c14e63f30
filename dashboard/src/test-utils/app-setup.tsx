// The whole app against a mocked HTTP API and a fake agent socket.
import type { Conversation, Message } from '@livechat/shared/model';
import { AgentServerFrameSchema, type AgentServerFrame } from '@livechat/shared/protocol';
import { expect } from 'vitest';
import { App } from '../app.js';
import { actSync, render, waitFor } from './render.js';
import { fakeSockets } from './fake-socket.js';
import { mockFetch, type Handler } from './fetch-mock.js';
import { agent, conversation, lead, message } from './fixtures.js';
import { inboxRoutes } from './inbox-routes.js';

export interface AppSetup {
  role?: 'admin' | 'agent';
  available?: boolean;
  history?: Message[];
  conv?: Conversation;
  /** More routes, or replacements for the defaults. */
  routes?: Record<string, Handler>;
}

export function setupApp({
  role = 'admin',
  available,
  history = [message(1, { body: 'Hello there' })],
  conv = conversation({ lastSeq: history.length, lastMessagePreview: 'Hello there' }),
  routes = {},
}: AppSetup = {}) {
  const me = agent({ role, ...(available === undefined ? {} : { available }) });
  const http = mockFetch({
    'GET /api/auth/me': () => ({ body: { agent: me } }),
    'GET /api/conversations': () => ({ body: { conversations: [conv] } }),
    [`GET /api/conversations/${conv.id}`]: () => ({ body: { conversation: conv } }),
    [`GET /api/conversations/${conv.id}/messages`]: () => ({ body: { messages: history } }),
    [`GET /api/conversations/${conv.id}/lead`]: () => ({ body: { lead: lead() } }),
    'POST /api/auth/logout': () => ({ status: 204 }),
    ...inboxRoutes(conv, role),
    ...routes,
  });
  const sockets = fakeSockets();
  // `unmount` then a new setupApp is a reload (the address is kept).
  const { unmount } = render(<App createSocket={sockets.createSocket} />);
  // Checked like the server's own frames: a frame the server could never send fails the test.
  const server = (frame: AgentServerFrame) =>
    actSync(() => sockets.last.receive(AgentServerFrameSchema.parse(frame)));
  const connect = async () => {
    await waitFor(() => expect(sockets.sockets.length).toBeGreaterThan(0));
    actSync(() => sockets.last.open());
    server({ type: 'welcome', v: 1, agent: me });
  };
  return { me, http, sockets, server, connect, unmount };
}
