// Public endpoints the widget calls from customers' pages (cross-origin, without credentials).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
          response: { 200: WidgetStatusBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const site = domain.visitors.siteByKey(request.params.siteKey);
        if (!site) throw new DomainError(ErrorCode.UnknownSite, 'No site has this key.');
        const origin = request.headers.origin;
        if (!domain.visitors.isOriginAllowed(site, origin))
          throw new DomainError(ErrorCode.OriginNotAllowed, 'This origin may not embed this site.');
        // No credentials: the answer is the same for every visitor, so it only needs the origin allowed.
        void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
        return { online: domain.presence.anyAvailable(), locale: domain.sites.playbook(site.id).locale };
      },
    );
  };
}
