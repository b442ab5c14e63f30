import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgentBodySchema,
  AgentListBodySchema,
  CreateAgentBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  UpdateAgentBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

export function teamRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };

    app.get(
      '/',
      {
        schema: {
          tags: ['team'],
          summary: 'All agents (admins only)',
          response: { 200: AgentListBodySchema, ...errors },
        },
      },
      async () => ({ agents: domain.team.list() }),
    );

    app.post(
      '/',
      {
        schema: {
          tags: ['team'],
          summary: 'Add an agent with an initial password (admins only)',
          body: CreateAgentBodySchema,
          response: { 201: AgentBodySchema, ...errors, 409: ErrorBodySchema },
        },
      },
      async (request, reply) => reply.code(201).send({ agent: await domain.team.create(request.body) }),
    );

    app.patch(
      '/:id',
      {
        schema: {
          tags: ['team'],
          summary: 'Rename, change role, reset password, deactivate or reactivate (admins only)',
          params: IdParamsSchema,
          body: UpdateAgentBodySchema,
          response: { 200: AgentBodySchema, ...errors, 404: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (request) => ({ agent: await domain.team.update(request.params.id, request.body) }),
    );
  };
}
