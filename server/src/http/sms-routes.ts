// The SMS settings page's API (admins only): a site's number, switch and status, the account's numbers, Disconnect,
// and the provider account entered on the page.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  IdParamsSchema,
  SmsAccountBodySchema,
  SmsAccountResponseSchema,
  SmsNumberListBodySchema,
  SmsSenderListBodySchema,
  SmsSettingsBodySchema,
  UpdateSmsSettingsBodySchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { guards } from './session.js';

export function smsRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin, requireAgent } = guards(domain);
  const settings = domain.sms.settings;
  return async (app) => {
    app.get(
      '/sms/senders',
      {
        preHandler: requireAgent,
        schema: {
          tags: ['sms'],
          summary:
            'The numbers texts go out from, one per site that connected one (every agent: "New message")',
          response: { 200: SmsSenderListBodySchema, 401: ErrorBodySchema },
        },
      },
      async () => ({ senders: await settings.senders() }),
    );
    // Everything else is the settings page's: admins only.
    const errors = {
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    };
    const tags = ['sms'];

    app.get(
      '/sites/:id/sms',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          summary: "The site's SMS status, number, switch, webhook URLs and troubleshooting (admins only)",
          params: IdParamsSchema,
          response: { 200: SmsSettingsBodySchema, ...errors },
        },
      },
      async (request) => ({ sms: await settings.view(request.params.id) }),
    );

    app.patch(
      '/sites/:id/sms',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          summary:
            'Connect or switch the number (one of the account’s), turn sending on or off, set the HELP text',
          params: IdParamsSchema,
          body: UpdateSmsSettingsBodySchema,
          response: { 200: SmsSettingsBodySchema, ...errors, 502: ErrorBodySchema },
        },
      },
      async (request) => ({ sms: await settings.save(request.params.id, request.body) }),
    );

    app.delete(
      '/sites/:id/sms',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          summary: 'Disconnect the number: texts cannot be sent until one is connected again',
          params: IdParamsSchema,
          response: { 200: SmsSettingsBodySchema, ...errors },
        },
      },
      async (request) => ({ sms: await settings.disconnect(request.params.id) }),
    );

    app.get(
      '/sms/numbers',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          summary: "The provider account's numbers, for the Number dropdown",
          response: { 200: SmsNumberListBodySchema, ...errors, 502: ErrorBodySchema },
        },
      },
      async () => ({ numbers: await settings.numbers() }),
    );

    app.put(
      '/sms/account',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          summary: 'The Twilio account (when TWILIO_* variables do not set it); the token is never sent back',
          body: SmsAccountBodySchema,
          response: { 200: SmsAccountResponseSchema, ...errors },
        },
      },
      async (request) => ({ account: await settings.saveAccount(request.body) }),
    );
  };
}
