// The signed-in agent's own settings.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgentBodySchema,
  AvailabilityBodySchema,
  ChangePasswordBodySchema,
  ErrorBodySchema,
  NotificationSettingsBodySchema,
  UpdateProfileBodySchema,
} from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import { currentAgent, guards, sessionToken } from './session.js';

export function meRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    app.put(
      '/availability',
      {
        schema: {
          tags: ['auth'],
          summary:
            'The "Available" switch. Agents get chats only while it is on and a dashboard of theirs is connected',
          body: AvailabilityBodySchema,
          response: { 200: AgentBodySchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({
        agent: await domain.presence.setAvailable(currentAgent(request).id, request.body.available),
      }),
    );

    app.get(
      '/settings',
      {
        schema: {
          tags: ['auth'],
          summary: 'Which desktop notifications the agent wants',
          response: { 200: NotificationSettingsBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({ settings: await domain.settings.notifications(currentAgent(request).id) }),
    );

    app.put(
      '/settings',
      {
        schema: {
          tags: ['auth'],
          summary: 'Turn each kind of desktop notification (and the sound) on or off',
          body: NotificationSettingsBodySchema,
          response: { 200: NotificationSettingsBodySchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({
        settings: await domain.settings.setNotifications(currentAgent(request).id, request.body.settings),
      }),
    );

    app.patch(
      '/profile',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Change your own name (visitors see it from the next "joined the chat" on) or your dashboard language (null: the browser\'s)',
          body: UpdateProfileBodySchema,
          response: { 200: AgentBodySchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({ agent: await domain.profile.update(currentAgent(request).id, request.body) }),
    );

    app.put(
      '/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change your own password; every other session of yours ends (this one stays signed in)',
          body: ChangePasswordBodySchema,
          response: { 204: z.null().describe('No content'), 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
        config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const session = await domain.auth.session(sessionToken(request));
        if (!session) throw new DomainError(ErrorCode.Unauthorized, 'Sign in first.');
        await domain.profile.changePassword(session.agent.id, session.sessionHash, request.body);
        return reply.code(204).send(null);
      },
    );
  };
}
