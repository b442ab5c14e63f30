// Who works a conversation, closing it (with a closing message or none) and, where the site allows, reopening it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssigneeBodySchema,
  CloseConversationBodySchema,
  CloseOptionsBodySchema,
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
          summary: 'Reassign to any active agent, back to Unassigned (null), or to a team’s queue (teamId)',
          params: IdParamsSchema,
          body: AssigneeBodySchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: await domain.assignment.setAssignee(
          currentAgent(request),
          request.params.id,
          request.body.teamId !== undefined
            ? { teamId: request.body.teamId }
            : request.body.assigneeId
              ? { agentId: request.body.assigneeId }
              : { teamId: null },
        ),
      }),
    );

    app.post(
      '/:id/close',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'Close, optionally sending one of the site’s closing messages (by id) as the last message; the visitor’s next message starts a new conversation',
          params: IdParamsSchema,
          body: CloseConversationBodySchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: await domain.closing.close(
          currentAgent(request),
          request.params.id,
          request.body?.closingMessageId,
        ),
      }),
    );

    app.get(
      '/:id/close-options',
      {
        schema: {
          tags: ['conversations'],
          summary:
            "What Close chat offers (the site's closing messages in its language) and whether Reopen is allowed",
          params: IdParamsSchema,
          response: { 200: CloseOptionsBodySchema, ...errors },
        },
      },
      async (request) => domain.closing.options(currentAgent(request), request.params.id),
    );

    app.post(
      '/:id/reopen',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'Reopen a closed conversation (where the site allows it; else 403): to its assignee while active, else to the queue; 409 while the contact has another open conversation on the channel',
          params: IdParamsSchema,
          response: { 200: ConversationBodySchema, ...errors, 403: ErrorBodySchema },
        },
      },
      async (request) => ({
        conversation: await domain.closing.reopen(currentAgent(request), request.params.id),
      }),
    );
  };
}
