import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConversationBodySchema,
  ConversationListBodySchema,
  ConversationListQuerySchema,
  ErrorBodySchema,
  IdParamsSchema,
  LeadDataBodySchema,
  MessageBodyResponseSchema,
  MessageListBodySchema,
  MessageListQuerySchema,
  PostMessageBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function conversationRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    const errors = { 401: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Conversations the agent may see, most recently active first',
          querystring: ConversationListQuerySchema,
          response: { 200: ConversationListBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversations: domain.chat.listForAgent(currentAgent(request), request.query.status ?? null),
      }),
    );

    app.get(
      '/:id',
      {
        schema: {
          tags: ['conversations'],
          summary: 'One conversation',
          params: IdParamsSchema,
          response: { 200: ConversationBodySchema, ...errors },
        },
      },
      async (request) => ({
        conversation: domain.chat.agentConversation(currentAgent(request), request.params.id),
      }),
    );

    app.get(
      '/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Messages after a seq, oldest first',
          params: IdParamsSchema,
          querystring: MessageListQuerySchema,
          response: { 200: MessageListBodySchema, ...errors },
        },
      },
      async (request) => {
        const conversation = domain.chat.agentConversation(currentAgent(request), request.params.id);
        return {
          messages: domain.chat.messagesAfter(conversation.id, request.query.afterSeq, request.query.limit),
        };
      },
    );

    app.post(
      '/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Reply as the signed-in agent; idempotent by clientId',
          params: IdParamsSchema,
          body: PostMessageBodySchema,
          response: {
            200: MessageBodyResponseSchema,
            201: MessageBodyResponseSchema,
            ...errors,
            409: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { message, created } = await domain.chat.sendAgentMessage(
          currentAgent(request),
          request.params.id,
          request.body.clientId,
          request.body.body,
        );
        return reply.code(created ? 201 : 200).send({ message });
      },
    );

    app.post(
      '/:id/assign',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Assign to me: exactly one of several agents clicking at once wins; the others get 409',
          params: IdParamsSchema,
          response: { 200: ConversationBodySchema, ...errors, 409: ErrorBodySchema },
        },
      },
      async (request) => ({
        conversation: await domain.assignment.assignToMe(currentAgent(request), request.params.id),
      }),
    );

    app.get(
      '/:id/lead',
      {
        schema: {
          tags: ['conversations'],
          summary: "The visitor's contact details and their answers to the playbook",
          params: IdParamsSchema,
          response: { 200: LeadDataBodySchema, ...errors },
        },
      },
      async (request) => ({
        lead: domain.leads.of(domain.chat.agentConversation(currentAgent(request), request.params.id)),
      }),
    );
  };
}
