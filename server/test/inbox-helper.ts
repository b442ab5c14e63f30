// An inbox with a few people in it: an admin, two agents, and visitors whose first message opens a conversation.
import type { FastifyInstance } from 'fastify';
import { cid, connectedVisitor, createAgent, login, type Frame, type TestSocket } from './helper.js';

export interface Inbox {
  admin: string;
  ann: Awaited<ReturnType<typeof createAgent>>;
  ben: Awaited<ReturnType<typeof createAgent>>;
}

export async function inbox(app: FastifyInstance): Promise<Inbox> {
  const admin = await login(app);
  return { admin, ann: await createAgent(app, admin, 'Ann'), ben: await createAgent(app, admin, 'Ben') };
}

/** A new visitor who writes `body`; returns their socket and the conversation it opened. */
export async function visitorChat(app: FastifyInstance, body = 'Hello there') {
  const { socket, welcome } = await connectedVisitor(app);
  const id = cid('v');
  socket.send({ type: 'message.send', id, body });
  const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
  const conversationId = (ack.message as { conversationId: string }).conversationId;
  return { socket, token: welcome.token!, conversationId };
}

/** A JSON call as the agent whose cookie is given. */
export function call(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload !== undefined && { payload: payload as object }),
  });
}

export const ids = (list: { id: string }[]) => list.map((c) => c.id);

export async function listIds(app: FastifyInstance, cookie: string, query = ''): Promise<string[]> {
  const res = await call(app, cookie, 'GET', `/api/conversations${query}`);
  return ids(res.json<{ conversations: { id: string }[] }>().conversations);
}

export const framesOf = (socket: TestSocket, type: string): Frame[] => socket.ofType(type);

export const EMPTY_DETAILS = {
  dealValue: null,
  expectedCloseDate: null,
  contactName: '',
  email: '',
  phone: '',
  organizationName: '',
  organizationAddress: '',
  note: '',
};
