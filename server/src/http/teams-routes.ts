// Teams: every signed-in agent reads them (team names); admins add, rename, choose members and delete.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateTeamBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  TeamBodySchema,
  TeamListBodySchema,
  UpdateTeamBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

export function teamsRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent, requireAdmin } = guards(domain);
  return async (app) => {
    const errors = {
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    };

    app.get(
      '/',
      {
        preHandler: requireAgent,
        schema: {
          tags: ['teams'],
          summary: 'Every team with its members, by name',
          response: { 200: TeamListBodySchema, ...errors },
        },
      },
      async () => ({ teams: await domain.teams.list() }),
    );

    app.post(
      '/',
      {
        preHandler: requireAdmin,
        schema: {
          tags: ['teams'],
          summary: 'Add a team (admins only); 409 when the name is taken, ignoring case',
          body: CreateTeamBodySchema,
          response: { 201: TeamBodySchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send({ team: await domain.teams.create(request.body) }),
    );

    app.patch(
      '/:id',
      {
        preHandler: requireAdmin,
        schema: {
          tags: ['teams'],
          summary: 'Rename a team or replace its members (active agents) (admins only)',
          params: IdParamsSchema,
          body: UpdateTeamBodySchema,
          response: { 200: TeamBodySchema, ...errors },
        },
      },
      async (request) => ({ team: await domain.teams.update(request.params.id, request.body) }),
    );

    app.delete(
      '/:id',
      {
        preHandler: requireAdmin,
        schema: {
          tags: ['teams'],
          summary: 'Delete a team and its memberships (admins only)',
          params: IdParamsSchema,
          response: { 204: z.null().describe('No content'), ...errors },
        },
      },
      async (request, reply) => {
        await domain.teams.remove(request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
