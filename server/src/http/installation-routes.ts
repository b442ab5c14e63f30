// Installation status for admins: where each site's widget was last seen loading (the Embed page), and whether it
// ever was (the Playbook page's "Not installed"). Agents get 403 here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema, InstallationBodySchema } from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

export function installationRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    app.get(
      '/:id/installation',
      {
        schema: {
          tags: ['sites'],
          summary:
            "Where the site's widget was last seen loading: its allowed origins, the page (without query or " +
            'fragment, when the browser tells) and when, most recent first (admins only)',
          params: IdParamsSchema,
          response: {
            200: InstallationBodySchema,
            401: ErrorBodySchema,
            403: ErrorBodySchema,
            404: ErrorBodySchema,
          },
        },
      },
      async (request) => domain.installation.ofSite(request.params.id),
    );
  };
}
