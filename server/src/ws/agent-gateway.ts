// The agent channel: the session cookie and the dashboard Origin are checked at connect; hello may resume one conversation.
// The socket belongs to the session it was opened with: it acts only while that session lasts, and closes (4010)
// when it ends.
import type { FastifyInstance } from 'fastify';
import {
  AgentClientFrameSchema,
  type AgentClientFrame,
  type AgentServerFrame,
} from '@livechat/shared/protocol';
import { AGENT_SOCKET_PATH, CloseCode, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import { sessionToken } from '../http/session.js';
import { Connection } from './connection.js';
import type { Hub } from './hub.js';
import type { Rate } from '../config.js';
import { replay } from './replay.js';
import type { ReplayFrom } from '../domain/visitor-history.js';

export function registerAgentGateway(
  app: FastifyInstance,
  domain: Domain,
  hub: Hub,
  dashboardOrigins: readonly string[],
  frameRate: Rate,
): void {
  app.get(AGENT_SOCKET_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
    const conn = new Connection<AgentServerFrame>(socket, request.log, frameRate);
    const origin = request.headers.origin;
    if (origin !== undefined && !dashboardOrigins.includes(origin)) {
      return conn.close(CloseCode.ForbiddenOrigin, 'origin not allowed');
    }
    const session = domain.auth.session(sessionToken(request));
    if (!session) return conn.close(CloseCode.Unauthorized, 'sign in first');
    const { sessionHash } = session;
    /** The agent as they are now, or null (and the socket closing) once the session has ended. */
    const sessionAgent = () => {
      const current = domain.auth.agentOfSession(sessionHash);
      if (!current) conn.close(CloseCode.SessionRevoked, 'session ended');
      return current;
    };

    const source = { page: domain.chat.messagesAfter, openId: () => null };
    const replayFailed = (err: unknown) => {
      conn.log.error({ err }, 'replay failed');
      conn.close(CloseCode.Internal, 'replay failed');
    };

    conn.serve<AgentClientFrame>(AgentClientFrameSchema, {
      hello(frame) {
        const agent = sessionAgent();
        if (!agent) return;
        conn.send({ type: 'welcome', v: PROTOCOL_VERSION, agent });
        const plan: ReplayFrom[] = [];
        if (frame.resume) {
          try {
            const conversation = domain.chat.agentConversation(agent, frame.resume.conversationId);
            plan.push({ conversationId: conversation.id, afterSeq: frame.resume.afterSeq });
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            conn.error(err.code, 'Resume position not found.');
          }
        }
        // Live events start once the replay has caught up; a session that ended meanwhile gets none.
        replay(conn, source, plan, () => {
          const current = sessionAgent();
          if (current) hub.addAgent(current, sessionHash, conn);
        }).catch(replayFailed);
      },
      async command(frame) {
        const current = sessionAgent();
        if (!current) return;
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
            const plan = [{ conversationId: conversation.id, afterSeq: frame.afterSeq }];
            await replay(conn, source, plan, () => conn.send({ type: 'ack', id: frame.id }));
            break;
          }
        }
      },
    });
  });
}
