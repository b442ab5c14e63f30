// Public endpoints the widget calls from customers' pages (cross-origin, without cookies; the visitor's token, when
// they have one, in an Authorization header).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, SiteKeyParamsSchema, WidgetStatusBodySchema } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import { visitorBearer } from './visitor-bearer.js';

/** Browsers ask before sending the token (a non-simple header): once an hour per page origin. */
const PREFLIGHT_MAX_AGE = '3600';

export function widgetRoutes(domain: Domain): FastifyPluginAsyncZod {
  async function allowedSite(siteKey: string, origin: string | undefined) {
    const site = await domain.visitors.siteByKey(siteKey);
    if (!site) throw new DomainError(ErrorCode.UnknownSite, 'No site has this key.');
    if (!domain.visitors.isOriginAllowed(site, origin))
      throw new DomainError(ErrorCode.OriginNotAllowed, 'This origin may not embed this site.');
    return site;
  }

  return async (app) => {
    app.options(
      '/:siteKey/status',
      { schema: { hide: true, params: SiteKeyParamsSchema } },
      async (request, reply) => {
        const { origin } = request.headers;
        await allowedSite(request.params.siteKey, origin);
        return reply
          .code(204)
          .header('access-control-allow-origin', origin)
          .header('access-control-allow-headers', 'authorization')
          .header('access-control-allow-methods', 'GET')
          .header('access-control-max-age', PREFLIGHT_MAX_AGE)
          .header('vary', 'Origin')
          .send();
      },
    );

    app.get(
      '/:siteKey/status',
      {
        schema: {
          tags: ['widget'],
          summary:
            "Whether anyone is available, for the launcher; readable only from the site's allowed origins. With the " +
            "visitor's token (Authorization: Bearer), also how many messages their open chat got since they last connected",
          params: SiteKeyParamsSchema,
          response: {
            200: WidgetStatusBodySchema,
            304: z.null().describe('Not modified: the status is the one the ETag names'),
            403: ErrorBodySchema,
            404: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const origin = request.headers.origin;
        const site = await allowedSite(request.params.siteKey, origin);
        // The widget loaded on an allowed origin: installation status (display only; a failed write costs the
        // launcher nothing). Every page load asks, 304 or not, so this comes before the ETag.
        await domain.installation
          .sighted(site, origin!, request.headers.referer)
          .catch((err: unknown) => request.log.warn({ err }, 'recording where the widget loaded failed'));
        // No cookies: the answer only needs the origin allowed, and the unread count the visitor's own token (an
        // unknown or expired one gets the status without a count, as a visitor who never chatted).
        void reply.header('access-control-allow-origin', origin).header('vary', 'Origin, Authorization');
        const token = visitorBearer(request);
        const visitor = token ? await domain.visitors.ofToken(site.id, token) : null;
        const body = {
          online: domain.presence.anyAvailable(),
          locale: (await domain.sites.playbook(site.id)).locale,
          ...(visitor && { unread: await domain.visitorUnread(visitor) }),
        };
        // Launchers ask again every 30 s while their page is visible: the browser revalidates (no-cache) and an
        // unchanged status costs a bodyless 304.
        const etag = `"${body.online ? 1 : 0}-${body.locale}${body.unread === undefined ? '' : `-${body.unread}`}"`;
        void reply.header('cache-control', 'no-cache').header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
        return body;
      },
    );
  };
}
