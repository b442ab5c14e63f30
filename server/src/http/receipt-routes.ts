// Seen receipts and unread counts for the dashboard: a conversation's read positions, reading up to a message,
// "Mark as unread", and what is unread for the signed-in agent (per conversation and folder, by the privacy rules).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConversationReadsBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ReadBodySchema,
  UnreadBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function receiptRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/unread',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'What is unread for the signed-in agent: contact messages past their read position in each open chat they may see, and how many such chats each of their folders holds',
          response: { 200: UnreadBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({ unread: await domain.receipts.unread(currentAgent(request)) }),
    );

    app.get(
      '/conversations/:id/reads',
      {
        schema: {
          tags: ['conversations'],
          summary: 'How far the visitor, the team and the signed-in agent have read the conversation',
          params: IdParamsSchema,
          response: { 200: ConversationReadsBodySchema, ...errors },
        },
      },
      async (request) => ({ reads: await domain.receipts.reads(currentAgent(request), request.params.id) }),
    );

    app.post(
      '/conversations/:id/read',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'The signed-in agent read the conversation up to seq (clamped to its last message); positions only move forward',
          params: IdParamsSchema,
          body: ReadBodySchema,
          response: { 200: ConversationReadsBodySchema, ...errors },
        },
      },
      async (request) => ({
        reads: await domain.receipts.agentRead(currentAgent(request), request.params.id, request.body.seq),
      }),
    );

    app.post(
      '/conversations/:id/unread',
      {
        schema: {
          tags: ['conversations'],
          summary:
            "Mark as unread: the signed-in agent's position goes back to just before the contact's last message (the visitor's Seen stays)",
          params: IdParamsSchema,
          response: { 200: ConversationReadsBodySchema, ...errors },
        },
      },
      async (request) => ({
        reads: await domain.receipts.markUnread(currentAgent(request), request.params.id),
      }),
    );
  };
}
