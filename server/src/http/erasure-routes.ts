// Erasure (admins): deleting a conversation, or a contact with every conversation of theirs, for good.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function erasureRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    // Signed in here; the domain refuses agents who are not admins, in words.
    app.addHook('preHandler', requireAgent);
    const response = {
      204: z.null().describe('No content'),
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
    };

    app.delete(
      '/conversations/:id',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'Delete a conversation for good (admins only): its messages, notes, details, leads and deals, texts and files',
          params: IdParamsSchema,
          response,
        },
      },
      async (request, reply) => {
        await domain.erasure.deleteConversation(currentAgent(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/contacts/:id',
      {
        schema: {
          tags: ['contacts'],
          summary:
            'Delete a contact for good (admins only), with every conversation of theirs and their files',
          params: IdParamsSchema,
          response,
        },
      },
      async (request, reply) => {
        await domain.erasure.deleteContact(currentAgent(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
