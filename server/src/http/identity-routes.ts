// Identified visitors, for admins: whether the site has an identity secret (never the secret), and making a new one
// (shown in that answer only; the old one stops verifying at once). Agents get 403 here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  IdParamsSchema,
  IdentitySecretCreatedSchema,
  IdentitySecretStatusSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

const errors = { 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export function identityRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    app.get(
      '/:id/identity-secret',
      {
        schema: {
          tags: ['sites'],
          summary:
            'Whether the site has an identity secret and when it was made; never the secret (admins only)',
          params: IdParamsSchema,
          response: { 200: IdentitySecretStatusSchema, ...errors },
        },
      },
      async (request) => domain.identity.status(request.params.id),
    );
    app.post(
      '/:id/identity-secret',
      {
        schema: {
          tags: ['sites'],
          summary:
            'Makes a new identity secret, shown in this answer only; signatures made with the old one stop ' +
            'verifying at once (admins only)',
          params: IdParamsSchema,
          response: { 201: IdentitySecretCreatedSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await domain.identity.rotate(request.params.id)),
    );
  };
}
