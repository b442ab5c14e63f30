// TODO(helper): admin routes for webhooks and their delivery log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Domain } from '../domain/index.js';

export function webhookRoutes(_domain: Domain): FastifyPluginAsyncZod {
  return async () => {};
}
