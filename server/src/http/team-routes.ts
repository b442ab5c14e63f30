import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgentBodySchema,
  AgentListBodySchema,
  CreateAgentBodySchema,
  CreateAgentResponseSchema,
  ErrorBodySchema,
  IdParamsSchema,
  InviteLinkBodySchema,
  UpdateAgentBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import type { IssuedInvite } from '../domain/invites.js';
import { guards } from './session.js';

export function teamRoutes(domain: Domain, publicUrl: string): FastifyPluginAsyncZod {
  /** The dashboard's invite page for this token. */
  const inviteLink = ({ token, expiresAt }: IssuedInvite) => ({
    url: `${publicUrl}/#/invite/${token}`,
    expiresAt,
  });
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
      async () => ({ agents: await domain.team.list() }),
    );

    app.post(
      '/',
      {
        schema: {
          tags: ['team'],
          summary:
            'Add an agent with an initial password, or without one to get an invite link (admins only)',
          body: CreateAgentBodySchema,
          response: { 201: CreateAgentResponseSchema, ...errors, 409: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const { agent, invite } = await domain.team.create(request.body);
        return reply.code(201).send({ agent, ...(invite ? { invite: inviteLink(invite) } : {}) });
      },
    );

    app.post(
      '/:id/invite',
      {
        schema: {
          tags: ['team'],
          summary: 'A new invite link for an agent who has not signed up yet; older links stop working',
          params: IdParamsSchema,
          response: { 200: InviteLinkBodySchema, ...errors, 404: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (request) => ({ invite: inviteLink(await domain.team.reinvite(request.params.id)) }),
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
