// The team as every agent may see it: names for the Assignee combobox.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ColleagueListBodySchema, ErrorBodySchema } from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

export function colleagueRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    app.get(
      '/',
      {
        schema: {
          tags: ['team'],
          summary: 'Every active agent and whether they are available now (any signed-in agent)',
          response: { 200: ColleagueListBodySchema, 401: ErrorBodySchema },
        },
      },
      async () => ({ agents: await domain.colleagues() }),
    );
  };
}
