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
import type { Locale, Site } from '@livechat/shared/model';
import type { Visitor } from '../domain/store.js';
import { Connection } from './connection.js';
import { letGoOfUpgrade } from './upgrade.js';
import type { Hub } from './hub.js';
import type { AppConfig } from '../config.js';
import { localKeyedLimit } from './token-bucket.js';
import type { KeyedLimit } from '../cluster/keyed-limit.js';
import { replay } from './replay.js';
import { acceptedLocale } from './visitor-locale.js';
import { receiptLimits } from './receipt-limits.js';
import { createVisitorPages, type VisitorPages } from './visitor-pages.js';
import { hashToken } from '../domain/tokens.js';

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
    /** The browser's language for the bot's texts, unless the hello says one (ws/visitor-locale.ts). */
    const browserLocale = acceptedLocale(request.headers['accept-language']);
    let visitorLocale: Locale | null = null;
    const headers = {
      userAgent: request.headers['user-agent'],
      acceptLanguage: request.headers['accept-language'],
    };
    /** Made on the first `page.view` (visitor context): most sockets never send one. */
    let pages: VisitorPages | null = null;
    /** The site of the key, once `open` found it (and its origin allowed). */
    let site: Site | null = null;
    let visitor: Visitor | null = null;
    /** Typing and read frame limits, made on the first such frame (most visitor sockets never send one). */
    let limits: ReturnType<typeof receiptLimits> | null = null;
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
        visitorLocale = frame.locale ?? browserLocale;
        if (!frame.token && !(await newVisitors.take(ip))) {
          throw new DomainError(
            ErrorCode.RateLimited,
            'Too many new visitors from this address; try again later.',
          );
        }
        const identified = await domain.visitors.identify(site!, frame.token);
        // A verified `identity` makes this connection the identified contact's; one that does not verify is ignored
        // (told, not fatal): the device chats as its anonymous visitor.
        const who = await domain.identity.resolve(
          site!,
          identified.visitor,
          hashToken(frame.token ?? identified.issuedToken!),
          frame.identity,
        );
        if (who.problem) {
          const why = `Identity not verified: ${who.problem}; chatting anonymously.`;
          conn.error(ErrorCode.IdentityNotVerified, why);
        }
        const me = (visitor = who.visitor);
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
          // The privacy note tells the visitor when agents see what they type.
          site: { botName, botAvatarUrl, locale, ...(site!.typingPreview && { typingPreview: true }) },
          history: plan.from.map((p) => p.conversationId),
        });
        // Live events start once the replay has caught up (it pages through any number of messages).
        const source = {
          page: domain.chat.messagesAfter,
          openId: () => domain.visitorHistory.openId(me),
        };
        replay(conn, source, plan.from, async () => {
          hub.addVisitor(me.id, conn);
          const now = domain.presence.anyAvailable();
          if (now !== online) conn.send({ type: 'presence', online: now });
          // Where the team has read to in each replayed conversation (the "Seen" survives reloads); live moves follow.
          const ids = plan.from.map((p) => p.conversationId);
          for (const { conversationId, seq, readAt } of await domain.receipts.teamPositions(ids))
            conn.send({ type: 'read.moved', conversationId, seq, readAt });
        }).catch((err: unknown) => {
          conn.log.error({ err }, 'replay failed');
          conn.close(CloseCode.Internal, 'replay failed');
        });
      },
      async command(frame) {
        switch (frame.type) {
          case 'message.send': {
            // Queued now, so this socket's messages keep their order; acked after the group commit.
            conn.ackMessage(frame.id, async () => {
              const sent = await domain.chat.sendVisitorMessage(
                visitor!,
                frame.id,
                frame.body,
                frame.attachments,
                visitorLocale,
              );
              pages?.wroteIn(visitor!, sent.message.conversationId);
              return sent;
            });
            break;
          }
          case 'conversation.start': {
            // The bot's first messages are published before this resolves, so they reach the visitor before the ack.
            const conversation = await domain.chat.startConversation(visitor!, visitorLocale);
            conn.send({ type: 'ack', id: frame.id, conversationId: conversation.id });
            pages?.wroteIn(visitor!, conversation.id);
            break;
          }
          case 'typing':
            // Relayed, never stored; beyond the limit dropped unanswered (ws/receipt-limits.ts).
            if ((limits ??= receiptLimits()).typing())
              await domain.receipts.visitorTyping(visitor!, frame.typing, frame.text);
            break;
          case 'read':
            if ((limits ??= receiptLimits()).read())
              await domain.receipts.visitorRead(visitor!, frame.conversationId, frame.seq);
            break;
          case 'page.view': {
            pages ??= createVisitorPages(domain, headers, conn.log);
            await pages.view(visitor!, frame);
            conn.send({ type: 'ack', id: frame.id });
            break;
          }
        }
      },
    });
  });
}
