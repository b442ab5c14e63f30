// Outbound webhooks for admins: register, change and delete them, read their delivery log, retry a failed delivery.
// Agents get 403. The signing secret is in the creation response only.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedWebhookBodySchema,
  CreateWebhookBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  UpdateWebhookBodySchema,
  WebhookBodySchema,
  WebhookDeliveryBodySchema,
  WebhookDeliveryListBodySchema,
  WebhookListBodySchema,
} from '@livechat/shared/api';
import { IdSchema } from '@livechat/shared/model';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

const DeliveryParamsSchema = z.object({ id: IdSchema, deliveryId: IdSchema });

export function webhookRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
    const tags = ['webhooks'];

    app.get(
      '/',
      {
        schema: {
          tags,
          summary: 'Registered webhooks, without their secrets (admins only)',
          response: { 200: WebhookListBodySchema, ...errors },
        },
      },
      async () => ({ webhooks: await domain.webhooks.list() }),
    );

    app.post(
      '/',
      {
        schema: {
          tags,
          summary: 'Register a webhook; the response carries its signing secret, shown this once',
          body: CreateWebhookBodySchema,
          response: { 201: CreatedWebhookBodySchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await domain.webhooks.create(request.body)),
    );

    app.patch(
      '/:id',
      {
        schema: {
          tags,
          summary: 'Change the URL or events, or switch a webhook off and on (admins only)',
          params: IdParamsSchema,
          body: UpdateWebhookBodySchema,
          response: { 200: WebhookBodySchema, ...errors },
        },
      },
      async (request) => ({ webhook: await domain.webhooks.update(request.params.id, request.body) }),
    );

    app.delete(
      '/:id',
      {
        schema: {
          tags,
          summary: 'Delete a webhook and its delivery log; nothing pending is sent any more',
          params: IdParamsSchema,
          response: { 204: z.null().describe('No content'), ...errors },
        },
      },
      async (request, reply) => {
        await domain.webhooks.remove(request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/:id/deliveries',
      {
        schema: {
          tags,
          summary:
            "The webhook's newest deliveries, newest first: status, attempts, last status code and error",
          params: IdParamsSchema,
          response: { 200: WebhookDeliveryListBodySchema, ...errors },
        },
      },
      async (request) => ({ deliveries: await domain.webhooks.deliveries(request.params.id) }),
    );

    app.post(
      '/:id/deliveries/:deliveryId/retry',
      {
        schema: {
          tags,
          summary: 'Send a failed delivery once more, with the same id and body',
          params: DeliveryParamsSchema,
          response: { 200: WebhookDeliveryBodySchema, ...errors, 409: ErrorBodySchema },
        },
      },
      async (request) => ({
        delivery: await domain.webhooks.retry(request.params.id, request.params.deliveryId),
      }),
    );
  };
}
