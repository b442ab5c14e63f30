// The provider's webhooks: form-encoded POSTs signed over the public URL they were sent to (PUBLIC_URL plus the path
// and query as received: behind a reverse proxy, the URL the provider called is the public one, not ours). Unsigned
// or forged requests get 403 and nothing is stored; accepted ones get an empty TwiML answer (no auto-reply).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { SMS_WEBHOOK_PATHS } from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import type { WebhookKind } from '../domain/sms/webhooks.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const FORM = 'application/x-www-form-urlencoded';

/** The provider's paths, relative to this plugin's prefix (/webhooks/twilio). */
const ROUTES: Record<WebhookKind, string> = {
  messages: SMS_WEBHOOK_PATHS.messages.replace('/webhooks/twilio', ''),
  status: SMS_WEBHOOK_PATHS.status.replace('/webhooks/twilio', ''),
};

export function smsWebhookRoutes(domain: Domain, publicUrl: string): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );
    const receive = (kind: WebhookKind) => async (request: FastifyRequest) => {
      const params = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
      await domain.sms.webhooks.receive(kind, {
        url: publicUrl + request.raw.url,
        headers: request.headers,
        params,
      });
      return EMPTY_TWIML;
    };
    for (const [kind, path] of Object.entries(ROUTES) as [WebhookKind, string][]) {
      app.post(
        path,
        {
          config: { rateLimit: { max: 1200, timeWindow: '1 minute' } },
          schema: { hide: true },
        },
        async (request, reply) => reply.type('text/xml; charset=utf-8').send(await receive(kind)(request)),
      );
    }
  };
}
