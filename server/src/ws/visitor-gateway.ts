// The visitor channel: site key and Origin are checked at connect, the token at hello; then replay, then live.
import type { FastifyInstance } from 'fastify';
import {
  VisitorClientFrameSchema,
  type VisitorClientFrame,
  type VisitorServerFrame,
} from '@livechat/shared/protocol';
import {
  CloseCode,
  ErrorCode,
  PROTOCOL_VERSION,
  VISITOR_SOCKET_PATH,
} from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import type { Visitor } from '../store/index.js';
import { Connection } from './connection.js';
import type { Hub } from './hub.js';
import type { AppConfig } from '../config.js';
import { createKeyedLimit } from './token-bucket.js';
import { replay } from './replay.js';

export function registerVisitorGateway(
  app: FastifyInstance,
  domain: Domain,
  hub: Hub,
  { frameRate, newVisitorRate }: Pick<AppConfig, 'frameRate' | 'newVisitorRate'>,
): void {
  // Each hello without a token stores a new visitor: bounded per IP, so a script cannot grow the table freely.
  const newVisitors = createKeyedLimit(newVisitorRate);
  app.get(VISITOR_SOCKET_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
    const conn = new Connection<VisitorServerFrame>(socket, request.log, frameRate);
    const siteKey = (request.query as Record<string, unknown>).siteKey;
    const site = typeof siteKey === 'string' ? domain.visitors.siteByKey(siteKey) : null;
    if (!site) return conn.close(CloseCode.UnknownSite, 'unknown site key');
    if (!domain.visitors.isOriginAllowed(site, request.headers.origin)) {
      return conn.close(CloseCode.ForbiddenOrigin, 'origin not allowed for this site');
    }

    let visitor: Visitor | null = null;
    conn.serve<VisitorClientFrame>(VisitorClientFrameSchema, {
      hello(frame) {
        if (!frame.token && !newVisitors.take(request.ip)) {
          throw new DomainError(
            ErrorCode.RateLimited,
            'Too many new visitors from this address; try again later.',
          );
        }
        const identified = domain.visitors.identify(site, frame.token);
        visitor = identified.visitor;
        const open = domain.chat.openConversationOf(visitor);
        const me = visitor;
        // Their recent conversations (closed ones stay readable), or the rest of the resumed one and any newer.
        const plan = domain.visitorHistory.plan(visitor, frame.resume);
        if (plan.forged)
          conn.error(ErrorCode.NotFound, 'Resume position not found; replaying your conversations.');
        const { botName, botAvatarUrl, locale } = domain.sites.playbook(site.id);
        const online = domain.presence.anyAvailable();
        conn.send({
          type: 'welcome',
          v: PROTOCOL_VERSION,
          visitorId: visitor.id,
          ...(identified.issuedToken ? { token: identified.issuedToken } : {}),
          conversationId: open?.id ?? null,
          serverTime: domain.now(),
          online,
          site: { botName, botAvatarUrl, locale },
          history: plan.from.map((p) => p.conversationId),
        });
        // Live events start once the replay has caught up (it pages through any number of messages).
        const source = {
          page: domain.chat.messagesAfter,
          openId: () => domain.visitorHistory.openId(me),
        };
        replay(conn, source, plan.from, () => {
          hub.addVisitor(me.id, conn);
          const now = domain.presence.anyAvailable();
          if (now !== online) conn.send({ type: 'presence', online: now });
        }).catch((err: unknown) => {
          conn.log.error({ err }, 'replay failed');
          conn.close(CloseCode.Internal, 'replay failed');
        });
      },
      async command(frame) {
        switch (frame.type) {
          case 'message.send': {
            // Queued synchronously, so this socket's messages keep their order; acked after the group commit.
            await conn.ackMessage(frame.id, () =>
              domain.chat.sendVisitorMessage(visitor!, frame.id, frame.body),
            );
            break;
          }
          case 'conversation.start': {
            // The bot's first messages are published before this resolves, so they reach the visitor before the ack.
            const conversation = await domain.chat.startConversation(visitor!);
            conn.send({ type: 'ack', id: frame.id, conversationId: conversation.id });
            break;
          }
        }
      },
    });
  });
}
