// Site settings for admins: allowed origins (the embed page), the Bot folder for agents, and the playbook. Agents
// get 403 here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  IdParamsSchema,
  PlaybookBodySchema,
  SiteBodySchema,
  SiteListBodySchema,
  UpdateSiteBodySchema,
} from '@livechat/shared/api';
import { PlaybookSchema } from '@livechat/shared/model';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function siteRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/',
      {
        schema: {
          tags: ['sites'],
          summary: 'Sites with their keys and allowed origins (admins only)',
          response: { 200: SiteListBodySchema, ...errors },
        },
      },
      async () => ({ sites: await domain.sites.list() }),
    );

    app.patch(
      '/:id',
      {
        schema: {
          tags: ['sites'],
          summary:
            'Rename a site, change the origins its widget may run on, or show agents its Bot folder (admins only)',
          params: IdParamsSchema,
          body: UpdateSiteBodySchema,
          response: { 200: SiteBodySchema, ...errors },
        },
      },
      async (request) => ({ site: await domain.sites.update(request.params.id, request.body) }),
    );

    app.get(
      '/:id/playbook',
      {
        schema: {
          tags: ['sites'],
          summary: "The site's current playbook (admins only)",
          params: IdParamsSchema,
          response: { 200: PlaybookBodySchema, ...errors },
        },
      },
      async (request) => ({ playbook: await domain.sites.playbook(request.params.id) }),
    );

    app.put(
      '/:id/playbook',
      {
        schema: {
          tags: ['sites'],
          summary: 'Save the playbook as a new version; an invalid one is refused with field-level details',
          params: IdParamsSchema,
          body: PlaybookSchema,
          response: { 200: PlaybookBodySchema, ...errors },
        },
      },
      async (request) => ({
        playbook: await domain.sites.savePlaybook(request.params.id, request.body, currentAgent(request).id),
      }),
    );
  };
}
