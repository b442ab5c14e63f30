// The side panel of a conversation and the leads and deals created from it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateRecordBodySchema,
  DetailsBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  RecordBodySchema,
  RecordListBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function conversationCrmRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/:id/details',
      {
        schema: {
          tags: ['leads'],
          summary: 'The side panel, pre-filled with what the playbook captured',
          params: IdParamsSchema,
          response: { 200: DetailsBodySchema, ...errors },
        },
      },
      async (request) => ({ details: await domain.crm.details(currentAgent(request), request.params.id) }),
    );

    app.put(
      '/:id/details',
      {
        schema: {
          tags: ['leads'],
          summary: 'Save the side panel (contact fields are the visitor’s, the rest the conversation’s)',
          params: IdParamsSchema,
          body: DetailsBodySchema,
          response: { 200: DetailsBodySchema, ...errors },
        },
      },
      async (request) => ({
        details: await domain.crm.saveDetails(currentAgent(request), request.params.id, request.body.details),
      }),
    );

    app.get(
      '/:id/records',
      {
        schema: {
          tags: ['leads'],
          summary: 'Leads and deals created from this conversation',
          params: IdParamsSchema,
          response: { 200: RecordListBodySchema, ...errors },
        },
      },
      async (request) => ({
        records: await domain.crm.ofConversation(currentAgent(request), request.params.id),
      }),
    );

    app.post(
      '/:id/records',
      {
        schema: {
          tags: ['leads'],
          summary:
            'Create a lead or a deal (a deal needs a value) from the side panel; the chat stays as it is',
          params: IdParamsSchema,
          body: CreateRecordBodySchema,
          response: { 201: RecordBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ record: await domain.crm.create(currentAgent(request), request.params.id, request.body) }),
    );
  };
}
