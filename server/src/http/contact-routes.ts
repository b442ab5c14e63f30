// Contacts for every agent: the list and search, and a contact's profile (only the conversations the agent may see).
// "New" (a first message to a contact) is POST /api/conversations.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContactBodySchema,
  ContactListBodySchema,
  ContactListQuerySchema,
  ErrorBodySchema,
  IdParamsSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function contactRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    const errors = {
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    };
    const tags = ['contacts'];

    app.get(
      '/contacts',
      {
        schema: {
          tags,
          summary: 'Contacts (people who wrote or were texted), newest activity first; `q` searches',
          querystring: ContactListQuerySchema,
          response: { 200: ContactListBodySchema, ...errors },
        },
      },
      async (request) => ({
        contacts: await domain.contacts.list(currentAgent(request), request.query.q, request.query.limit),
      }),
    );

    app.get(
      '/contacts/:id',
      {
        schema: {
          tags,
          summary: 'A contact and their conversations on every channel that the agent may see',
          params: IdParamsSchema,
          response: { 200: ContactBodySchema, ...errors },
        },
      },
      async (request) => domain.contacts.profile(currentAgent(request), request.params.id),
    );
  };
}
