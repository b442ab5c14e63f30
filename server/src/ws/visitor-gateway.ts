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
import type { Site } from '@livechat/shared/model';
import type { Visitor } from '../domain/store.js';
import { Connection } from './connection.js';
import { letGoOfUpgrade } from './upgrade.js';
import type { Hub } from './hub.js';
import type { AppConfig } from '../config.js';
import { localKeyedLimit } from './token-bucket.js';
import type { KeyedLimit } from '../cluster/keyed-limit.js';
import { replay } from './replay.js';

export function registerVisitorGateway(
  app: FastifyInstance,
  domain: Domain,
  hub: Hub,
  { frameRate, newVisitorRate }: Pick<AppConfig, 'frameRate' | 'newVisitorRate'>,
  /** Each hello without a token stores a new visitor: bounded per IP, so a script cannot grow the table freely. */
  newVisitors: KeyedLimit = localKeyedLimit(newVisitorRate),
): void {
  app.get(VISITOR_SOCKET_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
    // The app's logger, not the request's child logger: kept by every idle visitor socket, that costs ~0.75 KB each.
    letGoOfUpgrade(socket, app.log);
    const conn = new Connection<VisitorServerFrame>(socket, app.log, frameRate);
    // Read now: nothing below keeps the request (10,000 idle visitors would keep 10,000 of them).
    const siteKey = (request.query as Record<string, unknown>).siteKey;
    const { ip } = request;
    const { origin } = request.headers;
    /** The site of the key, once `open` found it (and its origin allowed). */
    let site: Site | null = null;
    let visitor: Visitor | null = null;
    conn.serve<VisitorClientFrame>(VisitorClientFrameSchema, {
      async open() {
        site = typeof siteKey === 'string' ? await domain.visitors.siteByKey(siteKey) : null;
        if (!site) {
          conn.close(CloseCode.UnknownSite, 'unknown site key');
          return false;
        }
        if (!domain.visitors.isOriginAllowed(site, origin)) {
          conn.close(CloseCode.ForbiddenOrigin, 'origin not allowed for this site');
          return false;
        }
        return true;
      },
      async hello(frame) {
        if (!frame.token && !(await newVisitors.take(ip))) {
          throw new DomainError(
            ErrorCode.RateLimited,
            'Too many new visitors from this address; try again later.',
          );
        }
        const identified = await domain.visitors.identify(site!, frame.token);
        const me = (visitor = identified.visitor);
        const open = await domain.chat.openConversationOf(me);
        // Their recent conversations (closed ones stay readable), or the rest of the resumed one and any newer.
        const plan = await domain.visitorHistory.plan(me, frame.resume);
        if (plan.forged)
          conn.error(ErrorCode.NotFound, 'Resume position not found; replaying your conversations.');
        const { botName, botAvatarUrl, locale } = await domain.sites.playbook(site!.id);
        const online = domain.presence.anyAvailable();
        conn.send({
          type: 'welcome',
          v: PROTOCOL_VERSION,
          visitorId: me.id,
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
          return Promise.resolve();
        }).catch((err: unknown) => {
          conn.log.error({ err }, 'replay failed');
          conn.close(CloseCode.Internal, 'replay failed');
        });
      },
      async command(frame) {
        switch (frame.type) {
          case 'message.send': {
            // Queued now, so this socket's messages keep their order; acked after the group commit.
            conn.ackMessage(frame.id, () =>
              domain.chat.sendVisitorMessage(visitor!, frame.id, frame.body, frame.attachments),
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
