// Admins keep each site's business hours (outside them the Live Chat card goes straight to the offline flow).
// Agents get 403 here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BusinessHoursBodySchema,
  BusinessHoursSettingsSchema,
  ErrorBodySchema,
  IdParamsSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

export function businessHoursRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

    app.get(
      '/:id/business-hours',
      {
        schema: {
          tags: ['sites'],
          summary: "The site's business hours (off until an admin turns them on: always open)",
          params: IdParamsSchema,
          response: { 200: BusinessHoursBodySchema, ...errors },
        },
      },
      async (request) => ({ businessHours: await domain.businessHours.get(request.params.id) }),
    );

    app.put(
      '/:id/business-hours',
      {
        schema: {
          tags: ['sites'],
          summary: 'Set the weekly opening times, time zone and holidays, and turn business hours on or off',
          params: IdParamsSchema,
          body: BusinessHoursSettingsSchema,
          response: { 200: BusinessHoursBodySchema, ...errors },
        },
      },
      async (request) => ({
        businessHours: await domain.businessHours.save(request.params.id, request.body),
      }),
    );
  };
}
