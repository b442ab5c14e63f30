// Admins keep each site's closing messages (the agents' "Close chat" reads them with the conversation's close
// options). Agents get 403 here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClosingMessageBodySchema,
  ClosingMessageInputSchema,
  ClosingMessageListBodySchema,
  ClosingMessageParamsSchema,
  ErrorBodySchema,
  IdParamsSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function closingMessageRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/:id/closing-messages',
      {
        schema: {
          tags: ['sites'],
          summary:
            "The site's closing messages: the built-in ones in the site's language, and the admins' own",
          params: IdParamsSchema,
          response: { 200: ClosingMessageListBodySchema, ...errors },
        },
      },
      async (request) => ({ closingMessages: await domain.closingMessages.list(request.params.id) }),
    );

    app.post(
      '/:id/closing-messages',
      {
        schema: {
          tags: ['sites'],
          summary: 'Add a closing message (listed whatever the site’s language)',
          params: IdParamsSchema,
          body: ClosingMessageInputSchema,
          response: { 201: ClosingMessageBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          closingMessage: await domain.closingMessages.create(
            request.params.id,
            request.body.text,
            currentAgent(request).id,
          ),
        }),
    );

    app.put(
      '/:id/closing-messages/:messageId',
      {
        schema: {
          tags: ['sites'],
          summary: 'Change the words of a closing message',
          params: ClosingMessageParamsSchema,
          body: ClosingMessageInputSchema,
          response: { 200: ClosingMessageBodySchema, ...errors },
        },
      },
      async (request) => ({
        closingMessage: await domain.closingMessages.update(
          request.params.id,
          request.params.messageId,
          request.body.text,
        ),
      }),
    );

    app.delete(
      '/:id/closing-messages/:messageId',
      {
        schema: {
          tags: ['sites'],
          summary: 'Delete a closing message (built-in ones too: they do not come back)',
          params: ClosingMessageParamsSchema,
          response: { 204: z.null().describe('No content'), ...errors },
        },
      },
      async (request, reply) => {
        await domain.closingMessages.remove(request.params.id, request.params.messageId);
        return reply.code(204).send(null);
      },
    );
  };
}
