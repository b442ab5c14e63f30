// Who works a conversation, and closing it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssigneeBodySchema,
  ConversationBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function assignmentRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

    app.post(
      '/:id/assign',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Assign to me: exactly one of several agents clicking at once wins; the others get 409',
          params: IdParamsSchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: await domain.assignment.assignToMe(currentAgent(request), request.params.id),
      }),
    );

    app.put(
      '/:id/assignee',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Reassign to any active agent, or back to Unassigned (null)',
          params: IdParamsSchema,
          body: AssigneeBodySchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: await domain.assignment.setAssignee(
          currentAgent(request),
          request.params.id,
          request.body.assigneeId,
        ),
      }),
    );

    app.post(
      '/:id/close',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'Close for good: no reopening, no replies; the visitor’s next message starts a new conversation',
          params: IdParamsSchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: await domain.closing.close(currentAgent(request), request.params.id),
      }),
    );
  };
}
