// The agent channel: the session cookie and the dashboard Origin are checked at connect; hello may resume one conversation.
import type { FastifyInstance } from 'fastify';
import { AgentClientFrameSchema, type AgentClientFrame } from '@livechat/shared/protocol';
import { AGENT_SOCKET_PATH, CloseCode, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import { sessionToken } from '../http/session.js';
import { Connection } from './connection.js';
import type { Hub } from './hub.js';
import type { Rate } from '../config.js';
import { replay } from './replay.js';

export function registerAgentGateway(
  app: FastifyInstance,
  domain: Domain,
  hub: Hub,
  dashboardOrigins: readonly string[],
  frameRate: Rate,
): void {
  app.get(AGENT_SOCKET_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
    const conn = new Connection(socket, request.log, frameRate);
    const origin = request.headers.origin;
    if (origin !== undefined && !dashboardOrigins.includes(origin)) {
      return conn.close(CloseCode.ForbiddenOrigin, 'origin not allowed');
    }
    const agent = domain.auth.authenticate(sessionToken(request));
    if (!agent) return conn.close(CloseCode.Unauthorized, 'sign in first');

    conn.serve<AgentClientFrame>(AgentClientFrameSchema, {
      hello(frame) {
        conn.send({ type: 'welcome', v: PROTOCOL_VERSION, agent });
        if (frame.resume) {
          try {
            const conversation = domain.chat.agentConversation(agent, frame.resume.conversationId);
            replay(domain, conn, conversation.id, frame.resume.afterSeq);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            conn.error(err.code, 'Resume position not found.');
          }
        }
        hub.addAgent(agent, conn);
      },
      async command(frame) {
        const current = hub.agentOf(conn) ?? agent; // registered at hello, kept up to date by the hub
        switch (frame.type) {
          case 'message.send': {
            // Queued synchronously, so this socket's messages keep their order; acked after the group commit.
            await conn.ackMessage(frame.id, () =>
              domain.chat.sendAgentMessage(current, frame.conversationId, frame.id, frame.body),
            );
            break;
          }
          case 'conversation.watch': {
            const conversation = domain.chat.agentConversation(current, frame.conversationId);
            replay(domain, conn, conversation.id, frame.afterSeq);
            conn.send({ type: 'ack', id: frame.id });
            break;
          }
        }
      },
    });
  });
}
