import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConversationBodySchema,
  ConversationListBodySchema,
  ConversationSearchQuerySchema,
  FolderCountsBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  LeadDataBodySchema,
  MessageBodyResponseSchema,
  MessageListBodySchema,
  MessageListQuerySchema,
  PostMessageBodySchema,
  NewConversationBodySchema,
  NewConversationResponseSchema,
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
          summary:
            'Conversations the agent may see (unassigned and their own; admins all), newest activity first: a folder, search and filters',
          querystring: ConversationSearchQuerySchema,
          response: { 200: ConversationListBodySchema, ...errors, 403: ErrorBodySchema },
        },
      },
      async (request) => ({ conversations: await domain.inbox.search(currentAgent(request), request.query) }),
    );

    app.post(
      '/',
      {
        schema: {
          tags: ['conversations'],
          summary:
            "The green New: start (or continue) a contact's conversation on a channel with a first message; idempotent by clientId",
          body: NewConversationBodySchema,
          response: {
            201: NewConversationResponseSchema,
            ...errors,
            400: ErrorBodySchema,
            409: ErrorBodySchema,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await domain.contacts.start(currentAgent(request), request.body)),
    );

    app.get(
      '/counts',
      {
        schema: {
          tags: ['conversations'],
          summary: 'How many conversations each folder holds, as the agent sees them',
          response: { 200: FolderCountsBodySchema, ...errors },
        },
      },
      async (request) => ({ counts: await domain.inbox.counts(currentAgent(request)) }),
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
        conversation: await domain.chat.agentConversation(currentAgent(request), request.params.id),
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
        const conversation = await domain.chat.agentConversation(currentAgent(request), request.params.id);
        return {
          messages: await domain.chat.messagesAfter(
            conversation.id,
            request.query.afterSeq,
            request.query.limit,
          ),
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
          request.body.attachments,
        );
        return reply.code(created ? 201 : 200).send({ message });
      },
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
        lead: await domain.leads.of(
          await domain.chat.agentConversation(currentAgent(request), request.params.id),
        ),
      }),
    );
  };
}
