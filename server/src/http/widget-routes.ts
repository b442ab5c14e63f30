// Public endpoints the widget calls from customers' pages (cross-origin, without credentials).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, SiteKeyParamsSchema, WidgetStatusBodySchema } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';

export function widgetRoutes(domain: Domain): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:siteKey/status',
      {
        schema: {
          tags: ['widget'],
          summary:
            "Whether anyone is available, for the launcher; readable only from the site's allowed origins",
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
        const site = await domain.visitors.siteByKey(request.params.siteKey);
        if (!site) throw new DomainError(ErrorCode.UnknownSite, 'No site has this key.');
        const origin = request.headers.origin;
        if (!domain.visitors.isOriginAllowed(site, origin))
          throw new DomainError(ErrorCode.OriginNotAllowed, 'This origin may not embed this site.');
        // No credentials: the answer is the same for every visitor, so it only needs the origin allowed.
        void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
        const body = {
          online: domain.presence.anyAvailable(),
          locale: (await domain.sites.playbook(site.id)).locale,
        };
        // Launchers ask again every 30 s while their page is visible: the browser revalidates (no-cache) and an
        // unchanged status costs a bodyless 304.
        const etag = `"${body.online ? 1 : 0}-${body.locale}"`;
        void reply.header('cache-control', 'no-cache').header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
        return body;
      },
    );
  };
}
