// The signed-in agent's own settings.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgentBodySchema,
  AvailabilityBodySchema,
  ErrorBodySchema,
  NotificationSettingsBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

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
        agent: domain.presence.setAvailable(currentAgent(request).id, request.body.available),
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
      async (request) => ({ settings: domain.settings.notifications(currentAgent(request).id) }),
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
        settings: domain.settings.setNotifications(currentAgent(request).id, request.body.settings),
      }),
    );
  };
}
