import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgentBodySchema, ErrorBodySchema, LoginBodySchema } from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards, SESSION_COOKIE, sessionCookieOptions, sessionToken } from './session.js';

export function authRoutes(domain: Domain, publicUrl: string): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the HttpOnly session cookie',
          body: LoginBodySchema,
          response: { 200: AgentBodySchema, 401: ErrorBodySchema },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { agent, token, expiresAt } = await domain.auth.login(
          request.body.email,
          request.body.password,
        );
        void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(publicUrl, expiresAt));
        return { agent };
      },
    );

    app.post(
      '/logout',
      { schema: { tags: ['auth'], summary: 'Sign out; ends this session' } },
      async (request, reply) => {
        await domain.auth.logout(sessionToken(request));
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(publicUrl));
        return reply.code(204).send();
      },
    );

    app.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in agent',
          response: { 200: AgentBodySchema, 401: ErrorBodySchema },
        },
        preHandler: requireAgent,
      },
      async (request) => ({ agent: currentAgent(request) }),
    );
  };
}
