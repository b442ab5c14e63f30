import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema, VisitorContextBodySchema } from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

/** The side panel's "Visitor": the context kept with a conversation the agent may see. */
export function visitorContextRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    app.get(
      '/:id/visitor-context',
      {
        schema: {
          tags: ['conversations'],
          summary:
            "Where the visitor is on the site (page, this session's pages, referrer), their browser, OS, language and time zone",
          params: IdParamsSchema,
          response: { 200: VisitorContextBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => ({
        context: await domain.visitorContext.of(
          await domain.chat.agentConversation(currentAgent(request), request.params.id),
        ),
      }),
    );
  };
}
