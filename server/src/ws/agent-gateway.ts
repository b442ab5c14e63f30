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
import { letGoOfUpgrade } from './upgrade.js';
import type { Hub } from './hub.js';
import type { Rate } from '../config.js';
import { replay, replayMessages } from './replay.js';
import { receiptLimits } from './receipt-limits.js';
import type { ReplayFrom } from '../domain/visitor-history.js';

export function registerAgentGateway(
  app: FastifyInstance,
  domain: Domain,
  hub: Hub,
  dashboardOrigins: readonly string[],
  frameRate: Rate,
): void {
  app.get(AGENT_SOCKET_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
    letGoOfUpgrade(socket, request.log);
    const conn = new Connection<AgentServerFrame>(socket, request.log, frameRate);
    const origin = request.headers.origin;
    if (origin !== undefined && !dashboardOrigins.includes(origin)) {
      return conn.close(CloseCode.ForbiddenOrigin, 'origin not allowed');
    }
    /** The session (token hash) the socket was opened with, once `open` found it. */
    let sessionHash = '';
    /** The agent as they are now, or null (and the socket closing) once the session has ended. */
    const sessionAgent = async () => {
      const current = await domain.auth.agentOfSession(sessionHash);
      if (!current) conn.close(CloseCode.SessionRevoked, 'session ended');
      return current;
    };
    const source = { page: domain.chat.messagesAfter, openId: () => Promise.resolve(null) };
    const limits = receiptLimits();
    const replayFailed = (err: unknown) => {
      conn.log.error({ err }, 'replay failed');
      conn.close(CloseCode.Internal, 'replay failed');
    };
    conn.serve<AgentClientFrame>(AgentClientFrameSchema, {
      async open() {
        const session = await domain.auth.session(sessionToken(request));
        if (!session) {
          conn.close(CloseCode.Unauthorized, 'sign in first');
          return false;
        }
        sessionHash = session.sessionHash;
        return true;
      },
      async hello(frame) {
        const agent = await sessionAgent();
        if (!agent) return;
        // Counted as connected before the welcome: whoever the agent tells "I'm here" must find them available.
        hub.agentPresent(agent, conn);
        conn.send({ type: 'welcome', v: PROTOCOL_VERSION, agent });
        const plan: ReplayFrom[] = [];
        if (frame.resume) {
          try {
            const conversation = await domain.chat.agentConversation(agent, frame.resume.conversationId);
            plan.push({ conversationId: conversation.id, afterSeq: frame.resume.afterSeq });
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            conn.error(err.code, 'Resume position not found.');
          }
        }
        // Live events start once the replay has caught up; a session that ended meanwhile gets none.
        replay(conn, source, plan, async () => {
          const current = await sessionAgent();
          if (current) hub.addAgent(current, sessionHash, conn);
        }).catch(replayFailed);
      },
      async command(frame) {
        const current = await sessionAgent();
        if (!current) return;
        switch (frame.type) {
          case 'message.send': {
            // Queued now, so this socket's messages keep their order; acked after the group commit.
            conn.ackMessage(frame.id, () =>
              domain.chat.sendAgentMessage(
                current,
                frame.conversationId,
                frame.id,
                frame.body,
                frame.attachments,
              ),
            );
            break;
          }
          case 'conversation.watch': {
            const conversation = await domain.chat.agentConversation(current, frame.conversationId);
            const plan = [{ conversationId: conversation.id, afterSeq: frame.afterSeq }];
            if (await replayMessages(conn, source, plan)) conn.send({ type: 'ack', id: frame.id });
            break;
          }
          case 'typing':
            // Relayed, never stored; beyond the limit dropped unanswered (ws/receipt-limits.ts).
            if (limits.typing())
              await domain.receipts.agentTyping(current, frame.conversationId, frame.typing);
            break;
          case 'read':
            if (limits.read()) await domain.receipts.agentRead(current, frame.conversationId, frame.seq);
            break;
        }
      },
    });
  });
}
