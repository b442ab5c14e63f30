// The public side of invite links: what the invite page shows, and accepting it (choose a password, get signed in).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcceptInviteBodySchema,
  AgentBodySchema,
  ErrorBodySchema,
  InviteInfoBodySchema,
  InviteTokenParamsSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session.js';

export function inviteRoutes(domain: Domain, publicUrl: string): FastifyPluginAsyncZod {
  return async (app) => {
    // Tokens are 256 random bits; the limit keeps guessing and hashing floods cheap for us.
    const rateLimit = { max: 20, timeWindow: '1 minute' };

    app.get(
      '/:token',
      {
        schema: {
          tags: ['invites'],
          summary: 'Who an invite link is for (no sign-in needed)',
          security: [],
          params: InviteTokenParamsSchema,
          response: { 200: InviteInfoBodySchema, 404: ErrorBodySchema },
        },
        config: { rateLimit },
      },
      async (request) => domain.invites.info(request.params.token),
    );

    app.post(
      '/:token',
      {
        schema: {
          tags: ['invites'],
          summary: 'Accept an invite: choose a password and get signed in (sets the session cookie)',
          security: [],
          params: InviteTokenParamsSchema,
          body: AcceptInviteBodySchema,
          response: { 200: AgentBodySchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
        config: { rateLimit },
      },
      async (request, reply) => {
        const { agent, token, expiresAt } = await domain.invites.accept(
          request.params.token,
          request.body.password,
        );
        void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(publicUrl, expiresAt));
        return { agent };
      },
    );
  };
}
