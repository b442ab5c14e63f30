// One visitor socket's pages: the last `page.view` is reported to the visitor's open conversation, and again to a
// conversation the visitor starts later on this page (a first message, or a new chat after a close).
import type { FastifyBaseLogger } from 'fastify';
import type { PageView } from '@livechat/shared/protocol';
import type { Domain } from '../domain/index.js';
import type { Visitor } from '../domain/store.js';
import { firstLanguage, parseUserAgent, type PageSeen } from '../domain/visitor-context/index.js';

/** The upgrade request's headers the context needs: read at connect, as the request is not kept. */
export interface VisitorHeaders {
  userAgent: string | undefined;
  acceptLanguage: string | undefined;
}

export function createVisitorPages(domain: Domain, headers: VisitorHeaders, log: FastifyBaseLogger) {
  let seen: PageSeen | null = null;
  /** The conversation the last page was stored with. */
  let storedIn: string | null = null;

  const report = async (visitor: Visitor): Promise<void> => {
    if (!seen) return;
    storedIn = (await domain.visitorContext.pageView(visitor, seen))?.conversationId ?? null;
  };

  return {
    /** A validated `page.view` (the title already trimmed and cut). */
    async view(visitor: Visitor, { url, title, referrer, timeZone, language }: PageView): Promise<void> {
      // Parsed on the first page only: most sockets never send one.
      const device = seen ?? {
        ...parseUserAgent(headers.userAgent),
        acceptLanguage: firstLanguage(headers.acceptLanguage),
      };
      const { browser, os, acceptLanguage } = device;
      seen = { url, title, referrer, timeZone, language, browser, os, acceptLanguage };
      await report(visitor);
    },
    /** A message or start of the visitor's went to `conversationId`: the page goes with it, once. */
    wroteIn(visitor: Visitor, conversationId: string): void {
      if (!seen || storedIn === conversationId) return;
      report(visitor).catch((err: unknown) => log.error({ err }, 'visitor context failed'));
    },
  };
}
export type VisitorPages = ReturnType<typeof createVisitorPages>;
