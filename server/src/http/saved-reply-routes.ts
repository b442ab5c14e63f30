// Saved replies: every agent reads them (for the "/" picker); admins add, change and delete them.
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
  const { requireAgent, requireAdmin } = guards(domain);
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
          summary: 'Every saved reply, by shortcut',
          response: { 200: SavedReplyListBodySchema, ...errors },
        },
      },
      async () => ({ replies: await domain.savedReplies.list() }),
    );

    app.post(
      '/',
      {
        preHandler: requireAdmin,
        schema: {
          tags: ['saved replies'],
          summary: 'Add a saved reply (admins only); 409 when the shortcut is taken',
          body: SavedReplyInputSchema,
          response: { 201: SavedReplyBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ reply: await domain.savedReplies.create(request.body, currentAgent(request).id) }),
    );

    app.patch(
      '/:id',
      {
        preHandler: requireAdmin,
        schema: {
          tags: ['saved replies'],
          summary: 'Change a saved reply (admins only)',
          params: IdParamsSchema,
          body: UpdateSavedReplyBodySchema,
          response: { 200: SavedReplyBodySchema, ...errors },
        },
      },
      async (request) => ({ reply: await domain.savedReplies.update(request.params.id, request.body) }),
    );

    app.delete(
      '/:id',
      {
        preHandler: requireAdmin,
        schema: {
          tags: ['saved replies'],
          summary: 'Delete a saved reply (admins only)',
          params: IdParamsSchema,
          response: { 204: z.null().describe('No content'), ...errors },
        },
      },
      async (request, reply) => {
        await domain.savedReplies.remove(request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
