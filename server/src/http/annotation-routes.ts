// The agents-only timeline of a conversation (notes and events) and its tags.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivityBodySchema,
  ActivityListBodySchema,
  ConversationBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  NoteBodySchema,
  TagsBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function annotationRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/:id/activities',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Notes and events of the agents-only timeline, oldest first (never shown to the visitor)',
          params: IdParamsSchema,
          response: { 200: ActivityListBodySchema, ...errors },
        },
      },
      async (request) => ({
        activities: await domain.annotations.activities(currentAgent(request), request.params.id),
      }),
    );

    app.post(
      '/:id/notes',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Add an internal note (agents only)',
          params: IdParamsSchema,
          body: NoteBodySchema,
          response: { 201: ActivityBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          activity: await domain.annotations.addNote(
            currentAgent(request),
            request.params.id,
            request.body.body,
          ),
        }),
    );

    app.put(
      '/:id/tags',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Replace the conversation’s tags',
          params: IdParamsSchema,
          body: TagsBodySchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: await domain.annotations.setTags(
          currentAgent(request),
          request.params.id,
          request.body.tags,
        ),
      }),
    );
  };
}
