// Saved replies: every agent reads the team's and their own (for the "/" picker); admins add, change and delete the
// team's, every agent their own. Another agent's own reply is 404 on every route.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  IdParamsSchema,
  SavedReplyBodySchema,
  SavedReplyInputSchema,
  SavedReplyListBodySchema,
  UpdateSavedReplyBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function savedReplyRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    const errors = {
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    };

    app.get(
      '/',
      {
        preHandler: requireAgent,
        schema: {
          tags: ['saved replies'],
          summary: "The team's saved replies and the agent's own, by shortcut",
          response: { 200: SavedReplyListBodySchema, ...errors },
        },
      },
      async (request) => ({ replies: await domain.savedReplies.list(currentAgent(request)) }),
    );

    app.post(
      '/',
      {
        preHandler: requireAgent,
        schema: {
          tags: ['saved replies'],
          summary:
            "Add a saved reply: the team's (admins only) or, personal, the agent's own; 409 when the shortcut is taken",
          body: SavedReplyInputSchema,
          response: { 201: SavedReplyBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ reply: await domain.savedReplies.create(request.body, currentAgent(request)) }),
    );

    app.patch(
      '/:id',
      {
        preHandler: requireAgent,
        schema: {
          tags: ['saved replies'],
          summary: "Change a saved reply: the team's (admins only) or the agent's own",
          params: IdParamsSchema,
          body: UpdateSavedReplyBodySchema,
          response: { 200: SavedReplyBodySchema, ...errors },
        },
      },
      async (request) => ({
        reply: await domain.savedReplies.update(currentAgent(request), request.params.id, request.body),
      }),
    );

    app.delete(
      '/:id',
      {
        preHandler: requireAgent,
        schema: {
          tags: ['saved replies'],
          summary: "Delete a saved reply: the team's (admins only) or the agent's own",
          params: IdParamsSchema,
          response: { 204: z.null().describe('No content'), ...errors },
        },
      },
      async (request, reply) => {
        await domain.savedReplies.remove(currentAgent(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
